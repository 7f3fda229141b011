"""Making free text safe for the file formats the exports write.

Participants type whatever they like; XML (Word, Excel) cannot hold most control characters,
and a spreadsheet treats a cell that starts with "=" as a formula.
"""

import re

# Characters XML 1.0 does not allow (python-docx and openpyxl refuse them), plus lone surrogates.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A leading character that makes Excel or LibreOffice read a CSV cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_safe(text: str) -> str:
    """The text without the characters an XML document cannot hold."""
    return _NOT_IN_XML.sub("", text)


def csv_safe(text: str) -> str:
    """The text, with a leading apostrophe where a spreadsheet would otherwise run it as a formula."""
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text
