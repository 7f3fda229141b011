"""The round's raw data as an Excel workbook (openpyxl), for the analyst.

Sheets: the round and its follow-up agreement, step 1, step 2 and the action agenda; one row per
participant and item with the instrument's codes and texts. Texts are stored as text, never as
formulas, whatever they start with.
"""

import io
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from gesprekstool.rounds.models import Round

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
    date_column: int | None = None,
):
    """A sheet streamed row by row (openpyxl's write-only mode keeps no cell objects: the export of
    300 participants writes some 280,000 cells). Bold header, frozen first row, a filter over
    all rows, column widths; texts are always stored as text, dates as DD-MM-YYYY (also the empty
    cells of `date_column`, counted from 0, so a date typed there later shows the same way)."""
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    sheet = workbook.create_sheet(title)
    # Widths and panes go into the sheet's head, written with the first row.
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    bold, top = Font(bold=True), Alignment(vertical="top", wrap_text=True)

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
        if isinstance(value, date) or column == date_column:
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = DATE_FORMAT
            return cell
        return value

    sheet.append([header_cell(text) for text in header])
    for row in rows:
        sheet.append([value_cell(value, i) for i, value in enumerate(row)])
    if rows and filter_:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    return sheet


def render_xlsx(round_: Round) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook  # noqa: PLC0415

    tables = round_tables(round_)
    workbook = Workbook(write_only=True)
    _round_sheet(workbook, tables)
    title = round_.title
    _sheet(
        workbook,
        _("Step 1"),
        [
            _("round"),
            _("participant"),
            _("domain"),
            _("item code"),
            _("item text"),
            _("first score"),
            _("first score (meaning)"),
            _("revised score"),
            _("revised score (meaning)"),
            _("score after step 2"),
            _("text"),
        ],
        [
            [title, r.participant, r.domain, r.code, r.item, r.first, r.first_label]
            + [r.revised, r.revised_label, r.current, r.text]
            for r in tables.step1
        ],
        [24, 30, 16, 9, 60, 10, 20, 10, 20, 10, 60],
    )
    _sheet(
        workbook,
        _("Step 2"),
        [
            _("round"),
            _("participant"),
            _("domain"),
            _("theme"),
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
                r.question,
                r.question_text,
                r.code,
                r.item,
                r.ticked,
                r.text,
            ]
            for r in tables.step2
        ],
        [24, 30, 16, 8, 8, 50, 12, 50, 14, 60],
    )
    _sheet(
        workbook,
        _("Actions"),
        [_("round"), _("theme"), _("theme title"), _("action"), _("who"), _("department"), _("date")],
        [
            [title, a.theme.code, a.theme.title, a.description, a.who, a.department, a.due_on]
            for a in tables.actions
        ],
        [24, 8, 40, 60, 30, 30, 12],
        date_column=6,
    )
    workbook.properties.creator = xml_safe(round_.organisation.name)
    workbook.properties.title = xml_safe(round_.title)
    workbook.properties.lastModifiedBy = "Gesprekstool"
    workbook.properties.language = "nl-NL"
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
