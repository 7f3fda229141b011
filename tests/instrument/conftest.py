import pytest

from gesprekstool.instrument import Instrument, load_instrument


@pytest.fixture
def instrument() -> Instrument:
    return load_instrument()
