"""The current organisation in the header and switching it, and the account page."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.organisations.current import SESSION_KEY
from tests.factories import (
    MembershipFactory,
    ReaderMembershipFactory,
)
from tests.organisations.pages import TEAM

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
