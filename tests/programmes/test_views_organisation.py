"""A gemeente's own programmes: what it shares, changing that, and leaving."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.programmes.models import ProgrammeMember
from tests.factories import ProgrammeMemberFactory
from tests.programmes.pages import ANONYMOUS, NAMED, detail_url

from .conftest import add_gemeente, add_round, everywhere

# --- A gemeente's own programmes ---------------------------------------------------------------------------


@pytest.fixture
def member(programme, organisation):
    return ProgrammeMemberFactory(programme=programme, organisation=organisation, sharing=ANONYMOUS)


def test_the_organisation_page_shows_its_own_memberships_only(
    facilitator_client, organisation, member, programme
):
    add_gemeente(programme, "Gemeente Andersdorp")

    html = facilitator_client.get(
        reverse("programmes:organisation", kwargs={"slug": organisation.slug})
    ).content.decode()

    assert "Gezond in... regio Oost" in html
    assert "Andersdorp" not in html
    assert reverse("programmes:member_leave", kwargs={"member_id": member.pk}) in html


def test_a_reader_sees_the_memberships_without_forms(reader_client, organisation, member):
    html = reader_client.get(
        reverse("programmes:organisation", kwargs={"slug": organisation.slug})
    ).content.decode()

    assert "Gezond in... regio Oost" in html
    assert reverse("programmes:member_leave", kwargs={"member_id": member.pk}) not in html


def test_another_organisation_does_not_see_the_page(outsider_client, organisation, member):
    response = outsider_client.get(reverse("programmes:organisation", kwargs={"slug": organisation.slug}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_facilitator_changes_what_the_gemeente_shares(facilitator_client, member):
    response = facilitator_client.post(
        reverse("programmes:member_sharing", kwargs={"member_id": member.pk}), {"sharing": "met-naam"}
    )

    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PROGRAMME_SHARING_CHANGED)
    assert response.status_code == HTTPStatus.FOUND
    assert ProgrammeMember.objects.get().sharing == "met-naam"
    assert (entry.subject, entry.detail) == (
        "Gezond in... regio Oost",
        "De cijfers van stap 1 van onze laatste ronde, met onze naam",
    )


def test_an_unknown_sharing_choice_is_refused(facilitator_client, member):
    response = facilitator_client.post(
        reverse("programmes:member_sharing", kwargs={"member_id": member.pk}), {"sharing": "alles"}
    )

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (
        HTTPStatus.UNPROCESSABLE_ENTITY,
        ANONYMOUS,
    )


@pytest.mark.parametrize("name", ["programmes:member_sharing", "programmes:member_leave"])
def test_a_reader_cannot_change_sharing_or_leave(reader_client, member, name):
    response = reader_client.post(reverse(name, kwargs={"member_id": member.pk}), {"sharing": "niets"})

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (HTTPStatus.FORBIDDEN, ANONYMOUS)


@pytest.mark.parametrize("name", ["programmes:member_sharing", "programmes:member_leave"])
def test_another_organisation_cannot_change_sharing_or_leave(outsider_client, member, name):
    response = outsider_client.post(reverse(name, kwargs={"member_id": member.pk}), {"sharing": "niets"})

    assert (response.status_code, ProgrammeMember.objects.get().sharing) == (HTTPStatus.NOT_FOUND, ANONYMOUS)


def test_leaving_removes_the_gemeente_from_the_programme_page_at_once(
    facilitator_client, adviser_client, programme, organisation, member
):
    organisation.name = "Gemeente Testdorp"
    organisation.save()
    member.sharing = NAMED
    member.save()
    add_round(organisation, scores=everywhere(1))
    for n in range(4):
        add_gemeente(programme, f"Gemeente Stil {n}")
    assert "Gemeente Testdorp" in adviser_client.get(detail_url(programme)).content.decode()

    facilitator_client.post(reverse("programmes:member_leave", kwargs={"member_id": member.pk}))

    html = adviser_client.get(detail_url(programme)).content.decode()
    assert ProgrammeMember.objects.filter(organisation=organisation).exists() is False
    assert "Gemeente Testdorp" not in html
    assert "Er zijn nog geen cijfers" in html
    assert (
        ActivityEntry.objects.filter(
            action=ActivityEntry.Action.PROGRAMME_LEFT, organisation=organisation
        ).count()
        == 1
    )
