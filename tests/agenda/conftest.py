import datetime

import pytest

from gesprekstool.agenda.models import Agreement
from tests.factories import ActionFactory, AgreementFactory

TODAY = datetime.date(2027, 3, 10)


@pytest.fixture
def action(round_, participant):
    return ActionFactory(
        round=round_,
        theme="B",
        description="Cijfers per wijk naast elkaar leggen",
        owner=participant,
        department="Werk en Inkomen",
        due_on=TODAY + datetime.timedelta(days=20),
    )


@pytest.fixture
def agreement(round_):
    return AgreementFactory(
        round=round_,
        follow_up=Agreement.FollowUp.MEET_AGAIN,
        next_meeting_on=TODAY + datetime.timedelta(days=30),
    )
