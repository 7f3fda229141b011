"""Pages of one organisation: the organisation by its slug, and the page of the current organisation."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import Http404
from django.test import RequestFactory

from gesprekstool.organisations import current
from gesprekstool.organisations.choice import current_organisation_page, organisation_for
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


def test_current_organisation_page_goes_to_the_current_of_several(db):
    membership = MembershipFactory(organisation__name="Gemeente A", organisation__slug="a")
    chosen = ReaderMembershipFactory(
        user=membership.user, organisation__name="Gemeente B", organisation__slug="b"
    )
    request = request_of(membership.user)
    current.choose(request, chosen.organisation_id)

    response = current_organisation_page(request, url_name="monitoring:progress", title="Voortgang")

    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/voortgang/b/")


def test_current_organisation_page_without_membership_says_so(db):
    user = MembershipFactory().user
    user.memberships.all().delete()

    response = current_organisation_page(request_of(user), url_name="monitoring:progress", title="Voortgang")

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<h1 class="utrecht-heading-1">Voortgang</h1>' in html
    assert "U bent nog geen lid van een organisatie." in html
    assert "Zodra u lid bent, opent deze pagina bij uw organisatie." in html
