"""Which language a page, mail or export is in: one of settings.LANGUAGES (Dutch or English).

One mechanism everywhere: a page follows the browser's choice (the language cookie that Django's
set_language view writes); a mail, export or calendar follows its reader's language, rendered inside
``translation.override(language_of(...))``.
"""

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation


def supported(code: str | None) -> str | None:
    """``code`` as one of settings.LANGUAGES ("en-gb" -> "en"), or None when it is none of them."""
    if not code:
        return None
    codes = [language for language, _name in settings.LANGUAGES]
    code = code.lower()
    if code in codes:
        return code
    base = code.split("-")[0]
    return base if base in codes else None


def language_of(code: str | None) -> str:
    """``code`` as one of settings.LANGUAGES, or the site's language (Dutch) when it is empty or unknown."""
    return supported(code) or settings.LANGUAGE_CODE


def chosen_language(request: HttpRequest) -> str | None:
    """The language this browser chose with the switch (its language cookie), or None."""
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))


def activate(request: HttpRequest, code: str | None) -> str:
    """Show the rest of this request in ``code`` (normalised as language_of does); return it."""
    language = language_of(code)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


# The language tag a document (Word, Excel) carries for its spelling check and hyphenation.
DOCUMENT_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def document_language() -> str:
    """The active language as a document's language tag: "nl-NL" or "en-GB"."""
    return DOCUMENT_TAGS[language_of(translation.get_language())]
