"""Extract, fill and compile the message catalogues.

    python scripts/messages.py          # makemessages, fill, compile; lists msgids still without Dutch

Dutch for new msgids comes from `NL` dicts in gesprekstool/*/nl_messages.py (msgid -> Dutch); existing
translations in the catalogue are kept. English is the source language: its msgstr is the msgid itself.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gesprekstool"


def dutch_sources() -> dict:
    merged = {}
    for path in sorted(PACKAGE.glob("*/nl_messages.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        merged.update(module.NL)
    return merged


def fill(po_path: Path, language: str, dutch: dict) -> list[str]:
    catalogue = polib.pofile(str(po_path), wrapwidth=79)
    missing = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        fuzzy = "fuzzy" in entry.flags
        if entry.msgid_plural:
            key = (entry.msgid, entry.msgid_plural)
            if language == "en":
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            elif key in dutch and (fuzzy or not all(entry.msgstr_plural.values())):
                entry.msgstr_plural = dict(enumerate(dutch[key]))
        elif language == "en":
            entry.msgstr = entry.msgid
        elif entry.msgid in dutch and (fuzzy or not entry.msgstr):
            entry.msgstr = dutch[entry.msgid]
        if language == "en" or entry.msgid in dutch or (entry.msgid, entry.msgid_plural) in dutch:
            if fuzzy:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = None
        if "fuzzy" in entry.flags or not (entry.msgstr or all(entry.msgstr_plural.values() or [""])):
            missing.append(entry.msgid)
    catalogue.save()
    return missing


def main() -> int:
    python = sys.executable
    manage = str(ROOT / "manage.py")
    subprocess.run(
        [python, manage, "makemessages", "-l", "nl", "-l", "en", "--no-obsolete", "--ignore=static/*", "-v0"],
        cwd=PACKAGE,
        check=True,
    )
    dutch = dutch_sources()
    status = 0
    for language in ("nl", "en"):
        missing = fill(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po", language, dutch)
        for msgid in missing:
            print(f"{language}: no translation for {msgid!r}")
            status = 1
    subprocess.run([python, manage, "compilemessages", "-v0"], cwd=PACKAGE, check=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
