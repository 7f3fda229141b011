import datetime

import pytest

from gesprekstool.agenda.models import Action, Agreement

TODAY = datetime.date(2027, 3, 10)


@pytest.fixture
def action(round_, participant):
    return Action.objects.create(
        round=round_,
        theme="B",
        description="Cijfers per wijk naast elkaar leggen",
        owner=participant,
        department="Werk en Inkomen",
        due_on=TODAY + datetime.timedelta(days=20),
    )


@pytest.fixture
def agreement(round_):
    return Agreement.objects.create(
        round=round_,
        follow_up=Agreement.FollowUp.MEET_AGAIN,
        next_meeting_on=TODAY + datetime.timedelta(days=30),
    )
