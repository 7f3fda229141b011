"""The programme page as a PDF (WeasyPrint, as the round report), tagged for accessibility (PDF/UA-1).

The PDF is rendered from the same template part as the page (programmes/figures.html), so it follows
the same rules: nothing for fewer than 5 gemeenten, no name of a gemeente that shares anonymously.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from .chart import BoxChart
from .figures import ProgrammeFigures

STYLESHEET = Path(__file__).resolve().parent / "pdf.css"


def _refuse_fetch(url: str, *args, **kwargs):
    # The PDF needs nothing from outside: no name typed by anyone can make the server fetch a URL.
    raise ValueError(f"not fetched: {url[:80]}")


def render_pdf_html(figures: ProgrammeFigures, *, chart: BoxChart | None) -> str:
    return render_to_string(
        "programmes/programme_pdf.html",
        {"figures": figures, "chart": chart, "made_on": timezone.localdate()},
    )


def render_pdf(figures: ProgrammeFigures, *, chart: BoxChart | None) -> bytes:
    """The programme's figures as PDF bytes."""
    from weasyprint import CSS, HTML  # noqa: PLC0415

    html = render_pdf_html(figures, chart=chart)
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_refuse_fetch)
    return document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1")
