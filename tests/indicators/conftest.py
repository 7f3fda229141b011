import pytest

from gesprekstool.indicators.models import Indicator
from tests.factories import IndicatorFactory


def make_figure(organisation, name="Kinderen in armoede", *, value="9.8", year=2023, **fields) -> Indicator:
    return IndicatorFactory(
        organisation=organisation,
        name=name,
        value=value,
        unit=fields.pop("unit", "%"),
        year=year,
        area=fields.pop("area", "Testdorp"),
        source=fields.pop("source", "CBS"),
        **fields,
    )


@pytest.fixture
def figure(organisation):
    return make_figure(organisation)
