"""In a joint round the presenter's cooperation page and the wall speak of the group, not of participants:
each text rendered for a joint round and for a round filled in individually."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.futures import cooperation
from tests.factories import FuturePartFactory
from tests.futures.views_cooperation.pages import present_url

GROUP = "joint_round"
INDIVIDUAL = "round_"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.mark.parametrize(
    ("round_name", "shown", "not_shown"),
    [
        (GROUP, "dus de groep kan nog geen paren aangeven", "dus deelnemers kunnen"),
        (INDIVIDUAL, "dus deelnemers kunnen nog geen", "dus de groep kan"),
    ],
)
def test_without_a_picture_of_the_future_the_presenter_says_who_cannot_mark_pairs(
    request, facilitator_client, round_name, shown, not_shown
):
    round_ = request.getfixturevalue(round_name)

    html = page(facilitator_client, present_url(round_))

    assert shown in html
    assert not_shown not in html


@pytest.mark.parametrize(
    ("round_name", "shown", "not_shown"),
    [
        (
            GROUP,
            ["De paren van partners die de groep aangaf", "Een 1 betekent dat de groep dat paar aangaf."],
            ["die de deelnemers aangaven", "het aantal deelnemers dat dat paar aangaf"],
        ),
        (
            INDIVIDUAL,
            ["De paren van partners die de deelnemers aangaven", "het aantal deelnemers dat dat paar aangaf"],
            ["die de groep aangaf", "Een 1 betekent"],
        ),
    ],
)
def test_the_presenter_explains_the_marks_as_the_groups_in_a_joint_round(
    request, facilitator_client, round_name, shown, not_shown
):
    round_ = request.getfixturevalue(round_name)
    FuturePartFactory(round=round_, mode="joint" if round_.is_joint else "individual")
    who = (
        round_.participants.get(is_group=True) if round_.is_joint else request.getfixturevalue("participant")
    )
    cooperation.add_mark(who, party_a="GGD", party_b="armoede")

    html = page(facilitator_client, present_url(round_))

    assert [text for text in shown if text not in html] == []
    assert [text for text in not_shown if text in html] == []


@pytest.mark.parametrize(
    ("round_name", "shown", "not_shown"),
    [
        (GROUP, "Gesloten: er kan nu niets op de muur bij.", "deelnemers kunnen nu niets toevoegen"),
        (INDIVIDUAL, "Gesloten: deelnemers kunnen nu niets toevoegen.", "niets op de muur bij"),
    ],
)
def test_a_closed_wall_says_who_cannot_add_anything(
    request, facilitator_client, round_name, shown, not_shown
):
    round_ = request.getfixturevalue(round_name)
    FuturePartFactory(round=round_, enabled=False, mode="joint" if round_.is_joint else "individual")

    html = page(facilitator_client, reverse("futures:wall", kwargs={"pk": round_.pk}))

    assert shown in html
    assert not_shown not in html
