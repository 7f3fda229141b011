"""Inviting a colleague, resending and withdrawing an invitation, and the invitation link: accepting with
a new account or the one logged in with, and the links that no longer work."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from gesprekstool.organisations import services
from gesprekstool.organisations.current import SESSION_KEY
from gesprekstool.organisations.models import Invitation
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    ReaderMembershipFactory,
    UserFactory,
    invite,
    password_logs_in,
)
from tests.organisations.pages import TEAM, invitation_url, invite_url, team_state

PASSWORD = "lang-wachtwoord-42"  # what a newcomer chooses


# --- Inviting, resending, withdrawing ---------------------------------------------------------------------


def test_invite_a_colleague(facilitator_client, organisation, facilitator):
    response = facilitator_client.post(
        invite_url(organisation), {"email": "Piet@Example.nl", "role": "meelezer"}
    )

    assert response.url == TEAM
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "piet@example.nl",
        "meelezer",
        facilitator,
    )
    assert mail.outbox[0].to == ["piet@example.nl"]
    followed = facilitator_client.get(TEAM)
    assert "Er is een uitnodiging verstuurd naar piet@example.nl." in followed.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [({"email": "piet@", "role": "meelezer"}, "email"), ({"email": "p@example.nl", "role": "baas"}, "role")],
)
def test_invite_bad_input_is_422(facilitator_client, organisation, data, field):
    response = facilitator_client.post(invite_url(organisation), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["invite_form"].errors) == [field]
    assert Invitation.objects.count() == 0


def test_invite_a_member_is_409_with_a_message(facilitator_client, organisation, reader):
    response = facilitator_client.post(
        invite_url(organisation), {"email": reader.user.email, "role": "meelezer"}
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert f"{reader.user.email} is al lid van Gemeente Testdorp." in response.content.decode()
    assert Invitation.objects.count() == 0


def test_invite_into_an_organisation_where_one_only_reads_is_403(
    facilitator, facilitator_client, other_organisation
):
    ReaderMembershipFactory(user=facilitator, organisation=other_organisation)

    response = facilitator_client.post(
        invite_url(other_organisation), {"email": "x@example.nl", "role": "meelezer"}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Invitation.objects.count() == 0


def test_resend_an_invitation(facilitator_client, open_invitation):
    old_hash = open_invitation.token_hash

    response = facilitator_client.post(
        reverse("organisations:invitation_resend", kwargs={"invitation_id": open_invitation.pk})
    )

    assert response.url == TEAM
    assert Invitation.objects.get().token_hash != old_hash
    assert mail.outbox[0].to == ["piet@example.nl"]


def test_withdraw_an_invitation(facilitator_client, open_invitation):
    response = facilitator_client.post(
        reverse("organisations:invitation_withdraw", kwargs={"invitation_id": open_invitation.pk})
    )

    assert response.url == TEAM
    assert Invitation.objects.get().status == "withdrawn"


def test_withdraw_a_withdrawn_invitation_is_409(facilitator_client, open_invitation):
    services.withdraw(invitation=open_invitation, actor=None)
    before = team_state(open_invitation.organisation)

    response = facilitator_client.post(
        reverse("organisations:invitation_withdraw", kwargs={"invitation_id": open_invitation.pk})
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert team_state(open_invitation.organisation) == before


# --- The invitation link ----------------------------------------------------------------------------------


def test_unknown_invitation_link_is_404_in_dutch(client, db):
    response = client.get(invitation_url("geraden-token-" + "x" * 30))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Deze uitnodigingslink is onbekend." in html
    assert "Vraag de gespreksleider die u uitnodigde om een nieuwe uitnodiging." in html


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ("expired", "Deze uitnodiging is verlopen."),
        ("withdrawn", "Deze uitnodiging is ingetrokken."),
        ("accepted", "Deze uitnodiging is al gebruikt."),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_invitation_link_that_no_longer_works_is_410(client, organisation, state, message, method):
    if state == "expired":
        with time_machine.travel(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), tick=False):
            invitation, token = invite(organisation)
    else:
        invitation, token = invite(organisation)
    if state == "withdrawn":
        services.withdraw(invitation=invitation, actor=None)
    elif state == "accepted":
        services.accept_with_new_account(
            token=token, first_name="Eerste", last_name="Gebruiker", password=PASSWORD
        )
    users = get_user_model().objects.count()

    response = getattr(client, method)(
        invitation_url(token),
        {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD},
    )

    html = response.content.decode()
    assert response.status_code == HTTPStatus.GONE
    assert message in html
    assert "Vraag de gespreksleider die u uitnodigde om een nieuwe uitnodiging." in html
    assert get_user_model().objects.count() == users


def test_invitation_link_asks_a_newcomer_for_name_and_password(client, organisation):
    _invitation, token = invite(organisation, "nieuw@example.nl", role="meelezer")

    response = client.get(invitation_url(token))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Aansluiten bij Gemeente Testdorp" in html
    assert 'value="nieuw@example.nl" readonly' in html
    assert 'name="password1"' in html


def test_accept_an_invitation_with_a_new_account(client, organisation):
    _invitation, token = invite(organisation, "nieuw@example.nl", role="meelezer")

    response = client.post(
        invitation_url(token),
        {"first_name": "Anna", "last_name": "de Vries", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )

    user = get_user_model().objects.get(email="nieuw@example.nl")
    assert response.redirect_chain == [(reverse("rounds:list"), 302)]
    assert response.context["user"] == user
    assert "Welkom bij Gemeente Testdorp. U bent meelezer." in response.content.decode()
    assert list(user.memberships.values_list("organisation__slug", "role")) == [("testdorp", "meelezer")]
    assert password_logs_in("NIEUW@example.nl", PASSWORD)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"password1": PASSWORD, "password2": PASSWORD + "x"}, "password2"),
        ({"password1": "12345678", "password2": "12345678"}, "password1"),
        ({"password1": "kort", "password2": "kort"}, "password1"),
        ({"first_name": "", "password1": PASSWORD, "password2": PASSWORD}, "first_name"),
    ],
)
def test_accept_with_a_bad_password_or_name_is_422(client, organisation, data, field):
    invitation, token = invite(organisation)

    response = client.post(invitation_url(token), {"first_name": "Anna", "last_name": "Vries", **data})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert get_user_model().objects.filter(email="nieuw@example.nl").count() == 0
    assert Invitation.objects.get(pk=invitation.pk).status == "pending"


def test_invitation_link_for_an_address_with_an_account_asks_to_log_in(client, organisation):
    UserFactory(email="nieuw@example.nl")
    _invitation, token = invite(organisation, "nieuw@example.nl")

    shown = client.get(invitation_url(token))
    posted = client.post(
        invitation_url(token),
        {"first_name": "A", "last_name": "B", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert f"{reverse('login')}?next={invitation_url(token)}" in shown.content.decode()
    assert posted.status_code == HTTPStatus.CONFLICT
    assert get_user_model().objects.filter(email="nieuw@example.nl").count() == 1


def test_accept_with_the_account_one_is_logged_in_with(client, organisation, other_organisation):
    adviser = MembershipFactory(organisation=other_organisation, user__email="adviseur@example.nl").user
    _invitation, token = invite(organisation, "Adviseur@example.nl", role="meelezer")
    client.force_login(adviser)

    shown = client.get(invitation_url(token))
    response = client.post(invitation_url(token))

    assert shown.status_code == HTTPStatus.OK
    assert response.url == reverse("rounds:list")
    assert client.session[SESSION_KEY] == organisation.pk
    assert sorted(adviser.memberships.values_list("organisation__slug", flat=True)) == ["elders", "testdorp"]


def test_accept_with_another_account_is_403_and_changes_nothing(client, organisation):
    other = UserFactory(email="iemand@example.nl")
    invitation, token = invite(organisation, "nieuw@example.nl")
    client.force_login(other)

    shown = client.get(invitation_url(token))
    posted = client.post(invitation_url(token))

    assert (shown.status_code, posted.status_code) == (HTTPStatus.FORBIDDEN, HTTPStatus.FORBIDDEN)
    assert "Deze uitnodiging is voor nieuw@example.nl, maar u bent ingelogd als iemand@example.nl." in (
        posted.content.decode()
    )
    assert (Invitation.objects.get(pk=invitation.pk).status, other.memberships.count()) == ("pending", 0)


def test_accept_by_a_member_says_so_and_changes_nothing(facilitator, facilitator_client, organisation):
    facilitator.email = "lid@example.nl"
    facilitator.save()
    InvitationFactory(organisation=organisation, email="lid@example.nl", role="meelezer", token="t" * 43)

    response = facilitator_client.post(invitation_url("t" * 43), follow=True)

    assert "U bent al lid van Gemeente Testdorp, als gespreksleider." in response.content.decode()
    assert facilitator.memberships.get().role == "gespreksleider"


def test_accepting_an_invitation_strips_control_characters_from_the_name(client, organisation):
    _invitation, token = invite(organisation, "nieuw@example.nl", role="meelezer")

    client.post(
        invitation_url(token),
        {
            "first_name": "An\x1b[31mna",
            "last_name": "de\tVries\x7f",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    user = get_user_model().objects.get(email="nieuw@example.nl")
    assert (user.first_name, user.last_name) == ("An[31mna", "de Vries")
