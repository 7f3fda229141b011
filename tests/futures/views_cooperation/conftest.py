"""The cooperation pages' picture of the future: a bare part from the factory (in place of the part
with prompts of tests/futures/conftest.py), and a joint one with the group that fills it in."""

import pytest

from tests.factories import FuturePartFactory


@pytest.fixture
def part(round_):
    return FuturePartFactory(round=round_)


@pytest.fixture
def joint_part(joint_round):
    return FuturePartFactory(round=joint_round, mode="joint")


@pytest.fixture
def group(joint_round):
    return joint_round.participants.get(is_group=True)
