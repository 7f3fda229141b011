"""The group's results for a participant: hidden until revealed, and only when the round shares them."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant
from tests.factories import answer_step1
from tests.rounds.pages import results_for_participants


def group_results_page(client, participant: Participant) -> str:
    response = client.get(reverse("fill:group_results", kwargs={"key": participant.token}))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.fixture
def answered_pair(round_, participant, other_participant):
    answer_step1(participant, score=2)
    answer_step1(other_participant, score=5)
    return participant, other_participant


def test_group_results_hidden_until_revealed(client, round_, answered_pair):
    participant, other = answered_pair
    results_for_participants(round_, allowed=True, revealed=False)

    page = group_results_page(client, participant)

    assert other.label not in page
    assert other.display_name not in page
    assert 'data-hx-trigger="every 5s"' in page


def test_group_results_visible_after_reveal(client, round_, answered_pair):
    participant, other = answered_pair
    results_for_participants(round_, allowed=True, revealed=True)

    page = group_results_page(client, participant)

    assert other.label in page
    assert other.display_name not in page
    assert "data-hx-trigger" not in page


def test_group_results_never_when_participants_may_not_see_them(client, round_, answered_pair):
    participant, other = answered_pair
    results_for_participants(round_, allowed=False, revealed=True)

    page = group_results_page(client, participant)

    assert other.label not in page


def test_group_results_on_the_done_page_after_reveal(client, round_, answered_pair):
    participant, other = answered_pair
    services.finish(participant)
    results_for_participants(round_, allowed=True, revealed=True)

    page = client.get(reverse("fill:done", kwargs={"key": participant.token})).content.decode()

    assert other.label in page
