"""Update and compile the message catalogues: the standard Django workflow.

    python scripts/messages.py          # or: make messages
    python scripts/messages.py --makemessages-only DIR   # step 1 only, in a copy of the package (for the tests)

1. `makemessages -l nl -l en` brings gesprekstool/locale/{nl,en}/LC_MESSAGES/django.po up to date with the
   msgids in the code and templates (obsolete entries are dropped).
2. English is the source language: every English msgstr is set to its msgid (as GNU `msgen` does), so no
   English entry is empty or fuzzy.
3. `compilemessages` writes the .mo files (not in git).

The Dutch lives only in the nl .po: write it there. The script lists Dutch entries still empty or fuzzy and
then exits 1; tests/test_translations.py fails on them too.
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gesprekstool"
LOCALE = PACKAGE / "locale"
MAKEMESSAGES_OPTIONS = (
    "-l",
    "nl",
    "-l",
    "en",
    "-e",
    "html,txt,py,svg",
    "--no-obsolete",
    "--ignore=static/*",
    "-v0",
)


def makemessages(*, package: Path = PACKAGE) -> None:
    """Run `makemessages` in ``package`` (the working directory decides which files are scanned and which
    locale directory is written). Side effect: rewrites the .po files of that tree."""
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", *MAKEMESSAGES_OPTIONS],
        cwd=package,
        check=True,
    )


def english_from_msgids(po_path: Path) -> None:
    """Set every msgstr of the English catalogue at ``po_path`` to its msgid and drop fuzzy flags.
    Side effect: saves the file."""
    catalogue = polib.pofile(str(po_path), wrapwidth=79)
    for entry in catalogue:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    catalogue.save()


def incomplete(po_path: Path) -> list[str]:
    """The msgids in the catalogue at ``po_path`` that are fuzzy or have an empty translation."""
    return [
        entry.msgid
        for entry in polib.pofile(str(po_path))
        if not entry.obsolete and ("fuzzy" in entry.flags or not entry.translated())
    ]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--makemessages-only"]:
        makemessages(package=Path(argv[1]).resolve())
        return 0
    makemessages()
    english_from_msgids(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    missing = incomplete(LOCALE / "nl" / "LC_MESSAGES" / "django.po")
    for msgid in missing:
        print(f"nl: write the Dutch for {msgid!r} in gesprekstool/locale/nl/LC_MESSAGES/django.po")
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "compilemessages", "-v0"], cwd=PACKAGE, check=True
    )
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
