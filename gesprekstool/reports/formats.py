"""The export formats of a round: what each is called, what it is for, and how it is made."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from gesprekstool.rounds.models import Round

# The steps of a build as the page "Het rapport wordt gemaakt" names them. A renderer calls its
# `progress` with the number of the step it starts; the last step (keeping the file) is the builder's.
COLLECTING = _("collecting the answers")
LAYING_OUT = _("laying out the pages")
WRITING = _("writing the file")
KEEPING = _("keeping the file for the next download")


@dataclass(frozen=True)
class Format:
    key: str
    name: str
    explanation: str
    content_type: str
    extension: str
    render: Callable[..., bytes]  # render(round_, *, progress=None) -> bytes
    # Prepared outside the request (reports/builds.py): it takes seconds for a large round.
    background: bool = False
    steps: tuple = (COLLECTING, WRITING)

    @property
    def step_names(self) -> tuple:
        """Every step of a build of this format, the builder's own last one included."""
        return (*self.steps, KEEPING)


def _pdf(round_: Round, *, progress=None) -> bytes:
    from .pdf import render_pdf  # noqa: PLC0415 - WeasyPrint is heavy; loaded when a PDF is asked for

    return render_pdf(round_, progress=progress)


def _docx(round_: Round, *, progress=None) -> bytes:
    from .docx import render_docx  # noqa: PLC0415

    return render_docx(round_, progress=progress)


def _xlsx(round_: Round, *, progress=None) -> bytes:
    from .xlsx import render_xlsx  # noqa: PLC0415

    return render_xlsx(round_, progress=progress)


def _csv(round_: Round, *, progress=None) -> bytes:
    from .csv_export import render_csv  # noqa: PLC0415

    return render_csv(round_)


def _json(round_: Round, *, progress=None) -> bytes:
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
            background=True,
            steps=(COLLECTING, LAYING_OUT, WRITING),
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
            background=True,
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
            background=True,
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
