"""Theme A scored 4, 4, 3 and 2 averages 3.25: shown as 3,3 on the results page, on Voortgang, in
the PDF report, the Word memo and the Excel workbook (issue 15: the PDF and Word showed 3,2)."""

import io

import docx
import openpyxl
import pytest
from django.urls import reverse

from gesprekstool.reports.content import report_content
from gesprekstool.reports.docx import render_docx
from gesprekstool.reports.pdf import render_report_html
from gesprekstool.reports.xlsx import render_xlsx
from gesprekstool.rounds import services


@pytest.fixture
def scored_round(round_):
    for i, value in enumerate([4, 4, 3, 2]):
        p = services.add_participant(round_, display_name=f"Persoon {i}", domain="armoede")
        services.save_score(p, theme="A", value=value)
    other = services.add_participant(round_, display_name="Nog iemand", domain="gezondheid")
    services.save_score(other, theme="A", value=6)  # "weet niet": not in the average
    return round_


def test_results_page_shows_3_3(facilitator_client, scored_round):
    html = facilitator_client.get(reverse("rounds:results", kwargs={"pk": scored_round.pk})).content.decode()

    row = html.split('scope="row">A</th>', 1)[1].split("</tr>", 1)[0]
    assert ">3,3</td>" in row


def test_progress_page_shows_3_3(facilitator_client, scored_round, organisation):
    html = facilitator_client.get(
        reverse("monitoring:progress", kwargs={"slug": organisation.slug})
    ).content.decode()

    assert "3,3" in html
    assert "3,2" not in html


def test_pdf_report_shows_3_3(scored_round):
    html = render_report_html(report_content(scored_round))

    stats = html.split('class="stats"', 1)[1].split("</table>", 1)[0]
    assert '<th scope="row">A</th><td class="num">3,3</td>' in stats


def test_word_memo_shows_3_3(scored_round):
    document = docx.Document(io.BytesIO(render_docx(scored_round)))

    per_theme = next(t for t in document.tables if t.rows[0].cells[2].text == "Gemiddeld")
    assert [c.text for c in per_theme.rows[1].cells][::2] == ["A", "3,3", "1"]


def test_excel_shows_3_3(scored_round):
    sheet = openpyxl.load_workbook(io.BytesIO(render_xlsx(scored_round)))["Per thema"]

    average = sheet["E2"]
    assert (sheet["B2"].value, average.value, average.number_format) == ("A", 3.3, "0.0")
