"""The export formats of a round: what each is called, what it is for, and how it is made."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from gesprekstool.rounds.models import Round


@dataclass(frozen=True)
class Format:
    key: str
    name: str
    explanation: str
    content_type: str
    extension: str
    render: Callable[[Round], bytes]


def _pdf(round_: Round) -> bytes:
    from .pdf import render_pdf  # noqa: PLC0415 - WeasyPrint is heavy; loaded when a PDF is asked for

    return render_pdf(round_)


def _docx(round_: Round) -> bytes:
    from .docx import render_docx  # noqa: PLC0415

    return render_docx(round_)


def _xlsx(round_: Round) -> bytes:
    from .xlsx import render_xlsx  # noqa: PLC0415

    return render_xlsx(round_)


def _csv(round_: Round) -> bytes:
    from .csv_export import render_csv  # noqa: PLC0415

    return render_csv(round_)


def _json(round_: Round) -> bytes:
    from .roundfile import render_round_file  # noqa: PLC0415

    return render_round_file(round_)


FORMATS = {
    f.key: f
    for f in (
        Format(
            "pdf",
            _("Report (PDF)"),
            _(
                "A finished report to share, for example with the aldermen: summary, the scores of step 1 "
                "as a chart and a table, step 2 per theme, and the action agenda."
            ),
            "application/pdf",
            "pdf",
            _pdf,
        ),
        Format(
            "docx",
            _("Memo (Word)"),
            _(
                "The same content as the report, as a document you can edit. A good start for a "
                "collegevoorstel or a raadsinformatiebrief."
            ),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
            _docx,
        ),
        Format(
            "xlsx",
            _("Data (Excel)"),
            _(
                "All answers for your own analysis: one sheet per step and one for the actions, one row "
                "per participant and item, with the codes and texts of the tool."
            ),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            _xlsx,
        ),
        Format(
            "csv",
            _("Data (CSV)"),
            _(
                "The same answers as one long table in a plain text file, for statistics software. "
                "Columns: round, participant, step, item code, item text, value, text."
            ),
            "text/csv; charset=utf-8",
            "csv",
            _csv,
        ),
        Format(
            "json",
            _("Round file (JSON)"),
            _(
                "Everything of the round in one file, to keep as an archive or to move the round to "
                "another installation of the Gesprekstool."
            ),
            "application/json",
            "json",
            _json,
        ),
    )
}


def filename(round_: Round, fmt: Format) -> str:
    """A safe file name: gesprekstool-<title>-<date>.<extension>."""
    title = slugify(round_.title)[:60].strip("-") or "ronde"
    return f"gesprekstool-{title}-{round_.held_on:%Y-%m-%d}.{fmt.extension}"
