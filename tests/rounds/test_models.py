"""Participant link tokens, labels and score properties."""

import base64

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant, Round, Score, new_token
from tests.factories import MembershipFactory, ParticipantFactory, RoundFactory, ScoreFactory

TOKEN_BITS = 128


def token_bits(token: str) -> int:
    return len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) * 8


def test_new_token_has_at_least_128_random_bits():
    token = new_token()

    assert len(token) == 43
    assert token_bits(token) >= TOKEN_BITS
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_new_token_is_unique():
    assert len({new_token() for _ in range(10_000)}) == 10_000


def test_participant_tokens_are_long_and_unique(round_):
    participants = [
        services.add_participant(round_, display_name=f"P{n}", domain="armoede") for n in range(50)
    ]

    tokens = [p.token for p in participants]
    assert len(set(tokens)) == 50
    assert min(token_bits(t) for t in tokens) >= TOKEN_BITS


def test_participant_token_is_unique_in_the_database(participant):
    with pytest.raises(IntegrityError):
        ParticipantFactory(round=participant.round, position=99, token=participant.token)


def test_renewed_token_is_as_long_as_the_first(participant):
    old = participant.token

    services.renew_link(participant)

    assert participant.token != old
    assert token_bits(participant.token) >= TOKEN_BITS


def test_participant_label_names_number_and_domain(round_):
    participant = services.add_participant(round_, display_name="Fatima", domain="gezondheid")

    assert str(participant.position) in participant.label
    assert participant.get_domain_display() in participant.label
    assert "Fatima" not in participant.label


def test_participant_position_is_unique_per_round(participant):
    with pytest.raises(IntegrityError):
        ParticipantFactory(round=participant.round, position=participant.position)


@pytest.mark.parametrize(
    ("first", "revised", "current", "was_revised"), [(3, None, 3, False), (3, 3, 3, False), (3, 5, 5, True)]
)
def test_score_current_and_was_revised(first, revised, current, was_revised):
    score = Score(theme="A", first=first, revised=revised)

    assert (score.current, score.was_revised) == (current, was_revised)


@pytest.mark.parametrize("value", [0, 7])
def test_score_outside_the_scale_is_refused_by_the_database(participant, value):
    with pytest.raises(IntegrityError):
        ScoreFactory(participant=participant, theme="A", first=value)


def test_round_for_user_returns_own_rounds_only(db):
    membership = MembershipFactory()
    own = RoundFactory(organisation=membership.organisation)
    RoundFactory()

    assert list(Round.objects.for_user(membership.user)) == [own]


def test_round_for_anonymous_user_is_empty(db):
    RoundFactory()

    assert list(Round.objects.for_user(AnonymousUser())) == []


def test_participant_str_is_the_name(participant):
    assert str(participant) == "Fatima"
    assert Participant.objects.get(pk=participant.pk).link_active
