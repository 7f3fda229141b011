from decimal import Decimal
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gesprekstool.indicators.models import Indicator, RoundIndicator
from tests.factories import RoundIndicatorFactory

from .conftest import make_figure

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "indicatoren-voorbeeld.csv"


def list_url(organisation) -> str:
    return reverse("indicators:list", kwargs={"slug": organisation.slug})


def import_url(organisation) -> str:
    return reverse("indicators:import", kwargs={"slug": organisation.slug})


def edit_url(figure) -> str:
    return reverse("indicators:edit", kwargs={"slug": figure.organisation.slug, "indicator_id": figure.pk})


def round_url(round_) -> str:
    return reverse("indicators:round", kwargs={"pk": round_.pk})


def upload(data: bytes, name: str = "cijfers.csv") -> dict:
    return {"file": SimpleUploadedFile(name, data, content_type="text/csv")}


def test_facilitator_imports_the_example_file(facilitator_client, organisation):
    response = facilitator_client.post(import_url(organisation), upload(EXAMPLE.read_bytes()))

    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, list_url(organisation))
    assert organisation.indicators.count() == 6
    page = facilitator_client.get(list_url(organisation)).content.decode()
    assert "Het bestand is geïmporteerd: 6 nieuwe cijfers, 0 cijfers bijgewerkt." in page
    assert "38.600 euro" in page


def test_a_wrong_file_imports_nothing_and_names_line_and_column(facilitator_client, organisation, figure):
    data = (
        b"indicator;waarde;jaar;gebied;bron\nSchulden;6,4;2022;Testdorp;CBS\nArmoede;veel;2022;Testdorp;CBS\n"
    )

    response = facilitator_client.post(import_url(organisation), upload(data))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert (
        "Regel 3, kolom 2 (waarde): “veel” is geen getal (schrijf bijvoorbeeld 9,8 of 1250)."
        in response.content.decode()
    )
    assert list(organisation.indicators.values_list("name", flat=True)) == ["Kinderen in armoede"]


def test_importing_without_a_file_asks_for_one(facilitator_client, organisation):
    response = facilitator_client.post(import_url(organisation), {})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert Indicator.objects.count() == 0


def test_reader_sees_the_figures_but_no_import_or_change(reader_client, organisation, figure):
    page = reader_client.get(list_url(organisation))
    refused = reader_client.post(import_url(organisation), upload(EXAMPLE.read_bytes()))
    edit = reader_client.post(edit_url(figure), {"name": "Anders"})

    html = page.content.decode()
    assert (page.status_code, refused.status_code, edit.status_code) == (
        HTTPStatus.OK,
        HTTPStatus.FORBIDDEN,
        HTTPStatus.FORBIDDEN,
    )
    assert ("Kinderen in armoede" in html, "CSV-bestand importeren" in html, edit_url(figure) in html) == (
        True,
        False,
        False,
    )
    assert Indicator.objects.get().name == "Kinderen in armoede"


def test_other_organisation_gets_404_and_anonymous_the_login(outsider_client, client, organisation, figure):
    assert outsider_client.get(list_url(organisation)).status_code == HTTPStatus.NOT_FOUND
    assert outsider_client.post(edit_url(figure), {}).status_code == HTTPStatus.NOT_FOUND
    response = client.get(list_url(organisation))
    assert (response.status_code, response["Location"].split("?")[0]) == (HTTPStatus.FOUND, reverse("login"))


def test_facilitator_adds_changes_and_deletes_a_figure_by_hand(facilitator_client, organisation):
    form = {"name": "Ervaren gezondheid", "value": "71,5", "unit": "%", "year": "2022", "area": "Testdorp"}
    form |= {"source": "GGD", "link": "https://www.ggd.example/monitor"}

    added = facilitator_client.post(reverse("indicators:create", kwargs={"slug": organisation.slug}), form)
    figure = Indicator.objects.get()
    changed = facilitator_client.post(edit_url(figure), form | {"value": "1.250"})
    value = Indicator.objects.get().value
    deleted = facilitator_client.post(
        reverse("indicators:delete", kwargs={"slug": organisation.slug, "indicator_id": figure.pk})
    )

    assert [r.status_code for r in (added, changed, deleted)] == [
        HTTPStatus.FOUND,
        HTTPStatus.FOUND,
        HTTPStatus.FOUND,
    ]
    assert (figure.value, figure.link, value) == (
        Decimal("71.5"),
        "https://www.ggd.example/monitor",
        Decimal(1250),
    )
    assert Indicator.objects.count() == 0


def test_a_form_with_a_bad_number_or_a_double_saves_nothing(facilitator_client, organisation, figure):
    form = {"name": "kinderen in ARMOEDE", "value": "9,9", "unit": "%", "year": "2023", "area": "testdorp"}
    form |= {"source": "CBS", "link": ""}
    create = reverse("indicators:create", kwargs={"slug": organisation.slug})

    double = facilitator_client.post(create, form)
    bad = facilitator_client.post(create, form | {"name": "Nieuw", "value": "veel"})

    assert (double.status_code, bad.status_code) == (
        HTTPStatus.UNPROCESSABLE_ENTITY,
        HTTPStatus.UNPROCESSABLE_ENTITY,
    )
    assert "Uw organisatie heeft deze indicator al voor dit jaar en dit gebied." in double.content.decode()
    assert "Vul een getal in, bijvoorbeeld 9,8 of 1250." in bad.content.decode()
    assert list(Indicator.objects.values_list("name", "value")) == [("Kinderen in armoede", Decimal("9.8"))]


def test_facilitator_chooses_figures_for_a_round(facilitator_client, round_, organisation, figure):
    other = make_figure(organisation, "Schulden")

    shown = facilitator_client.get(round_url(round_))
    response = facilitator_client.post(
        round_url(round_),
        {f"shown-{figure.pk}": "on", f"themes-{figure.pk}": ["D", "B"], f"themes-{other.pk}": ["B"]},
    )

    assert shown.status_code == HTTPStatus.OK
    assert (
        f'name="themes-{figure.pk}" value="B" id="id_themes-{figure.pk}-B" checked' in shown.content.decode()
    )
    assert (response.status_code, response["Location"]) == (
        HTTPStatus.FOUND,
        reverse("rounds:results", kwargs={"pk": round_.pk}),
    )
    assert list(RoundIndicator.objects.values_list("indicator", "themes")) == [(figure.pk, ["B", "D"])]


def test_a_chosen_figure_without_a_theme_saves_nothing(facilitator_client, round_, figure):
    response = facilitator_client.post(round_url(round_), {f"shown-{figure.pk}": "on"})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Kies ten minste één thema." in response.content.decode()
    assert RoundIndicator.objects.count() == 0


def test_reader_sees_the_rounds_figures_but_may_not_choose(reader_client, round_, figure):
    RoundIndicatorFactory(round=round_, indicator=figure, themes=["B"])

    page = reader_client.get(round_url(round_))
    refused = reader_client.post(round_url(round_), {})

    assert (page.status_code, refused.status_code) == (HTTPStatus.OK, HTTPStatus.FORBIDDEN)
    assert "Kinderen in armoede (Testdorp, 2023; bron: CBS)" in page.content.decode()
    assert RoundIndicator.objects.count() == 1


def test_another_organisations_round_is_404(outsider_client, round_):
    assert outsider_client.get(round_url(round_)).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("count", [1, 4])
def test_the_list_takes_a_fixed_number_of_queries(
    facilitator_client, organisation, django_assert_num_queries, count
):
    for n in range(count):
        make_figure(organisation, f"Cijfer {n}")

    # session, user, the memberships (the organisation's and the header's), the figures
    with django_assert_num_queries(4):
        response = facilitator_client.get(list_url(organisation))

    assert response.content.decode().count('<tr class="utrecht-table__row">') == 1 + count
