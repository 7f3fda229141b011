"""The programme's figures as an Excel workbook (openpyxl), with the same rules as the page.

Sheets: "Thema's" (distribution, "weet niet", change and actions per theme) and, when some share
with their name, "Met naam" (their mean per theme). With fewer than 5 gemeenten the workbook holds
only the explanation. Names are stored as text, never as formulas.
"""

import io

from django.utils.translation import gettext as _

from gesprekstool.lib.text import clean_line

from .figures import ProgrammeFigures


def _append(sheet, row: list) -> None:
    sheet.append([clean_line(v) if isinstance(v, str) else v for v in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"  # a name starting with "=" stays text


def _rounded(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def render_xlsx(figures: ProgrammeFigures) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook  # noqa: PLC0415
    from openpyxl.styles import Font  # noqa: PLC0415

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Themes")
    _append(sheet, [figures.programme.name])
    sheet["A1"].font = Font(bold=True)
    if not figures.enough:
        _append(
            sheet,
            [
                _(
                    "There are no figures yet: figures are shown only when at least %(minimum)s municipalities "
                    "share a round with step-1 answers."
                )
                % {"minimum": figures.minimum}
            ],
        )
    else:
        header = [
            _("theme"),
            _("municipalities"),
            _("lowest"),
            _("first quartile"),
            _("median"),
            _("third quartile"),
            _("highest"),
            _("average"),
            _("don't know (%)"),
            _("change since previous rounds"),
            _("municipalities with a previous round"),
            _("actions"),
            _("open or in progress"),
            _("done"),
            _("dropped"),
        ]
        _append(sheet, header)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
        for t in figures.themes:
            d = t.distribution
            spread = [d.lowest, d.q1, d.median, d.q3, d.highest, d.average] if d else [None] * 6
            _append(
                sheet,
                [
                    t.theme.label,
                    t.answered,
                    *[_rounded(v) for v in spread],
                    _rounded(t.unknown_share),
                    _rounded(t.change),
                    t.change_count if t.enough else None,
                    t.actions.total,
                    t.actions.live,
                    t.actions.done,
                    t.actions.dropped,
                ],
            )
        if figures.named:
            named = workbook.create_sheet(_("Named"))
            _append(named, [_("municipality"), *[t.theme.code for t in figures.themes if t.enough]])
            means = {(name, t.theme.code): value for t in figures.themes for name, value in t.named}
            for name in figures.named:
                _append(
                    named,
                    [name, *[_rounded(means.get((name, t.theme.code))) for t in figures.themes if t.enough]],
                )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
