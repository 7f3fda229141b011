"""Joining a meeting by code: the start page, the form, its refusals and the limit on wrong codes."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekstool.rounds import services
from gesprekstool.rounds.models import FailedJoinAttempt
from tests.rounds.pages import dutch


@pytest.fixture
def open_round(round_):
    round_.join_code = "ABC234"
    round_.save()
    return round_


def test_join_start_page_is_public(client, db):
    response = client.get(reverse("join_start"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Meedoen aan een bijeenkomst" in html
    assert 'name="code"' in html


def test_join_start_with_a_typed_code_goes_to_the_round(client, db):
    response = client.get(reverse("join_start"), {"code": " abc 234 "})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("join_round", kwargs={"code": "ABC234"})


@pytest.mark.parametrize("code", ["ABC234", "abc234"])
def test_join_round_shows_the_form(client, open_round, code):
    response = client.get(reverse("join_round", kwargs={"code": code}))

    assert response.status_code == HTTPStatus.OK
    assert open_round.title in response.content.decode()


def test_join_round_with_a_wrong_code_is_404(client, open_round):
    response = client.get(reverse("join_round", kwargs={"code": "ZZZ999"}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert 'name="code"' in response.content.decode()
    assert dutch("There is no open meeting with this code. Check the code on the screen.") in (
        response.content.decode()
    )


def test_join_round_that_is_closed_is_404(client, open_round):
    services.close_round(open_round)

    response = client.post(
        reverse("join_round", kwargs={"code": "ABC234"}), {"display_name": "Laat", "domain": "armoede"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert list(open_round.participants.all()) == []


def test_join_round_of_a_joint_round_is_refused(client, joint_round):
    # A code made before this rule (or by the admin) still lets nobody in.
    joint_round.join_code = "ABC234"
    joint_round.save()

    response = client.post(
        reverse("join_round", kwargs={"code": "ABC234"}), {"display_name": "Sanne", "domain": "armoede"}
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert list(joint_round.participants.values_list("is_group", flat=True)) == [True]
    assert (
        dutch(
            "This meeting fills in one shared form together, on the screen. You do not need to join with your phone."
        )
        in response.content.decode()
    )


def test_join_round_refuses_an_address_after_too_many_wrong_codes(client, open_round, settings):
    settings.JOIN_CODE_ATTEMPT_LIMIT = 3
    wrong = [client.get(reverse("join_round", kwargs={"code": f"ZZZ99{n}"})).status_code for n in range(3)]

    # Now even the right code is refused from this address: a guesser cannot tell it was right.
    refused = client.get(reverse("join_round", kwargs={"code": "ABC234"}))
    other_address = client.get(reverse("join_round", kwargs={"code": "ABC234"}), REMOTE_ADDR="10.0.0.9")

    assert wrong == [404, 404, 404]
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert (
        dutch(
            "Too many wrong codes were typed from this network. Wait %(minutes)s minutes and try again, or ask the facilitator for your personal link."
        )
        % {"minutes": 10}
        in refused.content.decode()
    )
    assert other_address.status_code == HTTPStatus.OK


def test_join_round_throttle_forgets_attempts_after_the_window(client, open_round, settings):
    settings.JOIN_CODE_ATTEMPT_LIMIT = 2
    for _attempt in range(2):
        client.get(reverse("join_round", kwargs={"code": "ZZZ999"}))
    blocked = client.get(reverse("join_round", kwargs={"code": "ABC234"})).status_code
    FailedJoinAttempt.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=11))
    allowed = client.get(reverse("join_round", kwargs={"code": "ABC234"})).status_code
    client.get(reverse("join_round", kwargs={"code": "ZZZ999"}))

    assert (blocked, allowed) == (429, 200)
    # The next failure clears the old ones: only the new attempt is kept.
    assert FailedJoinAttempt.objects.count() == 1


def test_join_round_behind_a_trusted_proxy_counts_the_forwarded_address(client, open_round, settings):
    settings.JOIN_CODE_ATTEMPT_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    client.get(reverse("join_round", kwargs={"code": "ZZZ999"}), HTTP_X_FORWARDED_FOR="198.51.100.7")

    same_client = client.get(
        reverse("join_round", kwargs={"code": "ABC234"}), HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    other_client = client.get(
        reverse("join_round", kwargs={"code": "ABC234"}), HTTP_X_FORWARDED_FOR="198.51.100.8"
    )

    assert (same_client.status_code, other_client.status_code) == (
        HTTPStatus.TOO_MANY_REQUESTS,
        HTTPStatus.OK,
    )


def test_join_round_creates_a_participant_with_a_link(client, open_round, participant):
    response = client.post(
        reverse("join_round", kwargs={"code": "ABC234"}),
        {"display_name": "Sanne", "domain": "gezondheid", "join_key": "k" * 43},
    )

    joined = open_round.participants.get(display_name="Sanne")
    assert (joined.domain, joined.position, joined.is_group) == ("gezondheid", 2, False)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"/d/{joined.token}/"


@pytest.mark.parametrize(
    "data",
    [{"display_name": "Sanne", "domain": "onbekend"}, {"display_name": "", "domain": "armoede"}],
    ids=["unknown domain", "no name"],
)
def test_join_round_refused_creates_nobody(client, open_round, data):
    response = client.post(reverse("join_round", kwargs={"code": "ABC234"}), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(open_round.participants.all()) == []


@pytest.mark.parametrize("code", ["AB/CD", "AB?CD", "../../beheer", "ÄBC234", "x" * 41, "ABCDEFGHJKLMN"])
def test_join_start_with_a_code_that_cannot_be_one_gives_a_message(client, db, code):
    response = client.get(reverse("join_start"), {"code": code})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert 'name="code"' in response.content.decode()
    assert (
        "alleen letters en cijfers" in response.content.decode()
        or "Kijk nog eens" in response.content.decode()
    )
