"""Reading a CSV file of local figures, as people really have them (docs/indicators.md).

Accepted: ";" (Dutch Excel), "," or tab as separator; UTF-8 with or without BOM, or Windows-1252;
a header line with Dutch or English column names in any order; Dutch decimal commas ("9,8",
"1.234,5") as well as decimal points ("9.8"). Anything else gets one clear Dutch message that names
the line and column, and nothing of the file is used: all or nothing.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from gesprekstool.lib.text import clean_line

from .models import VALUE_DECIMALS, VALUE_DIGITS, Indicator

MAX_BYTES = 1024 * 1024
MAX_ROWS = 500

# Column -> the header names that mean it (compared in lower case, without spaces around them).
COLUMNS = {
    "name": ("indicator", "indicatornaam", "naam", "onderwerp", "onderwerpen", "name"),
    "value": ("value", "waarde", "cijfer"),
    "unit": ("unit", "eenheid"),
    "year": ("year", "jaar", "periode", "perioden", "period"),
    "area": ("area", "gebied", "regio", "regio's", "wijk", "gemeente", "region"),
    "source": ("source", "bron"),
    "link": ("link", "url", "bronlink", "source link"),
}
# The columns' names as the messages call them (the file's own words, not text of the tool).
TITLES = {
    "name": "indicator",
    "value": "waarde",
    "unit": "eenheid",
    "year": "jaar",
    "area": "gebied",
    "source": "bron",
    "link": "link",
}
EXAMPLE_HEADER = "indicator;waarde;eenheid;jaar;gebied;bron"
REQUIRED = ("name", "value", "year", "area", "source")
OPTIONAL = ("unit", "link")
# CBS StatLine writes a year as "2023", "2023JJ00" or, when provisional, "2023*".
THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(\.\d{3})+")
YEAR = re.compile(r"^(\d{4})(?:JJ00)?\*?$", re.IGNORECASE)
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_VALUE = Decimal(10) ** (VALUE_DIGITS - VALUE_DECIMALS)
FIELD_LENGTHS = {
    name: Indicator._meta.get_field(name).max_length for name in ("name", "unit", "area", "source")
}
LINK_LENGTH = Indicator._meta.get_field("link").max_length


class FileProblem(ValueError):
    """Why a file cannot be imported, in Dutch, naming the line and column where possible."""


@dataclass(frozen=True)
class Row:
    name: str
    value: Decimal
    unit: str
    year: int
    area: str
    source: str
    link: str = ""
    line: int = 0

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.name.casefold(), self.year, self.area.casefold())


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), otherwise Windows-1252 (Excel's "CSV" on Windows)."""
    if b"\x00" in data[:4096]:
        raise FileProblem(
            _(
                "This is not a CSV file (it may be an Excel workbook). In Excel choose “Save as” and the "
                "type “CSV (semicolon delimited)”."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileProblem(
            _("Line %(line)s has a character we cannot read. Save the file as UTF-8 and try again.")
            % {"line": line}
        ) from None


def separator(header: str) -> str:
    """ ";" when the header line has one (Dutch Excel), else "," or a tab, whichever it has most of."""
    counts = {sep: header.count(sep) for sep in (";", "\t", ",")}
    if counts[";"]:
        return ";"
    best = max(counts, key=lambda sep: counts[sep])
    if not counts[best]:
        raise FileProblem(
            _("Line 1 should name the columns, separated by “;” or “,”. We found only one column.")
        )
    return best


def columns(header: list[str]) -> dict[str, int]:
    """Which column (0-based) holds what; a missing or doubled required column is a FileProblem."""
    names = {alias: column for column, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        column = names.get(title.strip().strip('"').casefold())
        if column is None:
            continue  # other columns (an id, a note) are left alone
        if column in found:
            raise FileProblem(
                _("Line 1, column %(number)s: “%(title)s” is the second column for %(what)s.")
                % {"number": index + 1, "title": title.strip(), "what": TITLES[column]}
            )
        found[column] = index
    missing = [TITLES[c] for c in REQUIRED if c not in found]
    if missing:
        raise FileProblem(
            _(
                "Line 1 misses the column(s) %(missing)s. The first line names the columns, for example "
                "%(example)s (English names work too)."
            )
            % {"missing": ", ".join(missing), "example": EXAMPLE_HEADER}
        )
    return found


def parse_value(text: str, *, dutch: bool = True) -> Decimal:
    """ "9,8", "9.8", "1.234,5", "1,234.5", "38.600", "-3" -> Decimal; raises ValueError when it is no number.

    With both a point and a comma, the last one is the decimal sign. A single comma is a decimal
    comma. Points alone are thousands separators when there are several ("1.234.567") or, in Dutch
    (`dutch`: a ";" file or a form), when they group three digits after a non-zero start ("38.600");
    otherwise one point is a decimal point ("9.8", "0.125")."""
    text = text.replace("\u00a0", "").replace(" ", "")
    if "," in text and "." in text:
        decimal_sign = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_sign == "," else ","
        text = text.replace(thousands, "").replace(decimal_sign, ".")
    elif text.count(",") == 1:
        text = text.replace(",", ".")
    elif text.count(".") > 1 or (dutch and THOUSANDS.fullmatch(text)):
        text = text.replace(".", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise ValueError(text)
    try:
        value = Decimal(text).quantize(Decimal(1).scaleb(-VALUE_DECIMALS), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise ValueError(text) from None
    if abs(value) >= MAX_VALUE:
        raise ValueError(text)
    return value


def read(data: bytes) -> list[Row]:
    """Every figure in a CSV file, or a FileProblem for the first thing wrong with it."""
    if len(data) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 1 MB. Split it into smaller files."))
    text = decode(data)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise FileProblem(_("The file is empty."))
    delimiter = separator(lines[first])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[Row] = []
    found: dict[str, int] | None = None
    seen: dict[tuple[str, int, str], int] = {}
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if found is None:
                found = columns(record)
                width = len(record)
                continue
            if len(rows) >= MAX_ROWS:
                raise FileProblem(
                    _("The file has more than %(count)s figures. Split it into smaller files.")
                    % {"count": MAX_ROWS}
                )
            row = read_row(record, line=line, found=found, width=width, dutch=delimiter == ";")
            if row.key in seen:
                raise FileProblem(
                    _("Line %(line)s: this indicator, year and area are already on line %(first)s.")
                    % {"line": line, "first": seen[row.key]}
                )
            seen[row.key] = line
            rows.append(row)
    except csv.Error:
        raise FileProblem(
            _('Line %(line)s: a quotation mark (") is not closed.') % {"line": reader.line_num}
        ) from None
    if not rows:
        raise FileProblem(_("The file names the columns but has no figures below them."))
    return rows


def read_row(record: list[str], *, line: int, found: dict[str, int], width: int, dutch: bool) -> Row:
    if len(record) != width:
        raise FileProblem(
            _(
                "Line %(line)s has %(count)s columns, line 1 has %(width)s. Is there a separator (; or ,) "
                "in a text or a number? Put that text between quotation marks."
            )
            % {"line": line, "count": len(record), "width": width}
        )

    def cell(column: str) -> str:
        return clean_line(record[found[column]]).strip() if column in found else ""

    def problem(column: str, message: str) -> FileProblem:
        return FileProblem(
            _("Line %(line)s, column %(number)s (%(title)s): %(message)s")
            % {"line": line, "number": found[column] + 1, "title": TITLES[column], "message": message}
        )

    texts = {}
    for column in ("name", "area", "source", "unit"):
        texts[column] = cell(column)
        if column in REQUIRED and not texts[column]:
            raise problem(column, _("this is empty."))
        if len(texts[column]) > FIELD_LENGTHS[column]:
            raise problem(column, _("longer than %(max)s characters.") % {"max": FIELD_LENGTHS[column]})
    raw_value = cell("value")
    try:
        value = parse_value(raw_value, dutch=dutch)
    except ValueError:
        raise problem(
            "value", _("“%(value)s” is not a number (write for example 9,8 or 1250).") % {"value": raw_value}
        ) from None
    match = YEAR.match(cell("year"))
    year = int(match.group(1)) if match else 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise problem(
            "year", _("“%(year)s” is not a year (write for example 2024).") % {"year": cell("year")}
        )
    link = cell("link")
    if link:
        try:
            if len(link) > LINK_LENGTH:
                raise ValidationError("too long")
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            raise problem("link", _("a link starts with https:// and has at most 500 characters.")) from None
    return Row(
        name=texts["name"],
        value=value,
        unit=texts["unit"],
        year=year,
        area=texts["area"],
        source=texts["source"],
        link=link,
        line=line,
    )
