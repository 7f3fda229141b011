"""The round's raw data as an Excel workbook (openpyxl), for the analyst.

Sheets: the round and its follow-up agreement, step 1, step 2 and the action agenda; one row per
participant and item with the instrument's codes and texts. Texts are stored as text, never as
formulas, whatever they start with.
"""

import io
from collections.abc import Callable
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


def _sheet(  # noqa: PLR0913 - a sheet is described by all of these
    workbook,
    title: str,
    header: list[str],
    rows: list[list],
    widths: list[int],
    *,
    filter_: bool = True,
    column_formats: dict[int, str] | None = None,
):
    """A sheet streamed row by row (openpyxl's write-only mode keeps no cell objects: the export of
    300 participants writes some 280,000 cells). Bold header, frozen first row, a filter over
    all rows, column widths; texts are always stored as text, dates as DD-MM-YYYY. Every cell of a
    column in `column_formats` (counted from 0) gets that number format, the empty ones too, so a
    date typed there later shows the same way."""
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    sheet = workbook.create_sheet(title)
    # Widths and panes go into the sheet's head, written with the first row.
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold, top = Font(bold=True), Alignment(vertical="top", wrap_text=True)
    formats = column_formats or {}

    def header_cell(text):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.alignment = bold, top
        return cell

    def value_cell(value, column):
        if isinstance(value, str):
            value = xml_safe(value)
            if value.startswith("="):
                # openpyxl would store "=SUM(...)" typed by a participant as a formula: keep it text.
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                return cell
            return value
        number_format = formats.get(column, DATE_FORMAT if isinstance(value, date) else None)
        if number_format:
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = number_format
            return cell
        return value

    sheet.append([header_cell(text) for text in header])
    for row in rows:
        sheet.append([value_cell(value, i) for i, value in enumerate(row)])
    if rows and filter_:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    return sheet


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
    _round_sheet(workbook, tables)
    _themes_sheet(workbook, tables)
    title = round_.title
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
    workbook.properties.creator = xml_safe(round_.organisation.name)
    workbook.properties.title = xml_safe(round_.title)
    workbook.properties.lastModifiedBy = "Gesprekstool"
    workbook.properties.language = document_language()
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _round_sheet(workbook, tables: Tables) -> None:
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
    _sheet(workbook, _("Round"), [_("item"), _("value")], rows, [34, 80], filter_=False)


def _themes_sheet(workbook, tables: Tables) -> None:
    """Per theme the average (rounded by the one rule of lib.numbers, shown as 3,3 in a Dutch
    Excel), the lowest and highest score and the "don't know" count, as in the report."""
    rows = []
    for s in theme_stats(tables.results.step1, unknown_value=tables.results.instrument.unknown.value):
        average = float(one_decimal(s.mean)) if s.mean is not None else None
        rows.append([tables.round.title, s.theme.code, s.theme.title, s.theme.statement, average])
        rows[-1] += [s.low, s.high, s.unknown, len(s.scores)]
    _sheet(
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
