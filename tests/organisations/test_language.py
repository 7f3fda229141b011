"""The language switch (Django's set_language) and a user's preferred language for mails."""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from gesprekstool.organisations import services
from gesprekstool.organisations.language import preferred_language, set_preferred_language
from gesprekstool.organisations.models import Membership
from tests.factories import MembershipFactory, UserFactory

SWITCH = reverse("set_language")


def test_switching_sets_the_cookie_and_the_next_page_is_english(client, db):
    response = client.post(SWITCH, {"language": "en", "next": reverse("join_start")})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("join_start")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert (cookie.value, cookie["max-age"], cookie["httponly"], cookie["samesite"]) == (
        "en",
        365 * 24 * 60 * 60,
        True,
        "Lax",
    )
    html = client.get(response.url).content.decode()
    assert '<html lang="en"' in html
    assert "Join a meeting" in html


def test_switching_back_gives_dutch(client, db):
    client.post(SWITCH, {"language": "en", "next": "/"})

    client.post(SWITCH, {"language": "nl", "next": "/"})

    assert '<html lang="nl"' in client.get(reverse("join_start")).content.decode()


def test_switching_keeps_the_choice_for_a_member(facilitator_client, facilitator, organisation):
    other = MembershipFactory(user=facilitator, role=Membership.Role.READER)

    facilitator_client.post(SWITCH, {"language": "en", "next": "/"})

    assert sorted(Membership.objects.filter(user=facilitator).values_list("language", flat=True)) == [
        "en",
        "en",
    ]
    assert other.organisation != organisation


def test_next_outside_the_site_goes_home(client, db):
    response = client.post(SWITCH, {"language": "en", "next": "https://elders.example/"})

    assert response.url == "/"


@pytest.mark.parametrize("language", ["de", "", "english"])
def test_a_language_the_site_does_not_offer_changes_nothing(facilitator_client, facilitator, language):
    response = facilitator_client.post(SWITCH, {"language": language, "next": "/"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.content.decode() == "Kies een van de talen die de site aanbiedt."
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert list(Membership.objects.filter(user=facilitator).values_list("language", flat=True)) == [""]


def test_the_switch_takes_only_post(client, db):
    assert client.get(SWITCH, {"language": "en"}).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_preferred_language_is_dutch_without_a_choice(facilitator):
    assert preferred_language(user=facilitator) == "nl"
    assert preferred_language(email=facilitator.email) == "nl"
    assert preferred_language(email="onbekend@example.nl", default="en") == "en"


def test_preferred_language_is_the_last_choice(facilitator):
    set_preferred_language(user=facilitator, language="en")

    assert preferred_language(user=facilitator) == "en"
    assert preferred_language(email=facilitator.email.upper()) == "en"


def test_a_password_reset_mail_to_an_english_user_is_english(client, db):
    user = UserFactory(email="jane@example.org")
    MembershipFactory(user=user, language="en")
    dutch = UserFactory(email="jan@example.nl")

    client.post(reverse("password_reset"), {"email": "jane@example.org"})
    client.post(reverse("password_reset"), {"email": dutch.email})

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["jane@example.org"], "Choose a new password for the Gesprekstool"),
        ([dutch.email], "Kies een nieuw wachtwoord voor de Gesprekstool"),
    ]


def test_an_invitation_to_an_english_user_is_english(organisation, facilitator):
    guest = UserFactory(email="guest@example.org")
    MembershipFactory(user=guest, language="en")

    services.invite(
        organisation=organisation, email="guest@example.org", role="meelezer", invited_by=facilitator
    )

    assert mail.outbox[0].subject == "Invitation to the Gesprekstool of Gemeente Testdorp"
    assert "invites you to the Gesprekstool of Gemeente Testdorp, as reader." in mail.outbox[0].body
