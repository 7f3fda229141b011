"""The team page, invitation links, the organisation switch and the account page; who may do what."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from gesprekstool.organisations import services
from gesprekstool.organisations.current import SESSION_KEY
from gesprekstool.organisations.models import ActivityEntry, Invitation, Membership
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    ReaderMembershipFactory,
    UserFactory,
    invite,
    password_logs_in,
)

TEAM = reverse("organisations:team")
PASSWORD = "lang-wachtwoord-42"


def invitation_url(token: str) -> str:
    return reverse("organisations:invitation", kwargs={"token": token})


def invite_url(organisation) -> str:
    return reverse("organisations:invite", kwargs={"organisation_id": organisation.pk})


def team_state(organisation) -> dict:
    """What the team pages can change, for before/after comparisons."""
    return {
        "members": sorted(organisation.memberships.values_list("user_id", "role")),
        "invitations": sorted(
            Invitation.objects.filter(organisation=organisation).values_list(
                "email", "role", "token_hash", "withdrawn_at", "accepted_at"
            )
        ),
        "log": ActivityEntry.objects.filter(organisation=organisation).count(),
    }


@pytest.fixture
def reader(organisation):
    return ReaderMembershipFactory(
        organisation=organisation, user__first_name="Rita", user__last_name="Lezer"
    )


@pytest.fixture
def open_invitation(organisation, facilitator):
    return invite(organisation, "piet@example.nl", role="meelezer", by=facilitator)[0]


def write_requests(organisation, invitation, member) -> dict[str, tuple[str, dict]]:
    return {
        "invite": (invite_url(organisation), {"email": "x@example.nl", "role": "meelezer"}),
        "resend": (reverse("organisations:invitation_resend", kwargs={"invitation_id": invitation.pk}), {}),
        "withdraw": (
            reverse("organisations:invitation_withdraw", kwargs={"invitation_id": invitation.pk}),
            {},
        ),
        "role": (
            reverse("organisations:member_role", kwargs={"member_id": member.pk}),
            {"role": "gespreksleider"},
        ),
        "remove": (reverse("organisations:member_remove", kwargs={"member_id": member.pk}), {}),
    }


WRITES = ["invite", "resend", "withdraw", "role", "remove"]


# --- Access -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("write", WRITES)
def test_team_writes_by_a_reader_are_403(reader_client, organisation, open_invitation, reader, write):
    before = team_state(organisation)
    url, data = write_requests(organisation, open_invitation, reader)[write]

    response = reader_client.post(url, data)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert team_state(organisation) == before
    assert mail.outbox == []


@pytest.mark.parametrize("write", WRITES)
def test_team_writes_by_another_organisation_are_404(
    outsider_client, organisation, open_invitation, reader, write
):
    before = team_state(organisation)
    url, data = write_requests(organisation, open_invitation, reader)[write]

    response = outsider_client.post(url, data)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert team_state(organisation) == before


@pytest.mark.parametrize("write", WRITES)
def test_team_writes_need_a_login(client, organisation, open_invitation, reader, write):
    url, data = write_requests(organisation, open_invitation, reader)[write]

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("write", WRITES)
def test_team_writes_refuse_get(facilitator_client, organisation, open_invitation, reader, write):
    url, _data = write_requests(organisation, open_invitation, reader)[write]

    assert facilitator_client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_team_page_needs_a_login(client):
    response = client.get(TEAM)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_team_page_without_an_organisation_is_404(client, db):
    client.force_login(UserFactory())

    assert client.get(TEAM).status_code == HTTPStatus.NOT_FOUND


def test_team_page_of_an_outsider_shows_only_their_own_team(outsider_client, organisation, reader):
    response = outsider_client.get(TEAM)

    assert response.context["organisation"].slug == "elders"
    assert "Rita Lezer" not in response.content.decode()


def test_team_page_for_a_facilitator_has_the_forms_and_invitations(
    facilitator_client, reader, open_invitation
):
    response = facilitator_client.get(TEAM)

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert [m.user.get_full_name() for m in response.context["members"]] == ["", "Rita Lezer"]
    assert "piet@example.nl" in html
    assert "Uitnodiging versturen" in html
    assert "Rol van Rita Lezer" in html
    assert "De enige gespreksleider kan niet worden verwijderd." in html


def test_team_page_for_a_reader_lists_members_without_forms(reader_client, reader, open_invitation):
    response = reader_client.get(TEAM)

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Rita Lezer" in html
    assert "piet@example.nl" not in html
    assert "<form" not in html.split('id="main"')[1]


@pytest.mark.parametrize("extra", [0, 12])
def test_team_page_query_count_does_not_grow(
    facilitator_client, organisation, django_assert_num_queries, extra
):
    for n in range(extra):
        ReaderMembershipFactory(organisation=organisation)
        invite(organisation, f"uitgenodigd{n}@example.nl")

    with django_assert_num_queries(5):
        response = facilitator_client.get(TEAM)

    assert len(response.context["members"]) == extra + 1


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


# --- Roles and removing -----------------------------------------------------------------------------------


def test_change_a_members_role(facilitator_client, reader):
    response = facilitator_client.post(
        reverse("organisations:member_role", kwargs={"member_id": reader.pk}), {"role": "gespreksleider"}
    )

    assert response.url == TEAM
    assert Membership.objects.get(pk=reader.pk).role == "gespreksleider"


def test_change_role_to_nonsense_is_422(facilitator_client, reader):
    response = facilitator_client.post(
        reverse("organisations:member_role", kwargs={"member_id": reader.pk}), {"role": "baas"}
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert Membership.objects.get(pk=reader.pk).role == "meelezer"


def test_the_last_facilitator_demoting_themselves_is_409(facilitator_client, facilitator, reader):
    membership = facilitator.memberships.get()

    response = facilitator_client.post(
        reverse("organisations:member_role", kwargs={"member_id": membership.pk}), {"role": "meelezer"}
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert "is de enige gespreksleider van Gemeente Testdorp" in response.content.decode()
    assert Membership.objects.get(pk=membership.pk).role == "gespreksleider"


def test_the_last_facilitator_removing_themselves_is_409(facilitator_client, facilitator):
    membership = facilitator.memberships.get()

    response = facilitator_client.post(
        reverse("organisations:member_remove", kwargs={"member_id": membership.pk})
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_remove_a_member(facilitator_client, reader):
    response = facilitator_client.post(
        reverse("organisations:member_remove", kwargs={"member_id": reader.pk})
    )

    assert response.url == TEAM
    assert not Membership.objects.filter(pk=reader.pk).exists()


def test_leave_the_team_when_another_facilitator_remains(facilitator_client, facilitator, organisation):
    MembershipFactory(organisation=organisation)

    response = facilitator_client.post(
        reverse("organisations:member_remove", kwargs={"member_id": facilitator.memberships.get().pk})
    )

    assert response.url == reverse("rounds:list")
    assert facilitator.memberships.count() == 0


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


# --- The current organisation in the header ---------------------------------------------------------------


def test_header_shows_the_organisation_name(facilitator_client):
    html = facilitator_client.get(reverse("rounds:list")).content.decode()

    assert "Gemeente Testdorp</p>" in html
    assert 'name="organisation"' not in html.split('id="main"')[0]


def test_header_of_an_adviser_has_a_switch(facilitator, facilitator_client, other_organisation):
    ReaderMembershipFactory(user=facilitator, organisation=other_organisation)

    html = facilitator_client.get(reverse("rounds:list")).content.decode()

    header = html.split('id="main"')[0]
    assert f'<option value="{other_organisation.pk}" selected>Gemeente Elders</option>' in header
    assert '<label class="utrecht-form-label gt-org__label" for="id_current_organisation">' in header


def test_switch_organisation_on_the_team_page(
    facilitator, facilitator_client, organisation, other_organisation
):
    ReaderMembershipFactory(user=facilitator, organisation=other_organisation)

    response = facilitator_client.post(
        reverse("organisations:switch"), {"organisation": organisation.pk, "next": TEAM}
    )

    assert response.url == TEAM
    assert facilitator_client.get(TEAM).context["organisation"] == organisation


@pytest.mark.parametrize(
    "next_url", ["https://elders.example/", "//elders.example/team/", "/rondes/1/", "/onbekend/", ""]
)
def test_switch_organisation_elsewhere_lands_on_the_round_list(facilitator_client, organisation, next_url):
    response = facilitator_client.post(
        reverse("organisations:switch"), {"organisation": organisation.pk, "next": next_url}
    )

    assert response.url == reverse("rounds:list")


def test_switch_to_a_foreign_organisation_is_refused(facilitator_client, organisation, other_organisation):
    response = facilitator_client.post(
        reverse("organisations:switch"), {"organisation": other_organisation.pk}
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert SESSION_KEY not in facilitator_client.session
    assert facilitator_client.get(TEAM).context["organisation"] == organisation


def test_switch_refuses_get(facilitator_client):
    assert (
        facilitator_client.get(reverse("organisations:switch")).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    )


def test_a_removed_membership_falls_back_to_another_organisation(
    facilitator, facilitator_client, organisation, other_organisation
):
    elsewhere = MembershipFactory(user=facilitator, organisation=other_organisation)
    facilitator_client.post(reverse("organisations:switch"), {"organisation": other_organisation.pk})
    elsewhere.delete()

    assert facilitator_client.get(TEAM).context["organisation"] == organisation


# --- Account ----------------------------------------------------------------------------------------------


def test_account_page_links_to_password_change(facilitator_client):
    response = facilitator_client.get(reverse("organisations:account"))

    assert response.status_code == HTTPStatus.OK
    assert f'href="{reverse("password_change")}"' in response.content.decode()


def test_account_page_needs_a_login(client):
    response = client.get(reverse("organisations:account"))

    assert response.url.startswith(reverse("login"))


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
