"""Dutch for msgids of the rounds app that are not in the catalogue yet (merged by scripts/messages.py)."""

NL = {
    "repeat of": "herhaling van",
    "show participants anonymised": "deelnemers anoniem tonen",
    "Results show “Participant 1 (Poverty)” instead of names.": "De uitkomsten tonen “Deelnemer 1 (Armoede)” in plaats van namen.",
    "participants may see the group results": "deelnemers mogen de uitkomsten van de groep zien",
    "results revealed at": "uitkomsten getoond op",
    "join code": "deelnamecode",
}
