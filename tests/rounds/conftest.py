import pytest

from gesprekstool.rounds import services
from tests.factories import ConversationQuestionFactory, OwnObservationFactory


@pytest.fixture
def spread_round(round_, participant, other_participant):
    """Two participants far apart on theme D: Armoede 2, Gezondheid 5."""
    services.save_score(participant, theme="D", value=2)
    services.save_score(other_participant, theme="D", value=5)
    return round_


@pytest.fixture
def own_observation(round_):
    return OwnObservationFactory(round=round_, theme="D", text="Eigen observatie")


@pytest.fixture
def questions(round_):
    return [
        ConversationQuestionFactory(round=round_, theme=theme, text=f"Vraag {n}", position=n)
        for n, theme in enumerate(["D", "A", "D"], start=1)
    ]
