"""Roles and the last facilitator: changing a role, removing a member."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from gesprekstool.organisations import members, services
from gesprekstool.organisations.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, ReaderMembershipFactory
from tests.organisations.log import log_of


def test_change_role(organisation, facilitator):
    reader = ReaderMembershipFactory(organisation=organisation, user__first_name="Piet")

    changed = members.change_role(membership=reader, role="gespreksleider", actor=facilitator)

    assert Membership.objects.get(pk=reader.pk).role == changed.role == "gespreksleider"
    assert log_of(organisation)[-1][0::2] == ("role_changed", "Piet")


def test_change_role_to_the_same_role_logs_nothing(organisation, facilitator):
    membership = facilitator.memberships.get()

    members.change_role(membership=membership, role="gespreksleider", actor=facilitator)

    assert log_of(organisation) == []


def test_the_last_facilitator_cannot_become_a_reader(organisation, facilitator):
    membership = facilitator.memberships.get()
    ReaderMembershipFactory(organisation=organisation)

    with pytest.raises(services.TeamError) as refused:
        members.change_role(membership=membership, role="meelezer", actor=facilitator)

    assert refused.value.message.startswith(
        f"{facilitator.email} is de enige gespreksleider van Gemeente Testdorp."
    )
    assert Membership.objects.get(pk=membership.pk).role == "gespreksleider"


def test_the_last_facilitator_cannot_be_removed(organisation, facilitator):
    membership = facilitator.memberships.get()

    with pytest.raises(services.TeamError):
        members.remove_member(membership=membership, actor=facilitator)

    assert Membership.objects.filter(pk=membership.pk).exists()
    assert log_of(organisation) == []


def test_a_facilitator_can_be_demoted_or_removed_when_another_remains(organisation, facilitator):
    second = MembershipFactory(organisation=organisation, user__first_name="Bas")

    members.change_role(membership=facilitator.memberships.get(), role="meelezer", actor=facilitator)
    with pytest.raises(services.TeamError):
        members.remove_member(membership=second, actor=facilitator)

    assert list(organisation.memberships.filter(role="gespreksleider")) == [second]


def test_remove_member_keeps_the_account(organisation, facilitator):
    reader = ReaderMembershipFactory(
        organisation=organisation, user__first_name="Piet", user__last_name="Jansen"
    )

    members.remove_member(membership=reader, actor=facilitator)

    assert (
        Membership.objects.filter(pk=reader.pk).exists(),
        get_user_model().objects.filter(pk=reader.user_id).exists(),
    ) == (
        False,
        True,
    )
    assert log_of(organisation)[-1][0::2] == ("member_removed", "Piet Jansen")


@pytest.mark.django_db(transaction=True)
def test_two_facilitators_demoting_each_other_at_once_leave_one(settings):
    """The race the lock is for: without it both changes see two facilitators and both succeed."""
    organisation = OrganisationFactory()
    first = MembershipFactory(organisation=organisation)
    second = MembershipFactory(organisation=organisation)
    barrier = threading.Barrier(2)
    refused = []

    def demote(membership):
        try:
            barrier.wait()
            members.change_role(membership=membership, role="meelezer", actor=None)
        except services.TeamError:
            refused.append(membership.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=demote, args=(m,)) for m in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(refused) == 1
    assert organisation.memberships.filter(role="gespreksleider").count() == 1
