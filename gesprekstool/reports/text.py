"""Making free text safe for the file formats the exports write.

Participants type whatever they like; XML (Word, Excel) cannot hold most control characters,
and a spreadsheet treats a cell that starts with "=" as a formula.
"""

import re

# Characters XML 1.0 does not allow (python-docx and openpyxl refuse them), plus lone surrogates.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A character that makes Excel or LibreOffice read a CSV cell as a formula (OWASP, "CSV injection"),
# at the start of the text or of any piece a spreadsheet may split off at "," or ";" (a Dutch Excel
# splits at ";" and does not honour the quotes of a comma-separated file), after spaces or quotes.
_FORMULA = re.compile(r'(^|[,;])([\s"]*)([=+\-@\t\r])')


def xml_safe(text: str) -> str:
    """The text without the characters an XML document cannot hold."""
    return _NOT_IN_XML.sub("", text)


def csv_safe(text: str) -> str:
    """The text with an apostrophe before every "=", "+", "-", "@", tab or carriage return that starts
    it or starts a piece after "," or ";", so that no spreadsheet runs it as a formula, whichever
    separator it splits on. See docs/exports.md."""
    return _FORMULA.sub(r"\1\2'\3", text)
