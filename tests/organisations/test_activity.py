"""The activity log: one way in, no control characters, the system as an actor."""

import pytest
from django.contrib.auth.models import AnonymousUser

from gesprekstool.organisations import activity
from gesprekstool.organisations.models import ActivityEntry
from tests.factories import MembershipFactory, OrganisationFactory


def test_record_keeps_who_did_what(db):
    membership = MembershipFactory(user__first_name="Anna", user__last_name="de Vries")

    entry = activity.record(
        organisation=membership.organisation,
        actor=membership.user,
        action=activity.Action.ROUND_EXPORTED,
        subject="Armoede en gezondheid 2026",
        detail="pdf",
    )

    assert (entry.actor, entry.actor_name, entry.get_action_display(), entry.subject, entry.detail) == (
        membership.user,
        "Anna de Vries",
        "Ronde gedownload",
        "Armoede en gezondheid 2026",
        "pdf",
    )


def test_record_by_the_system_has_no_actor(db):
    organisation = OrganisationFactory()

    entry = activity.record(
        organisation=organisation, actor=AnonymousUser(), action=activity.Action.PERSONAL_DATA_REMOVED
    )

    assert (entry.actor, entry.actor_name) == (None, "")


def test_record_strips_control_characters_and_cuts_long_texts(db):
    organisation = OrganisationFactory()

    entry = activity.record(
        organisation=organisation,
        actor=None,
        action=activity.Action.ROUND_DELETED,
        subject="Ronde\x1b[31m rood\n" + "x" * 300,
    )

    assert "\x1b" not in entry.subject
    assert "\n" not in entry.subject
    assert len(entry.subject) == 200


def test_record_refuses_an_unknown_action(db):
    with pytest.raises(ValueError, match="unknown activity action"):
        activity.record(organisation=OrganisationFactory(), actor=None, action="guessed")
    assert ActivityEntry.objects.count() == 0


def test_entries_for_shows_only_the_organisations_lines_newest_first(db):
    mine, other = OrganisationFactory(), OrganisationFactory()
    first = activity.record(organisation=mine, actor=None, action=activity.Action.MEMBER_INVITED)
    second = activity.record(organisation=mine, actor=None, action=activity.Action.ROLE_CHANGED)
    activity.record(organisation=other, actor=None, action=activity.Action.MEMBER_INVITED)

    assert list(activity.entries_for(mine)) == [second, first]
