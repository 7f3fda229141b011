"""Joining by code is idempotent per browser: a double tap makes one participant, a reopened code page
continues as the same person (issue 15)."""

from http import HTTPStatus

import pytest
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from gesprekstool.rounds import joining, services

KEY = "dubbel-getikt-formulier-0123456789abcdef"


def dutch(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


@pytest.fixture
def open_round(round_):
    round_.join_code = "ABC234"
    round_.save()
    return round_


def join_url(code: str = "ABC234") -> str:
    return reverse("join_round", kwargs={"code": code})


def join(client, *, name: str = "Sanne", key: str = KEY):
    return client.post(join_url(), {"display_name": name, "domain": "gezondheid", "join_key": key})


def test_join_round_posted_twice_makes_one_participant(client, open_round):
    first = join(client)
    second = join(client)

    joined = open_round.participants.get()
    assert (first.status_code, second.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    assert first.url == second.url == f"/d/{joined.token}/"


def test_join_round_posted_twice_from_two_browsers_makes_one_participant(client, open_round):
    # The second post of a double tap can arrive before the first one's session cookie.
    first = join(client)
    second = join(Client())

    assert open_round.participants.count() == 1
    assert first.url == second.url


def test_join_by_code_is_idempotent_per_form_key(open_round):
    first = joining.join_by_code(open_round, display_name="Sanne", domain="armoede", join_key=KEY)
    second = joining.join_by_code(open_round, display_name="Sanne", domain="armoede", join_key=KEY)

    assert (first[1], second[1]) == (True, False)
    assert first[0].pk == second[0].pk


def test_join_key_is_unique_per_round_in_the_database(open_round):
    services.add_participant(open_round, display_name="Sanne", domain="armoede", join_key=KEY)

    with pytest.raises(IntegrityError):
        services.add_participant(open_round, display_name="Sanne", domain="armoede", join_key=KEY)


def test_join_round_with_another_form_key_makes_another_participant(client, open_round):
    join(client, name="Sanne")
    join(client, name="Joost", key="nog-een-ander-formulier-0123456789")

    assert list(open_round.participants.values_list("display_name", flat=True)) == ["Sanne", "Joost"]


def test_join_round_reopened_in_the_same_browser_offers_to_continue(client, open_round):
    join(client)
    joined = open_round.participants.get()

    response = client.get(join_url("abc234"))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert f'href="/d/{joined.token}/"' in page
    assert dutch("Continue as %(name)s") % {"name": "Sanne"} in page
    assert 'name="display_name"' not in page
    assert f'href="{join_url()}?ander=1"' in page


def test_join_round_in_another_browser_shows_the_form(client, open_round):
    join(client)

    page = Client().get(join_url()).content.decode()

    assert 'name="display_name"' in page
    assert dutch("Continue as %(name)s") % {"name": "Sanne"} not in page


def test_join_round_as_someone_else_on_a_shared_device(client, open_round):
    join(client, name="Sanne")

    form = client.get(join_url(), {"ander": "1"})
    join(client, name="Joost", key="tweede-persoon-op-dit-apparaat-0123")
    offered = client.get(join_url()).content.decode()

    assert 'name="display_name"' in form.content.decode()
    assert dutch("Continue as %(name)s") % {"name": "Sanne"} in offered
    assert dutch("Continue as %(name)s") % {"name": "Joost"} in offered


def test_join_round_does_not_offer_a_revoked_or_renewed_link(client, open_round):
    join(client, name="Sanne")
    join(client, name="Joost", key="tweede-persoon-op-dit-apparaat-0123")
    sanne, joost = open_round.participants.order_by("position")
    services.revoke_link(sanne)
    services.renew_link(joost)

    page = client.get(join_url()).content.decode()

    assert 'name="display_name"' in page
    assert dutch("Continue as %(name)s") % {"name": "Joost"} not in page


def test_join_round_without_a_form_key_is_refused_with_a_fresh_form(client, open_round):
    response = client.post(join_url(), {"display_name": "Sanne", "domain": "armoede"})

    page = response.content.decode()
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(open_round.participants.all()) == []
    assert dutch("This page had expired. Check your name and domain and press “Join” again.") in page
    assert 'name="join_key" value=""' not in page


def test_join_round_with_errors_keeps_the_form_key(client, open_round):
    response = client.post(join_url(), {"display_name": "", "domain": "armoede", "join_key": KEY})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert f'name="join_key" value="{KEY}"' in response.content.decode()
