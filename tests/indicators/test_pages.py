"""The chosen figures beside their themes: results page, presenter slide and PDF report."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from gesprekstool.indicators import services
from gesprekstool.reports import pdf
from tests.factories import answer_everything

from .conftest import make_figure


def theme_section(html: str, code: str) -> str:
    """The results page's step-2 section of one theme."""
    start = html.index(f'aria-labelledby="result-theme-{code}"')
    end = html.find('<section class="gt-result-theme"', start)
    return html[start : end if end != -1 else None]


@pytest.fixture
def answered_round(round_, participant):
    answer_everything(participant)
    return round_


def test_the_results_page_shows_each_figure_beside_its_themes(
    facilitator_client, answered_round, organisation
):
    poverty = make_figure(organisation, "Kinderen in armoede", link="https://cbs.example/armoede")
    health = make_figure(organisation, "Ervaren gezondheid", value="71", year=2022, source="GGD")
    services.choose_for_round(
        round_=answered_round, themes_by_indicator={poverty: ["B"], health: ["B", "E"]}, by=None
    )

    html = facilitator_client.get(
        reverse("rounds:results", kwargs={"pk": answered_round.pk})
    ).content.decode()

    b, e, a = theme_section(html, "B"), theme_section(html, "E"), theme_section(html, "A")
    assert (b.count('class="gt-figures__item"'), e.count('class="gt-figures__item"'), "gt-figures" in a) == (
        2,
        1,
        False,
    )
    assert (
        re.sub(r"\s+", " ", b).count(
            '<span class="gt-figures__value">9,8 %</span> <span class="gt-figures__name">Kinderen in armoede</span> '
            '<span class="gt-figures__source">Testdorp, 2023 · bron: <a class="utrecht-link utrecht-link--html-a" '
            'href="https://cbs.example/armoede" rel="noopener noreferrer">CBS</a></span>'
        )
        == 1
    )
    assert "Testdorp, 2022 · bron: GGD" in e
    assert html.count("Cijfers kiezen voor deze ronde") == 1


def test_a_reader_sees_the_figures_and_a_link_to_look_not_to_choose(reader_client, answered_round, figure):
    services.choose_for_round(round_=answered_round, themes_by_indicator={figure: ["B"]}, by=None)

    html = reader_client.get(reverse("rounds:results", kwargs={"pk": answered_round.pk})).content.decode()

    assert ("9,8 %" in theme_section(html, "B"), "Cijfers van deze ronde bekijken" in html) == (True, True)
    assert "Cijfers kiezen voor deze ronde" not in html


@pytest.mark.parametrize("count", [1, 4])
def test_the_results_page_with_figures_takes_a_fixed_number_of_queries(
    facilitator_client, answered_round, organisation, django_assert_num_queries, count
):
    figures = {make_figure(organisation, f"Cijfer {n}"): ["B", "D"] for n in range(count)}
    services.choose_for_round(round_=answered_round, themes_by_indicator=figures, by=None)
    results_url = reverse("rounds:results", kwargs={"pk": answered_round.pk})

    # 14 for the page (with the round's version, rounds/analysis.py), 1 for the figures, 1 for the
    # programmes panel (no programme here).
    with django_assert_num_queries(16):
        html = facilitator_client.get(results_url).content.decode()

    assert html.count('class="gt-figures__item"') == 2 * count


def test_the_presenter_slide_of_a_theme_shows_its_figures(
    facilitator_client, answered_round, organisation, figure
):
    other = make_figure(organisation, "Schulden", value="6.4", year=2022)
    services.choose_for_round(
        round_=answered_round, themes_by_indicator={figure: ["B"], other: ["D"]}, by=None
    )
    present = reverse("rounds:present", kwargs={"pk": answered_round.pk})

    slide_b = facilitator_client.get(f"{present}?thema=B").content.decode()
    slide_a = facilitator_client.get(f"{present}?thema=A").content.decode()
    overview = facilitator_client.get(present).content.decode()
    live = facilitator_client.get(
        reverse("rounds:present_live", kwargs={"pk": answered_round.pk}) + "?thema=B"
    ).content.decode()

    assert slide_b.count('class="gt-figures__item"') == 1
    assert 'class="gt-figures gt-figures--present"' in slide_b
    assert "Kinderen in armoede" in slide_b and "Schulden" not in slide_b
    assert ("gt-figures" in slide_a, "gt-figures" in overview, "gt-figures" in live) == (False, False, False)


def test_the_pdf_report_shows_the_figures_with_source_and_year(answered_round, figure):
    services.choose_for_round(round_=answered_round, themes_by_indicator={figure: ["B"]}, by=None)

    reader = PdfReader(io.BytesIO(pdf.render_pdf(answered_round)))
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))

    assert text.count("9,8 % Kinderen in armoede (Testdorp, 2023; bron: CBS)") == 1
