import datetime

import pytest
from django.test import Client

from gesprekstool.programmes.models import ProgrammeMember
from gesprekstool.rounds.models import Participant, Score
from tests.factories import (
    OrganisationFactory,
    ProgrammeFactory,
    ProgrammeMemberFactory,
    RoundFactory,
    UserFactory,
)

THEMES = "ABCDEF"


def add_round(
    organisation, *, scores: dict[str, list[int]], held_on=datetime.date(2026, 10, 1), version=None
):
    """A round of `organisation` whose participants gave `scores` (theme -> one score per participant),
    written in bulk: a few queries per round."""
    fields = {"instrument_version": version} if version else {}
    round_ = RoundFactory(organisation=organisation, held_on=held_on, **fields)
    people = max(len(v) for v in scores.values())
    participants = Participant.objects.bulk_create(
        Participant(round=round_, position=n + 1, display_name=f"Naam {n}", domain="armoede")
        for n in range(people)
    )
    Score.objects.bulk_create(
        Score(participant=participants[i], theme=theme, first=value)
        for theme, values in scores.items()
        for i, value in enumerate(values)
    )
    return round_


def everywhere(*values: int) -> dict[str, list[int]]:
    return {theme: list(values) for theme in THEMES}


def add_gemeente(
    programme, name: str, *, sharing=ProgrammeMember.Sharing.ANONYMOUS, scores=None, **round_args
):
    """A gemeente in `programme` sharing `sharing`, with one round of `scores` (default: 3 everywhere)."""
    slug = name.lower().replace(" ", "-")
    organisation = OrganisationFactory(name=name, slug=slug)
    ProgrammeMemberFactory(programme=programme, organisation=organisation, sharing=sharing)
    if scores is not False:
        add_round(organisation, scores=scores or everywhere(3), **round_args)
    return organisation


@pytest.fixture
def adviser(db):
    return UserFactory(username="adviseur", first_name="Ada", last_name="Adviseur")


@pytest.fixture
def programme(adviser):
    programme = ProgrammeFactory(name="Gezond in... regio Oost", slug="regio-oost")
    programme.advisers.add(adviser)
    return programme


@pytest.fixture
def adviser_client(adviser):
    """A client of its own: a test may use it beside `facilitator_client`, which uses `client`."""
    client = Client()
    client.force_login(adviser)
    return client
