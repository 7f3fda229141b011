"""Staff create programmes and their first advisers in the admin (/beheer/)."""

from http import HTTPStatus

from django.urls import reverse

from gesprekstool.programmes import services
from gesprekstool.programmes.models import Programme
from tests.factories import OrganisationFactory, ProgrammeMemberFactory, token_of


def test_staff_create_a_programme_with_its_first_adviser(admin_client, adviser):
    response = admin_client.post(
        reverse("admin:programmes_programme_add"),
        {
            "name": "Gezond in... regio West",
            "slug": "regio-west",
            "description": "",
            "advisers": [adviser.pk],
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
        },
    )

    programme = Programme.objects.get(slug="regio-west")
    assert response.status_code == HTTPStatus.FOUND
    assert list(programme.advisers.all()) == [adviser]


def test_staff_see_the_members_and_what_they_share(admin_client, programme):
    ProgrammeMemberFactory(
        programme=programme, organisation=OrganisationFactory(name="Gemeente Deeldorp"), sharing="anoniem"
    )

    response = admin_client.get(reverse("admin:programmes_programme_change", args=[programme.pk]))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Gemeente Deeldorp" in html


def test_the_invitations_list_shows_no_token(admin_client, programme, adviser):
    new = services.create_invitation(
        programme=programme, kind="gemeente", label="Testdorp", invited_by=adviser
    )

    html = admin_client.get(reverse("admin:programmes_programmeinvitation_changelist")).content.decode()

    assert "Testdorp" in html
    assert token_of(new.link) not in html
    assert new.invitation.token_hash not in html


def test_staff_cannot_give_a_programme_a_short_name_the_site_uses(admin_client):
    response = admin_client.post(
        reverse("admin:programmes_programme_add"),
        {
            "name": "Gemeente",
            "slug": "gemeente",
            "description": "",
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
        },
    )

    assert (response.status_code, Programme.objects.count()) == (HTTPStatus.OK, 0)
    assert "Deze korte naam gebruikt de site zelf. Kies een andere." in response.content.decode()
