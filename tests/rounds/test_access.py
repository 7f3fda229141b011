"""get_round: the one access check of every round page, in rounds and the apps built on it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from gesprekstool.organisations.models import Membership
from gesprekstool.rounds.access import get_round
from tests.factories import MembershipFactory, ReaderMembershipFactory


def request_of(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize("manage", [False, True])
def test_get_round_gives_the_round_and_the_facilitators_membership(round_, facilitator, manage):
    found, membership = get_round(request_of(facilitator), round_.pk, manage=manage)

    assert (found, membership) == (round_, Membership.objects.get(user=facilitator))


def test_get_round_lets_a_reader_look(round_, organisation):
    reader = ReaderMembershipFactory(organisation=organisation)

    assert get_round(request_of(reader.user), round_.pk) == (round_, reader)


def test_get_round_refuses_a_reader_who_would_change_it(round_, organisation):
    reader = ReaderMembershipFactory(organisation=organisation).user

    with pytest.raises(PermissionDenied):
        get_round(request_of(reader), round_.pk, manage=True)


def test_get_round_of_another_organisation_is_404(round_, other_organisation):
    outsider = MembershipFactory(organisation=other_organisation).user

    with pytest.raises(Http404):
        get_round(request_of(outsider), round_.pk)


def test_get_round_for_anonymous_or_an_unknown_round_is_404(round_, facilitator):
    with pytest.raises(Http404):
        get_round(request_of(AnonymousUser()), round_.pk)
    with pytest.raises(Http404):
        get_round(request_of(facilitator), round_.pk + 1)
