"""The message catalogues (docs/translations.md): up to date with the code, Dutch complete, English from
English msgids.

The Dutch lives only in gesprekstool/locale/nl/LC_MESSAGES/django.po. Texts of the instrument ("weet niet",
the scale labels) come from the instrument definition, so they never appear as a msgid.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gesprekstool"
NL_PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"
EN_PO = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"

# Words spelled the same in Dutch and English: their English msgstr may equal the Dutch one.
SAME_IN_BOTH = {
    "Account",
    "Code",
    "code",
    "Focus",
    "focus",
    "Gesprekstool",  # the product's name
    "Indicator",
    "indicator",
    "Instrument",
    "open",
    "score",
    "Score:",
    "scores",
    "Status",
    "status",
    "Status: %(old)s → %(new)s",
    "Team",
    "Tip",
    "%(counter)s item",
    "%(counter)s score",
}

# Dutch words that do not occur in English text; a msgid containing one is (partly) Dutch. Whole words,
# case-insensitive; placeholders like %(name)s are left out before the search.
DUTCH_WORDS = (
    "de",
    "het",
    "een",
    "en",
    "van",
    "voor",
    "niet",
    "weet",
    "klaar",
    "wel",
    "ook",
    "bij",
    "uw",
    "ronde",
    "deelnemer",
    "gespreksleider",
    "gemeente",
    "gemeenten",
    "mee eens",
    "neutraal",
    "thema",
    "stelling",
)
DUTCH = re.compile(r"\b(" + "|".join(re.escape(word) for word in DUTCH_WORDS) + r")\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{[^}]*\}")


def key(entry: polib.POEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def live(path: Path) -> list[polib.POEntry]:
    return [entry for entry in polib.pofile(str(path)) if not entry.obsolete]


def translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """A copy of the package with makemessages run on it as `make messages` does; the copy's locale."""
    copy = tmp_path_factory.mktemp("catalogue") / "gesprekstool"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static"))
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "messages.py"), "--makemessages-only", str(copy)],
        check=True,
        capture_output=True,
    )
    return copy / "locale"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_catalogue_has_exactly_the_msgids_of_the_code(extracted, language):
    committed = {key(entry) for entry in live(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po")}
    fresh = {key(entry) for entry in live(extracted / language / "LC_MESSAGES" / "django.po")}

    # Run `make messages` (scripts/messages.py) and commit the .po files when this fails.
    assert sorted(fresh - committed) == []
    assert sorted(committed - fresh) == []


def test_every_dutch_entry_is_translated_and_not_fuzzy():
    incomplete = [
        entry.msgid
        for entry in live(NL_PO)
        if "fuzzy" in entry.flags or not all(text.strip() for text in translations(entry))
    ]

    assert incomplete == []


def test_every_english_entry_is_its_msgid():
    differ = [
        entry.msgid
        for entry in live(EN_PO)
        if "fuzzy" in entry.flags
        or translations(entry) != [entry.msgid, entry.msgid_plural][: len(translations(entry))]
    ]

    assert differ == []


def test_no_msgid_is_dutch():
    dutch = [entry.msgid for entry in live(NL_PO) if DUTCH.search(PLACEHOLDER.sub(" ", entry.msgid))]

    assert dutch == []


def test_no_english_text_equals_its_dutch():
    dutch = {key(entry): translations(entry) for entry in live(NL_PO)}
    same = [
        entry.msgid
        for entry in live(EN_PO)
        if translations(entry) == dutch.get(key(entry)) and entry.msgid not in SAME_IN_BOTH
    ]

    assert same == []


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("Klaar: hand in my answers", True),
        ("Average score per domain (without “weet niet”)", True),
        ("1 = helemaal niet mee eens", True),
        ("For example: Armoede en gezondheid, voorjaar 2027.", True),
        ("Done: hand in my answers", False),
        ("Theme %(theme)s, open", False),
        ("Delete the round", False),
    ],
)
def test_the_dutch_word_check_tells_dutch_from_english(text, dutch):
    assert bool(DUTCH.search(PLACEHOLDER.sub(" ", text))) is dutch
