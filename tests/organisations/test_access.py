"""Who may see and change what: memberships and roles."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gesprekstool.organisations.access import membership_for, organisations_for, require_manager
from gesprekstool.organisations.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, ReaderMembershipFactory


def test_organisations_for_lists_the_users_organisations(db):
    membership = MembershipFactory(organisation__name="Gemeente A")
    second = OrganisationFactory(name="Gemeente B")
    ReaderMembershipFactory(user=membership.user, organisation=second)
    OrganisationFactory(name="Gemeente C")

    assert [o.name for o in organisations_for(membership.user)] == ["Gemeente A", "Gemeente B"]


def test_organisations_for_anonymous_is_empty(db):
    OrganisationFactory()

    assert organisations_for(AnonymousUser()) == []


def test_membership_for_returns_the_membership(db):
    membership = MembershipFactory()

    assert membership_for(membership.user, membership.organisation_id) == membership


def test_membership_for_another_organisation_is_404(db):
    membership = MembershipFactory()
    other = OrganisationFactory()

    with pytest.raises(Http404):
        membership_for(membership.user, other.pk)


def test_membership_for_anonymous_is_404(db):
    membership = MembershipFactory()

    with pytest.raises(Http404):
        membership_for(AnonymousUser(), membership.organisation_id)


def test_require_manager_lets_a_facilitator_through(db):
    assert require_manager(MembershipFactory()) is None


def test_require_manager_refuses_a_reader(db):
    with pytest.raises(PermissionDenied):
        require_manager(ReaderMembershipFactory())


@pytest.mark.parametrize(
    ("role", "can_manage"), [(Membership.Role.FACILITATOR, True), (Membership.Role.READER, False)]
)
def test_membership_can_manage_by_role(role, can_manage):
    assert Membership(role=role).can_manage == can_manage
