"""The round as a PDF report for the alderman (WeasyPrint), tagged for accessibility (PDF/UA-1)."""

import functools
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from gesprekstool.rounds.models import Round

from .content import ReportContent, report_content

STYLESHEET = Path(__file__).resolve().parent / "report.css"
PDF_VARIANT = "pdf/ua-1"


@functools.cache
def _stylesheets() -> tuple:
    # Parsed once per process. Only the print sheet: it names the few Utrecht design tokens it
    # uses with their values as fallbacks (tests/reports/test_pdf.py checks they are the tokens'
    # values). Loading the whole token sheet (190 kB, 2,575 custom properties on the root that
    # every element inherits) changed nothing on paper and cost about a tenth of the PDF's time.
    from weasyprint import CSS  # noqa: PLC0415

    return (CSS(filename=str(STYLESHEET)),)


def _refuse_fetch(url: str, *args, **kwargs):
    # The report needs nothing from outside; refusing every fetch keeps a link typed by a
    # participant from ever making the server request a URL.
    raise ValueError(f"not fetched: {url[:80]}")


def render_report_html(report: ReportContent) -> str:
    return render_to_string("reports/report_pdf.html", {"report": report})


def _no_progress(step: int) -> None:
    pass


def render_pdf(round_: Round, *, progress: Callable[[int], None] | None = None) -> bytes:
    """The report of `round_` as PDF bytes: cover, contents, summary, steps 1–3, inspiration.

    Written as PDF/UA-1 (tagged structure, document language and title), with page numbers
    and a table of contents whose page numbers WeasyPrint fills in. `progress(step)` is called
    as each of its three steps starts: collecting, laying out, writing (reports/builds.py).
    """
    from weasyprint import HTML  # noqa: PLC0415

    progress = progress or _no_progress
    progress(1)
    html = render_report_html(report_content(round_))
    progress(2)
    page = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_refuse_fetch)
    document = page.render(stylesheets=list(_stylesheets()), pdf_variant=PDF_VARIANT)
    progress(3)
    return document.write_pdf(pdf_variant=PDF_VARIANT)
