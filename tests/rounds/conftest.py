import pytest

from gesprekstool.rounds import services
from tests.factories import (
    ConversationQuestionFactory,
    OwnObservationFactory,
    answer_everything,
    answer_step1,
)


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


# A participant on their way through the answer pages.


@pytest.fixture
def started(participant):
    services.mark_opened(participant)
    return participant


@pytest.fixture
def in_step2(started):
    answer_step1(started, score=4)
    return started


@pytest.fixture
def in_review(started):
    return answer_everything(started, score=3)


@pytest.fixture
def finished(started):
    return answer_everything(started, score=3, finish=True)
