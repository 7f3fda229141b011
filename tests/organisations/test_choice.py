"""Pages of one organisation: the organisation by its slug, and the chooser for members of several."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import Http404
from django.test import RequestFactory

from gesprekstool.organisations.choice import choose_organisation, organisation_for
from tests.factories import MembershipFactory, OrganisationFactory, ReaderMembershipFactory


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()  # the page's header shows the current organisation from the session
    return request


def test_organisation_for_gives_the_organisation_and_the_membership(db):
    membership = ReaderMembershipFactory(organisation__slug="testdorp")

    assert organisation_for(request_of(membership.user), "testdorp") == (membership.organisation, membership)


@pytest.mark.parametrize("slug", ["elders", "bestaat-niet"])
def test_organisation_for_another_or_an_unknown_organisation_is_404(db, slug):
    membership = MembershipFactory(organisation__slug="testdorp")
    OrganisationFactory(slug="elders")

    with pytest.raises(Http404):
        organisation_for(request_of(membership.user), slug)


def test_organisation_for_anonymous_is_404(organisation):
    with pytest.raises(Http404):
        organisation_for(request_of(AnonymousUser()), organisation.slug)


def test_choose_organisation_goes_straight_to_the_only_one(db):
    membership = MembershipFactory(organisation__slug="testdorp")

    response = choose_organisation(
        request_of(membership.user), url_name="monitoring:progress", title="Voortgang"
    )

    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/voortgang/testdorp/")


def test_choose_organisation_lists_several(db):
    membership = MembershipFactory(organisation__name="Gemeente A", organisation__slug="a")
    ReaderMembershipFactory(user=membership.user, organisation__name="Gemeente B", organisation__slug="b")

    response = choose_organisation(
        request_of(membership.user), url_name="monitoring:progress", title="Voortgang"
    )

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert ('href="/voortgang/a/"' in html, 'href="/voortgang/b/"' in html) == (True, True)
    assert "Kies een organisatie." in html


def test_choose_organisation_without_membership_says_so(db):
    user = MembershipFactory().user
    user.memberships.all().delete()

    response = choose_organisation(request_of(user), url_name="monitoring:progress", title="Voortgang")

    assert "U bent nog geen lid van een organisatie." in response.content.decode()
