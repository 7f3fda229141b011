"""Site-wide middleware: response headers every page gets (Permissions-Policy and, for pages from Django,
no caching), and the language of every page."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from gesprekstool.lib import language


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy, and `Cache-Control: no-store` to every response that did not set
    its own caching: participant, owner and facilitator pages hold answers and personal links that
    a shared computer's browser cache must not keep. Static files are served outside Django in
    production (and keep their own long caching)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if "Cache-Control" not in response.headers and not request.path.startswith(
            "/" + settings.STATIC_URL.lstrip("/")
        ):
            response.headers["Cache-Control"] = "no-store"
        return response


class LanguageMiddleware:
    """Every page in the language this browser chose with the switch, else in Dutch.

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: the users are Dutch
    policy officers whose browsers are often set to English, and the tool is Dutch unless someone
    chooses otherwise. Pages of a round opened without a choice use the round's language instead
    (rounds.respondent). Responses vary on the cookie and say their language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language.activate(request, language.chosen_language(request))
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
