from decimal import Decimal

import pytest

from gesprekstool.indicators import services
from gesprekstool.indicators.csvfile import Row
from gesprekstool.indicators.models import Indicator, RoundIndicator

from .conftest import make_figure


def row(name: str, value: str, *, year: int = 2023, area: str = "Testdorp", source: str = "CBS") -> Row:
    return Row(name=name, value=Decimal(value), unit="%", year=year, area=area, source=source)


def test_import_adds_new_figures_and_updates_the_same_indicator_year_and_area(
    organisation, other_organisation
):
    kept = make_figure(organisation, "Schulden", value="5", year=2022)
    make_figure(other_organisation, "Kinderen in armoede", value="1")

    imported = services.import_indicators(
        organisation=organisation,
        rows=[row("kinderen in armoede", "9.8"), row("SCHULDEN", "6.4", year=2022, source="GGD")],
        by=None,
    )

    assert imported == services.Imported(created=1, updated=1)
    assert sorted(organisation.indicators.values_list("name", "value", "year", "source")) == [
        ("Schulden", Decimal("6.4000"), 2022, "GGD"),
        ("kinderen in armoede", Decimal("9.8000"), 2023, "CBS"),
    ]
    assert Indicator.objects.get(pk=kept.pk).value == Decimal("6.4")
    assert other_organisation.indicators.get().value == Decimal("1")


def test_save_indicator_refuses_another_organisations_figure(organisation, other_organisation):
    theirs = make_figure(other_organisation)

    with pytest.raises(ValueError):
        services.save_indicator(
            organisation=organisation,
            indicator=theirs,
            by=None,
            name="Overgenomen",
            value=Decimal(1),
            unit="",
            year=2020,
            area="Testdorp",
            source="CBS",
        )

    assert Indicator.objects.get(pk=theirs.pk).name == "Kinderen in armoede"


def test_choose_for_round_replaces_the_choice_and_orders_themes_as_the_instrument(round_, organisation):
    first, second, third = (make_figure(organisation, name) for name in ("Een", "Twee", "Drie"))
    services.choose_for_round(round_=round_, themes_by_indicator={first: ["B"], second: ["B"]}, by=None)

    services.choose_for_round(round_=round_, themes_by_indicator={second: ["D", "A"], third: []}, by=None)

    assert sorted(RoundIndicator.objects.filter(round=round_).values_list("indicator__name", "themes")) == [
        ("Drie", ["B"]),
        ("Twee", ["A", "D"]),
    ]


def test_choose_for_round_refuses_another_organisations_figure_and_too_many(
    round_, organisation, other_organisation
):
    mine = make_figure(organisation)
    services.choose_for_round(round_=round_, themes_by_indicator={mine: ["B"]}, by=None)
    many = {make_figure(organisation, f"Cijfer {n}"): ["B"] for n in range(services.MAX_PER_ROUND + 1)}

    with pytest.raises(ValueError):
        services.choose_for_round(
            round_=round_, themes_by_indicator={make_figure(other_organisation): ["B"]}, by=None
        )
    with pytest.raises(ValueError):
        services.choose_for_round(round_=round_, themes_by_indicator=many, by=None)

    assert list(RoundIndicator.objects.values_list("indicator", flat=True)) == [mine.pk]


def test_deleting_a_figure_takes_it_out_of_its_rounds(round_, figure):
    services.choose_for_round(round_=round_, themes_by_indicator={figure: ["B"]}, by=None)

    services.delete_indicator(indicator=figure, by=None)

    assert (Indicator.objects.count(), RoundIndicator.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [("9.8", "%", "9,8 %"), ("38600", "euro", "38.600 euro"), ("0.125", "", "0,125"), ("-3", "", "-3")],
)
def test_a_value_is_shown_as_dutch_readers_write_it(organisation, value, unit, shown):
    figure = make_figure(organisation, value=value, unit=unit)
    figure.refresh_from_db()

    assert figure.shown_value == shown
