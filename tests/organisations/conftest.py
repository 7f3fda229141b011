"""Fixtures of the team pages' tests: a reader with a name, and an open invitation."""

import pytest

from tests.factories import ReaderMembershipFactory, invite


@pytest.fixture
def reader(organisation):
    return ReaderMembershipFactory(
        organisation=organisation, user__first_name="Rita", user__last_name="Lezer"
    )


@pytest.fixture
def open_invitation(organisation, facilitator):
    return invite(organisation, "piet@example.nl", role="meelezer", by=facilitator)[0]
