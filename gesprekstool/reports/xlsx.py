"""The round's raw data as an Excel workbook (openpyxl), for the analyst.

Sheets: the round and its follow-up agreement, step 1, step 2 and the action agenda; one row per
participant and item with the instrument's codes and texts. Texts are stored as text, never as
formulas, whatever they start with.
"""

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from gesprekstool.lib.language import document_language
from gesprekstool.lib.numbers import one_decimal
from gesprekstool.rounds.models import Round

from .summary import theme_stats
from .tabular import Tables, agreement_rows, round_tables
from .text import xml_safe

DATE_FORMAT = "DD-MM-YYYY"
# Excel's limit for the text of one cell (openpyxl cuts there too).
CELL_TEXT_LIMIT = 32767
# Rows per piece written to the file: a few hundred kB of XML at a time, never the whole sheet.
ROWS_PER_CHUNK = 500


@dataclass
class _Body:
    """A sheet's rows below the header, written as SpreadsheetML by `_body_xml` into the file
    openpyxl made (see `_with_bodies`)."""

    sheet: object
    rows: list[list]
    styles: dict[int, int]  # column (from 0) -> openpyxl's style id for every cell of that column
    date_style: int


def _sheet(  # noqa: PLR0913 - a sheet is described by all of these
    workbook,
    title: str,
    header: list[str],
    rows: list[list],
    widths: list[int],
    *,
    filter_: bool = True,
    column_formats: dict[int, str] | None = None,
) -> _Body:
    """A sheet with a bold, wrapped header, the first row frozen, a filter over all rows and
    column widths, made by openpyxl (write-only mode). Its other rows are returned as a `_Body`, for
    `_with_bodies` to write: openpyxl's per-cell writer was most of the export's time (305,000
    cells at 300 participants). Texts are always stored as text, dates as DD-MM-YYYY. Every cell
    of a column in `column_formats` (counted from 0) gets that number format, the empty ones too,
    so a date typed there later shows the same way."""
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    sheet = workbook.create_sheet(title)
    # Widths and panes go into the sheet's head, written with the first row.
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold, top = Font(bold=True), Alignment(vertical="top", wrap_text=True)

    def style_id(number_format: str) -> int:
        # Asking a cell for its style id adds the style to the workbook's styles.xml.
        cell = WriteOnlyCell(sheet)
        cell.number_format = number_format
        return cell.style_id

    def header_cell(text):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.alignment = bold, top
        return cell

    sheet.append([header_cell(text) for text in header])
    if rows and filter_:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    styles = {column: style_id(number_format) for column, number_format in (column_formats or {}).items()}
    return _Body(sheet=sheet, rows=rows, styles=styles, date_style=style_id(DATE_FORMAT))


def _text_xml(text: str) -> str:
    """The end of a text cell, after its reference: an inline string (as openpyxl writes it),
    never a formula, whatever the text starts with."""
    text = xml_safe(text)[:CELL_TEXT_LIMIT]
    if not text:
        return '" t="inlineStr"></c>'
    space = ' xml:space="preserve"' if text != text.strip() else ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return f'" t="inlineStr"><is><t{space}>{escaped}</t></is></c>'


def _other_xml(ref: str, value, style: int | None, date_style: int) -> str:
    """A cell that is not text: a number, a date (its serial number, styled as a date unless its
    column has a format), a yes/no, or an empty cell that only carries its column's format."""
    from openpyxl.utils.datetime import to_excel  # noqa: PLC0415

    if isinstance(value, date):
        value, style = to_excel(value), date_style if style is None else style
    styled = "" if style is None else f' s="{style}"'
    if value is None:
        return f'<c r="{ref}"{styled} t="n"></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{styled} t="b"><v>{value:d}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{styled} t="n"><v>{value:.16g}</v></c>'
    raise TypeError(f"No Excel cell for {value!r}")


def _body_xml(body: _Body) -> Iterator[bytes]:
    """The `<row>` elements of `body`, from row 2, in pieces of ROWS_PER_CHUNK rows: the same
    SpreadsheetML openpyxl writes for these values (a number as %.16g, a date as its serial number
    with the date style, an empty text as an empty inline string, None as no cell unless its column
    has a format)."""
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    width = max((len(row) for row in body.rows), default=0)
    letters = [get_column_letter(i) for i in range(1, width + 1)]
    texts: dict[str, str] = {}  # most texts repeat on every row (titles, items, names)
    pieces: list[str] = []
    for number, row in enumerate(body.rows, start=2):
        pieces.append(f'<row r="{number}">')
        for column, value in enumerate(row):
            ref = f"{letters[column]}{number}"
            if isinstance(value, str):
                tail = texts.get(value)
                if tail is None:
                    tail = texts[value] = _text_xml(value)
                pieces.append(f'<c r="{ref}{tail}')
            elif value is not None or column in body.styles:
                pieces.append(_other_xml(ref, value, body.styles.get(column), body.date_style))
        pieces.append("</row>")
        if number % ROWS_PER_CHUNK == 0:
            yield "".join(pieces).encode()
            pieces.clear()
    yield "".join(pieces).encode()


def _with_bodies(data: bytes, bodies: list[_Body]) -> bytes:
    """openpyxl's file `data` with each body's rows written into its sheet, after the header row.

    Every other part of the file (styles, workbook, document properties) stays as openpyxl wrote
    it; the sheets are streamed into the new file piece by piece."""
    import zipfile  # noqa: PLC0415

    by_path = {body.sheet.path.lstrip("/"): body for body in bodies}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as made,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as final,
    ):
        for info in made.infolist():
            content = made.read(info)
            body = by_path.get(info.filename)
            if body is None:
                final.writestr(info, content)
                continue
            head, end, tail = content.partition(b"</sheetData>")
            with final.open(info, "w") as part:
                part.write(head)
                for piece in _body_xml(body):
                    part.write(piece)
                part.write(end + tail)
    return out.getvalue()


def render_xlsx(round_: Round, *, progress: Callable[[int], None] | None = None) -> bytes:
    """The workbook's bytes. `progress(step)` is called as collecting (1) and writing (2) start
    (reports/builds.py)."""
    from openpyxl import Workbook  # noqa: PLC0415

    if progress:
        progress(1)
    tables = round_tables(round_)
    if progress:
        progress(2)
    workbook = Workbook(write_only=True)
    bodies = [_round_sheet(workbook, tables), _themes_sheet(workbook, tables)]
    title = round_.title
    bodies.append(
        _sheet(
            workbook,
            _("Step 1"),
            [
                _("round"),
                _("participant"),
                _("domain"),
                _("item code"),
                _("theme title"),
                _("item text"),
                _("first score"),
                _("first score (meaning)"),
                _("revised score"),
                _("revised score (meaning)"),
                _("score after step 2"),
                _("text"),
            ],
            [
                [title, r.participant, r.domain, r.code, r.theme_title, r.item, r.first, r.first_label]
                + [r.revised, r.revised_label, r.current, r.text]
                for r in tables.step1
            ],
            [24, 30, 16, 9, 36, 60, 10, 20, 10, 20, 10, 60],
        )
    )
    bodies.append(
        _sheet(
            workbook,
            _("Step 2"),
            [
                _("round"),
                _("participant"),
                _("domain"),
                _("theme"),
                _("theme title"),
                _("question"),
                _("question text"),
                _("item code"),
                _("item text"),
                _("ticked (1 = yes, 0 = no, empty = question not answered)"),
                _("text"),
            ],
            [
                [
                    title,
                    r.participant,
                    r.domain,
                    r.theme,
                    r.theme_title,
                    r.question,
                    r.question_text,
                    r.code,
                    r.item,
                    r.ticked,
                    r.text,
                ]
                for r in tables.step2
            ],
            [24, 30, 16, 8, 36, 8, 50, 12, 50, 14, 60],
        )
    )
    bodies.append(
        _sheet(
            workbook,
            _("Actions"),
            [
                _("round"),
                _("theme"),
                _("theme title"),
                _("action"),
                _("who"),
                _("department"),
                _("date"),
                _("status"),
            ],
            [
                [title, a.theme.code, a.theme.title, a.description, a.who, a.department, a.due_on, a.status]
                for a in tables.actions
            ],
            [24, 8, 40, 60, 30, 30, 12, 12],
            column_formats={6: DATE_FORMAT},
        )
    )
    workbook.properties.creator = xml_safe(round_.organisation.name)
    workbook.properties.title = xml_safe(round_.title)
    workbook.properties.lastModifiedBy = "Gesprekstool"
    workbook.properties.language = document_language()
    out = io.BytesIO()
    workbook.save(out)
    return _with_bodies(out.getvalue(), bodies)


def _round_sheet(workbook, tables: Tables) -> _Body:
    round_ = tables.round
    rows = [
        [_("Municipality"), round_.organisation.name],
        [_("Round"), round_.title],
        [_("Date of the round"), round_.held_on],
        [_("How it is filled in"), round_.get_mode_display()],
        [_("Participants"), len(tables.results.participants)],
        [_("Participants shown"), _("anonymised") if round_.anonymised else _("by name")],
        [_("Instrument version"), round_.instrument_version],
        [_("Made on"), timezone.localdate()],
    ]
    rows += [[item, text or value] for _code, item, value, text in agreement_rows(tables)]
    return _sheet(workbook, _("Round"), [_("item"), _("value")], rows, [34, 80], filter_=False)


def _themes_sheet(workbook, tables: Tables) -> _Body:
    """Per theme the average (rounded by the one rule of lib.numbers, shown as 3,3 in a Dutch
    Excel), the lowest and highest score and the "don't know" count, as in the report."""
    rows = []
    for s in theme_stats(tables.results.step1, unknown_value=tables.results.instrument.unknown.value):
        average = float(one_decimal(s.mean)) if s.mean is not None else None
        rows.append([tables.round.title, s.theme.code, s.theme.title, s.theme.statement, average])
        rows[-1] += [s.low, s.high, s.unknown, len(s.scores)]
    return _sheet(
        workbook,
        _("Per theme"),
        [
            _("round"),
            _("theme"),
            _("theme title"),
            pgettext("column of the per-theme sheet", "statement"),
            _("average"),
            _("lowest score"),
            _("highest score"),
            _("don't know"),
            _("number of scores"),
        ],
        rows,
        [24, 8, 36, 60, 10, 10, 10, 10, 10],
        column_formats={4: "0.0"},
    )
