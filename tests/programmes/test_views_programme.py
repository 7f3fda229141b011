"""The programme page, its downloads and the list of programmes: what an adviser sees, never an anonymous
gemeente's name, in a fixed number of queries."""

import io
import re
from http import HTTPStatus

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.programmes.figures import programme_figures
from gesprekstool.programmes.pdf import render_pdf_html
from gesprekstool.programmes.views import figures_chart
from tests.factories import ProgrammeFactory, ProgrammeMemberFactory
from tests.programmes.pages import ANONYMOUS, NAMED, detail_url

from .conftest import add_gemeente, everywhere


def export_url(programme, fmt: str) -> str:
    return reverse("programmes:export", kwargs={"slug": programme.slug, "fmt": fmt})


@pytest.fixture
def region(programme):
    """Six gemeenten: one named, five anonymous (one of them with a telling name)."""
    add_gemeente(programme, "Gemeente Noorderveld", sharing=NAMED, scores=everywhere(2))
    add_gemeente(programme, "Gemeente Geheimhouden", scores=everywhere(5))
    for n in range(4):
        add_gemeente(programme, f"Gemeente Stil {n}", scores=everywhere(3, 4))
    return programme


# --- The programme page ------------------------------------------------------------------------------------


def test_programme_page_shows_the_distribution_and_named_gemeenten(adviser_client, region):
    response = adviser_client.get(detail_url(region))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert html.count('id="programme-table"') == 1
    assert "Gemeente Noorderveld" in html
    assert "Gemeente Geheimhouden" not in html
    assert "Gemeente Stil" not in html


def test_programme_page_says_there_are_no_figures_for_fewer_than_five(adviser_client, programme):
    add_gemeente(programme, "Gemeente Noorderveld", sharing=NAMED, scores=everywhere(2))
    for n in range(3):
        add_gemeente(programme, f"Gemeente Stil {n}")

    html = adviser_client.get(detail_url(programme)).content.decode()

    assert "Er zijn nog geen cijfers" in html
    assert 'id="programme-table"' not in html
    assert "Gemeente Noorderveld" not in html
    assert reverse("programmes:export", kwargs={"slug": programme.slug, "fmt": "pdf"}) not in html


def test_programme_page_sends_the_anonymous_to_the_login(client, programme):
    response = client.get(detail_url(programme))

    assert (response.status_code, response.url.split("?")[0]) == (HTTPStatus.FOUND, reverse("login"))


def test_programme_page_is_not_found_for_someone_who_does_not_advise_it(facilitator_client, region):
    assert facilitator_client.get(detail_url(region)).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("gemeenten", [5, 50])
def test_programme_page_takes_a_fixed_number_of_queries(
    adviser_client, programme, django_assert_num_queries, gemeenten
):
    for n in range(gemeenten):
        add_gemeente(
            programme, f"Gemeente {n}", sharing=NAMED if n % 2 else ANONYMOUS, scores=everywhere(1 + n % 5)
        )

    # Session, user, the header's memberships, the programme, its members, the scores, the actions,
    # the open invitations.
    with django_assert_num_queries(8):
        response = adviser_client.get(detail_url(programme))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    named = re.search(r"Gemeenten die met naam delen: ([^.]*)\.", html).group(1)
    assert sorted(named.split(", ")) == sorted(f"Gemeente {n}" for n in range(1, gemeenten, 2))


# --- Downloads ---------------------------------------------------------------------------------------------


def test_pdf_html_names_the_named_gemeente_and_never_an_anonymous_one(region):
    figures = programme_figures(region)

    html = render_pdf_html(figures, chart=figures_chart(figures))

    assert ("Gemeente Noorderveld" in html, "Geheimhouden" in html, "Gemeente Stil" in html) == (
        True,
        False,
        False,
    )


def test_pdf_text_never_names_an_anonymous_gemeente(adviser_client, region):
    response = adviser_client.get(export_url(region, "pdf"))

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert response["Content-Type"] == "application/pdf"
    assert ("Noorderveld" in text, "Geheimhouden" in text, "Stil" in text) == (True, False, False)


def workbook_text(content: bytes) -> str:
    workbook = load_workbook(io.BytesIO(content))
    return " ".join(
        str(cell.value)
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def test_xlsx_names_the_named_gemeente_and_never_an_anonymous_one(adviser_client, region):
    response = adviser_client.get(export_url(region, "xlsx"))

    text = workbook_text(response.content)
    assert ("Noorderveld" in text, "Geheimhouden" in text, "Stil" in text) == (True, False, False)


def test_xlsx_holds_no_figure_for_fewer_than_five(adviser_client, programme):
    add_gemeente(programme, "Gemeente Noorderveld", sharing=NAMED, scores=everywhere(2))

    text = workbook_text(adviser_client.get(export_url(programme, "xlsx")).content)

    assert text == (
        "Gezond in... regio Oost Er zijn nog geen cijfers: die worden pas getoond als ten minste 5 "
        "gemeenten een ronde met antwoorden op stap 1 delen."
    )


def test_a_download_is_logged_in_each_counted_gemeente(adviser_client, region):
    adviser_client.get(export_url(region, "xlsx"))

    entries = ActivityEntry.objects.filter(action=ActivityEntry.Action.PROGRAMME_EXPORTED)
    assert (
        sorted((e.subject, e.detail, e.actor_name) for e in entries)
        == [("Gezond in... regio Oost", "xlsx", "Ada Adviseur")] * 6
    )


def test_a_download_in_an_unknown_format_is_not_found(adviser_client, region):
    assert adviser_client.get(export_url(region, "docx")).status_code == HTTPStatus.NOT_FOUND


def test_downloads_are_not_found_for_someone_who_does_not_advise(facilitator_client, region):
    assert facilitator_client.get(export_url(region, "pdf")).status_code == HTTPStatus.NOT_FOUND


# --- The list ----------------------------------------------------------------------------------------------


def test_the_list_shows_only_the_programmes_one_advises(adviser_client, programme):
    ProgrammeFactory(name="Ander programma", slug="ander")

    html = adviser_client.get(reverse("programmes:list")).content.decode()

    assert (detail_url(programme) in html, "Ander programma" in html) == (True, False)


@pytest.mark.parametrize("programmes", [1, 3])
def test_the_organisation_page_takes_a_fixed_number_of_queries(
    facilitator_client, organisation, django_assert_num_queries, programmes
):
    for n in range(programmes):
        ProgrammeMemberFactory(
            programme=ProgrammeFactory(name=f"Programma {n}", slug=f"programma-{n}"),
            organisation=organisation,
            sharing=ANONYMOUS,
        )
    url = reverse("programmes:organisation", kwargs={"slug": organisation.slug})

    # Session, user, the memberships (the page's and the header's), the programmes.
    with django_assert_num_queries(4):
        response = facilitator_client.get(url)

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert [f"Programma {n}" in html for n in range(programmes)] == [True] * programmes


@pytest.mark.parametrize("programmes", [1, 3])
def test_the_list_takes_a_fixed_number_of_queries(
    adviser_client, adviser, django_assert_num_queries, programmes
):
    for n in range(programmes):
        ProgrammeFactory(name=f"Programma {n}", slug=f"programma-{n}").advisers.add(adviser)

    # Session, user, the header's memberships, the programmes, the user's memberships.
    with django_assert_num_queries(5):
        response = adviser_client.get(reverse("programmes:list"))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert [f"Programma {n}" in html for n in range(programmes)] == [True] * programmes
