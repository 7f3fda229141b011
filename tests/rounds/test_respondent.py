"""The joint form: the facilitator fills in the group's shared form under /rondes/<pk>/samen/."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds import services
from tests.factories import answers_of
from tests.rounds.fill import HTMX, joint_url


@pytest.fixture
def group(joint_round):
    return joint_round.participants.get()


def test_joint_form_journey_saves_on_the_group_form(facilitator_client, joint_round, group):
    themes = [t.code for t in joint_round.instrument.themes]
    intro = facilitator_client.get(joint_url(joint_round, "intro"))
    start = facilitator_client.post(joint_url(joint_round, "start"))
    step1 = facilitator_client.post(
        joint_url(joint_round, "step1"), {f"score-{t}-score": "2" for t in themes} | {"note-text": "Samen"}
    )
    step2 = [
        facilitator_client.post(joint_url(joint_round, "step2", theme=t), {"go": "next"}) for t in themes
    ]
    finish = facilitator_client.post(
        joint_url(joint_round, "review"), {f"score-{t}-score": "4" for t in themes} | {"go": "finish"}
    )
    done = facilitator_client.get(joint_url(joint_round, "done"))

    assert (intro.status_code, done.status_code) == (HTTPStatus.OK, HTTPStatus.OK)
    assert start.url == joint_url(joint_round, "step1")
    assert step1.url == joint_url(joint_round, "step2", theme="A")
    assert [r.url for r in step2] == [
        *(joint_url(joint_round, "step2", theme=t) for t in themes[1:]),
        joint_url(joint_round, "review"),
    ]
    assert finish.url == joint_url(joint_round, "done")
    saved = answers_of(group)
    assert (saved["scores"], saved["note"]) == (dict.fromkeys(themes, (2, 4)), "Samen")
    assert saved["finished_at"] is not None


def test_joint_form_htmx_score_saves_on_the_group_form(facilitator_client, joint_round, group):
    response = facilitator_client.post(
        joint_url(joint_round, "score", theme="A"), {"score-A-score": "5"}, **HTMX
    )

    assert response.status_code == HTTPStatus.OK
    assert answers_of(group)["scores"] == {"A": (5, None)}


def test_joint_form_of_an_individual_round_is_404(facilitator_client, round_, participant):
    response = facilitator_client.get(joint_url(round_, "intro"))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("key", ["abc", "0", "999999"])
def test_joint_form_with_a_bad_key_is_404(facilitator_client, joint_round, key):
    response = facilitator_client.get(reverse("joint:intro", kwargs={"key": key}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_joint_form_in_a_closed_round_is_refused(facilitator_client, joint_round, group):
    services.close_round(joint_round)
    before = answers_of(group)

    response = facilitator_client.post(
        joint_url(joint_round, "score", theme="A"), {"score-A-score": "5"}, **HTMX
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert answers_of(group) == before
