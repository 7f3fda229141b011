"""The round's raw data as an Excel workbook (openpyxl), for the analyst.

Sheets: the round and its follow-up agreement, step 1, step 2 and the action agenda; one row per
participant and item with the instrument's codes and texts. Texts are stored as text, never as
formulas, whatever they start with.
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from gesprekstool.lib.language import document_language
from gesprekstool.rounds.models import Round

from .tabular import Tables, agreement_rows, round_tables
from .text import xml_safe


def _sheet(workbook, title: str, header: list[str], rows: list[list], widths: list[int]):
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    # Cells by their own row and column: `sheet[sheet.max_row]` recomputes max_row and max_column
    # over every cell written so far, which made the export quadratic (371 s for 300 participants).
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=column)
            cell.value = xml_safe(value) if isinstance(value, str) else value
            if isinstance(value, str):
                cell.data_type = "s"  # "=SUM(...)" typed by a participant stays text
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=i).column_letter].width = width
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions
    return sheet


def render_xlsx(round_: Round) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook  # noqa: PLC0415

    tables = round_tables(round_)
    workbook = Workbook()
    workbook.remove(workbook.active)
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
    )
    for cell in workbook[_("Actions")]["G"][1:]:
        cell.number_format = "DD-MM-YYYY"
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
    sheet = _sheet(workbook, _("Round"), [_("item"), _("value")], rows, [34, 80])
    for row in sheet.iter_rows(min_row=2):
        if hasattr(row[1].value, "year"):
            row[1].number_format = "DD-MM-YYYY"
    sheet.auto_filter.ref = None
