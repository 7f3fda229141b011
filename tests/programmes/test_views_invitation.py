"""Invitation links of a programme: an adviser makes one, a gemeente's facilitator joins with it, and the
links that no longer work."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.programmes import services
from gesprekstool.programmes.models import ProgrammeInvitation, ProgrammeMember
from tests.factories import ProgrammeMemberFactory, UserFactory, token_of
from tests.programmes.pages import detail_url

# --- Inviting ----------------------------------------------------------------------------------------------


def test_an_adviser_makes_an_invitation_link_shown_once(adviser_client, programme):
    response = adviser_client.post(
        reverse("programmes:invite", kwargs={"slug": programme.slug}),
        {"kind": "gemeente", "label": "Gemeente Testdorp"},
    )

    invitation = ProgrammeInvitation.objects.get()
    html = response.content.decode()
    link = html.split('id="new-link" type="text" readonly value="')[1].split('"')[0]
    assert response.status_code == HTTPStatus.OK
    assert services.find_invitation(token_of(link)) == invitation
    assert (invitation.kind, invitation.label, invitation.accepted_at) == (
        "gemeente",
        "Gemeente Testdorp",
        None,
    )


def test_an_invitation_without_a_label_is_refused(adviser_client, programme):
    response = adviser_client.post(
        reverse("programmes:invite", kwargs={"slug": programme.slug}), {"kind": "gemeente", "label": " "}
    )

    assert (response.status_code, ProgrammeInvitation.objects.count()) == (HTTPStatus.UNPROCESSABLE_ENTITY, 0)


def test_someone_who_does_not_advise_cannot_invite(facilitator_client, programme):
    response = facilitator_client.post(
        reverse("programmes:invite", kwargs={"slug": programme.slug}), {"kind": "adviseur", "label": "Ik"}
    )

    assert (response.status_code, ProgrammeInvitation.objects.count()) == (HTTPStatus.NOT_FOUND, 0)


@pytest.fixture
def gemeente_token(programme, adviser):
    new = services.create_invitation(
        programme=programme, kind="gemeente", label="Testdorp", invited_by=adviser
    )
    return token_of(new.link)


def invitation_url(token: str) -> str:
    return reverse("programmes:invitation", kwargs={"token": token})


def test_a_facilitator_joins_with_their_gemeente(facilitator_client, organisation, programme, gemeente_token):
    response = facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    member = ProgrammeMember.objects.get()
    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PROGRAMME_JOINED)
    assert response.url == reverse("programmes:organisation", kwargs={"slug": organisation.slug})
    assert (member.organisation, member.programme, member.sharing) == (organisation, programme, "anoniem")
    assert (entry.organisation, entry.subject) == (organisation, programme.name)
    assert ProgrammeInvitation.objects.get().accepted_at is not None


def test_an_invitation_works_once(facilitator_client, organisation, gemeente_token):
    facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    response = facilitator_client.get(invitation_url(gemeente_token))

    assert response.status_code == HTTPStatus.GONE


def test_an_expired_invitation_is_gone(facilitator_client, organisation, gemeente_token):
    ProgrammeInvitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.GONE, 0)


def test_an_unknown_invitation_link_is_not_found(client, db):
    assert client.get(invitation_url("niet-bestaand")).status_code == HTTPStatus.NOT_FOUND


def test_a_good_invitation_link_asks_the_anonymous_to_log_in(client, gemeente_token):
    response = client.get(invitation_url(gemeente_token))

    assert (response.status_code, response.url.split("?")[0]) == (HTTPStatus.FOUND, reverse("login"))


def test_a_reader_cannot_accept_for_their_gemeente(reader_client, organisation, gemeente_token):
    response = reader_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.FORBIDDEN, 0)


def test_a_reader_is_told_to_pass_the_link_on(reader_client, gemeente_token):
    html = reader_client.get(invitation_url(gemeente_token)).content.decode()

    assert "Alleen een gespreksleider van de gemeente kan deze uitnodiging aannemen." in html


def test_nobody_joins_with_a_gemeente_they_are_not_a_member_of(outsider_client, organisation, gemeente_token):
    response = outsider_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "anoniem"}
    )

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.NOT_FOUND, 0)


def test_joining_without_a_choice_is_refused(facilitator_client, organisation, gemeente_token):
    response = facilitator_client.post(invitation_url(gemeente_token), {"organisation": organisation.pk})

    assert (response.status_code, ProgrammeMember.objects.count()) == (HTTPStatus.UNPROCESSABLE_ENTITY, 0)


def test_a_gemeente_already_in_the_programme_is_told_so(
    facilitator_client, organisation, programme, gemeente_token
):
    ProgrammeMemberFactory(programme=programme, organisation=organisation, sharing="niets")

    response = facilitator_client.post(
        invitation_url(gemeente_token), {"organisation": organisation.pk, "sharing": "met-naam"}
    )

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (HTTPStatus.CONFLICT, "niets")
    assert ProgrammeInvitation.objects.get().accepted_at is None


def test_an_adviser_invitation_makes_an_adviser(client, programme, adviser):
    new = services.create_invitation(programme=programme, kind="adviseur", label="Bert", invited_by=adviser)
    colleague = UserFactory()
    client.force_login(colleague)

    response = client.post(invitation_url(token_of(new.link)))

    assert response.url == detail_url(programme)
    assert list(programme.advisers.order_by("pk")) == [adviser, colleague]
