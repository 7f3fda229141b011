"""Every change to the local figures writes one line in the organisation's activity log; a refused
change writes none."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.indicators import services
from gesprekstool.indicators.models import Indicator
from gesprekstool.organisations.models import ActivityEntry
from tests.organisations.log import log_of

from .conftest import make_figure
from .test_views import EXAMPLE, edit_url, import_url, round_url, upload

FIGURE = "Kinderen in armoede (Testdorp, 2023)"
FORM = {"name": "Kinderen in armoede", "value": "9,8", "unit": "%", "year": "2023", "area": "Testdorp"}
FORM |= {"source": "CBS", "link": ""}
FIELDS = {
    "name": "Schulden",
    "value": Decimal(1),
    "unit": "",
    "year": 2024,
    "area": "Testdorp",
    "source": "CBS",
}
LOG = "/organisatie/testdorp/logboek/"


def create_url(organisation) -> str:
    return reverse("indicators:create", kwargs={"slug": organisation.slug})


def delete_url(figure) -> str:
    return reverse("indicators:delete", kwargs={"slug": figure.organisation.slug, "indicator_id": figure.pk})


@pytest.fixture
def lotte(facilitator):
    facilitator.first_name, facilitator.last_name = "Lotte", "de Vries"
    facilitator.save()
    return facilitator


def test_importing_a_file_writes_one_line_with_the_counts(facilitator_client, lotte, organisation, figure):
    make_figure(
        organisation, "Huishoudens met problematische schulden", value="1", year=2022, area="Voorbeeldstad"
    )
    data = EXAMPLE.read_bytes()

    response = facilitator_client.post(import_url(organisation), upload(data))

    assert response.status_code == HTTPStatus.FOUND
    assert log_of(organisation) == [
        ("indicators_imported", "Lotte de Vries", "", "6 cijfers: 5 nieuw, 1 bijgewerkt"),
    ]


def test_adding_a_figure_writes_one_line_naming_it(facilitator_client, lotte, organisation):
    response = facilitator_client.post(create_url(organisation), FORM)

    assert response.status_code == HTTPStatus.FOUND
    assert log_of(organisation) == [("indicator_added", "Lotte de Vries", FIGURE, "")]


def test_changing_a_figure_writes_one_line_with_what_changed(facilitator_client, lotte, organisation, figure):
    response = facilitator_client.post(edit_url(figure), FORM | {"value": "10,2", "source": "GGD"})

    assert response.status_code == HTTPStatus.FOUND
    assert log_of(organisation) == [("indicator_changed", "Lotte de Vries", FIGURE, "waarde, bron")]
    assert Indicator.objects.get().value == Decimal("10.2")


def test_a_new_year_is_named_in_the_line(facilitator_client, organisation, figure):
    facilitator_client.post(edit_url(figure), FORM | {"year": "2025"})

    assert [(subject, detail) for _a, _w, subject, detail in log_of(organisation)] == [
        ("Kinderen in armoede (Testdorp, 2025)", "jaar"),
    ]


def test_saving_a_figure_unchanged_writes_nothing(facilitator_client, organisation, figure):
    response = facilitator_client.post(edit_url(figure), FORM)

    assert response.status_code == HTTPStatus.FOUND
    assert log_of(organisation) == []


def test_deleting_a_figure_writes_one_line_naming_it(facilitator_client, lotte, organisation, figure):
    response = facilitator_client.post(delete_url(figure))

    assert response.status_code == HTTPStatus.FOUND
    assert log_of(organisation) == [("indicator_deleted", "Lotte de Vries", FIGURE, "")]


def test_choosing_a_rounds_figures_writes_one_line_naming_the_round(
    facilitator_client, lotte, organisation, round_, figure
):
    chosen = {f"shown-{figure.pk}": "on", f"themes-{figure.pk}": ["B"]}

    first = facilitator_client.post(round_url(round_), chosen)
    again = facilitator_client.post(round_url(round_), chosen)
    emptied = facilitator_client.post(round_url(round_), {f"themes-{figure.pk}": ["B"]})

    assert [r.status_code for r in (first, again, emptied)] == [HTTPStatus.FOUND] * 3
    assert log_of(organisation) == [
        ("round_indicators_chosen", "Lotte de Vries", "Armoede en gezondheid 2026", f"1 cijfer: {FIGURE}"),
        ("round_indicators_chosen", "Lotte de Vries", "Armoede en gezondheid 2026", "0 cijfers"),
    ]


def test_the_demo_and_other_callers_without_a_user_are_logged_as_the_system(organisation, figure):
    services.delete_indicator(indicator=figure, by=None)

    assert log_of(organisation) == [("indicator_deleted", "", FIGURE, "")]


# Each change a facilitator may make, as (address, data) for the organisation, its figure and its round.
CHANGES = {
    "add": lambda o, f, r: (create_url(o), FORM | {"name": "Schulden"}),
    "change": lambda o, f, r: (edit_url(f), FORM | {"value": "1"}),
    "delete": lambda o, f, r: (delete_url(f), {}),
    "import": lambda o, f, r: (import_url(o), upload(EXAMPLE.read_bytes())),
    "round": lambda o, f, r: (round_url(r), {f"shown-{f.pk}": "on", f"themes-{f.pk}": ["B"]}),
}
INVALID = {
    "bad number": lambda o, f, r: (create_url(o), FORM | {"value": "veel"}),
    "double": lambda o, f, r: (create_url(o), FORM | {"name": "KINDEREN IN ARMOEDE"}),
    "bad year": lambda o, f, r: (edit_url(f), FORM | {"year": "1800"}),
    "bad file": lambda o, f, r: (import_url(o), upload(b"indicator;waarde\nArmoede;veel\n")),
    "no theme": lambda o, f, r: (round_url(r), {f"shown-{f.pk}": "on"}),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES)
def test_each_change_by_a_facilitator_writes_one_line(
    facilitator_client, change, organisation, figure, round_
):
    response = facilitator_client.post(*change(organisation, figure, round_))

    assert (response.status_code, ActivityEntry.objects.filter(organisation=organisation).count()) == (
        HTTPStatus.FOUND,
        1,
    )


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES)
@pytest.mark.parametrize(
    ("who", "status"), [("reader", HTTPStatus.FORBIDDEN), ("outsider", HTTPStatus.NOT_FOUND)]
)
def test_a_change_without_the_right_writes_nothing(
    request, who, status, change, organisation, figure, round_
):
    client = request.getfixturevalue(f"{who}_client")

    response = client.post(*change(organisation, figure, round_))

    assert (response.status_code, ActivityEntry.objects.count()) == (status, 0)


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID)
def test_a_refused_form_writes_nothing(facilitator_client, change, organisation, figure, round_):
    response = facilitator_client.post(*change(organisation, figure, round_))

    assert (response.status_code, ActivityEntry.objects.count()) == (HTTPStatus.UNPROCESSABLE_ENTITY, 0)


def test_refused_service_calls_write_nothing(organisation, other_organisation, round_, figure):
    theirs = make_figure(other_organisation)
    many = {make_figure(organisation, f"Cijfer {n}"): ["B"] for n in range(services.MAX_PER_ROUND + 1)}

    with pytest.raises(ValueError):
        services.save_indicator(organisation=organisation, indicator=theirs, by=None, **FIELDS)
    with pytest.raises(ValueError):
        services.choose_for_round(round_=round_, themes_by_indicator={theirs: ["B"]}, by=None)
    with pytest.raises(ValueError):
        services.choose_for_round(round_=round_, themes_by_indicator=many, by=None)

    assert ActivityEntry.objects.count() == 0


def test_the_activity_log_page_shows_the_line(facilitator_client, lotte, organisation, figure):
    facilitator_client.post(edit_url(figure), FORM | {"value": "10,2"})

    page = facilitator_client.get(LOG).content.decode()

    line = ("Lokaal cijfer gewijzigd", FIGURE, "waarde", "Lotte de Vries")
    assert [text in page for text in line] == [True] * 4
    assert "lokale cijfers veranderde" in page


@pytest.mark.parametrize("count", [1, 30])
def test_the_activity_log_page_takes_as_many_queries_with_figures_lines(
    facilitator_client, facilitator, organisation, count, django_assert_num_queries
):
    for n in range(count):
        services.save_indicator(organisation=organisation, by=facilitator, **FIELDS | {"name": f"Cijfer {n}"})

    # session, user, organisation, membership, count, the page's entries: as with every other line
    with django_assert_num_queries(7):
        response = facilitator_client.get(LOG)

    assert response.content.decode().count("Lokaal cijfer toegevoegd") == count
