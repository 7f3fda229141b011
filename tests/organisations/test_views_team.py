"""The team page and its writes (invite, resend, withdraw, change a role, remove): who may do what;
roles and removing."""

from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse

from gesprekstool.organisations.models import Membership
from tests.factories import (
    MembershipFactory,
    ReaderMembershipFactory,
    UserFactory,
    invite,
)
from tests.organisations.pages import TEAM, invite_url, team_state


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
