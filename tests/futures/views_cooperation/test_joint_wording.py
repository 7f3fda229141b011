"""In a joint round the presenter's cooperation page and the wall speak of the group, not of participants:
each text rendered for a joint round and for a round filled in individually."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.futures import cooperation
from tests.factories import FuturePartFactory
from tests.futures.views_cooperation.pages import present_url


def arrange(request, round_, situation: str) -> str:
    """The round in `situation` ("no part", "marked": one pair marked, "closed": a closed part); the
    address of the page that shows it."""
    if situation != "no part":
        mode = "joint" if round_.is_joint else "individual"
        FuturePartFactory(round=round_, mode=mode, enabled=situation != "closed")
    if situation == "marked":
        group = round_.participants.filter(is_group=True).first()
        cooperation.add_mark(
            group or request.getfixturevalue("participant"), party_a="GGD", party_b="armoede"
        )
    if situation == "closed":
        return reverse("futures:wall", kwargs={"pk": round_.pk})
    return present_url(round_)


@pytest.mark.parametrize(
    ("round_name", "situation", "shown", "not_shown"),
    [
        ("joint_round", "no part", ["dus de groep kan nog geen paren aangeven"], ["dus deelnemers kunnen"]),
        ("round_", "no part", ["dus deelnemers kunnen nog geen"], ["dus de groep kan"]),
        (
            "joint_round",
            "marked",
            ["De paren van partners die de groep aangaf", "Een 1 betekent dat de groep dat paar aangaf."],
            ["die de deelnemers aangaven", "het aantal deelnemers dat dat paar aangaf"],
        ),
        (
            "round_",
            "marked",
            ["De paren van partners die de deelnemers aangaven", "het aantal deelnemers dat dat paar aangaf"],
            ["die de groep aangaf", "Een 1 betekent"],
        ),
        (
            "joint_round",
            "closed",
            ["Gesloten: er kan nu niets op de muur bij."],
            ["deelnemers kunnen nu niets"],
        ),
        ("round_", "closed", ["Gesloten: deelnemers kunnen nu niets toevoegen."], ["niets op de muur bij"]),
    ],
)
def test_in_a_joint_round_the_page_speaks_of_the_group(
    request, facilitator_client, round_name, situation, shown, not_shown
):
    round_ = request.getfixturevalue(round_name)
    url = arrange(request, round_, situation)

    response = facilitator_client.get(url)

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert [text for text in shown if text not in html] == []
    assert [text for text in not_shown if text in html] == []
