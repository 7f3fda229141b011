"""Changing an organisation's retention periods."""

from gesprekstool.organisations import retention
from gesprekstool.organisations.models import ActivityEntry, Organisation


def periods(organisation) -> tuple:
    fresh = Organisation.objects.get(pk=organisation.pk)
    return fresh.participant_data_days, fresh.round_delete_days, fresh.owner_email_days


def test_change_retention_saves_and_logs_what_changed(organisation, facilitator):
    organisation.participant_data_days, organisation.round_delete_days, organisation.owner_email_days = (
        90,
        None,
        30,
    )
    organisation.save()

    changed = retention.change_retention(
        organisation, participant_data_days=60, round_delete_days=365, owner_email_days=30, by=facilitator
    )

    assert changed is True
    assert periods(organisation) == (60, 365, 30)
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.actor, entry.subject) == (
        ActivityEntry.Action.RETENTION_CHANGED,
        facilitator,
        "Gemeente Testdorp",
    )
    assert entry.detail == "namen 90 → 60 dagen; rondes nooit → 365 dagen"


def test_change_retention_to_what_is_stored_logs_nothing(organisation, facilitator):
    stored = periods(organisation)

    changed = retention.change_retention(
        organisation,
        participant_data_days=stored[0],
        round_delete_days=stored[1],
        owner_email_days=stored[2],
        by=facilitator,
    )

    assert (changed, periods(organisation), ActivityEntry.objects.count()) == (False, stored, 0)


def test_describe_change_names_only_what_changed():
    assert (
        retention.describe_change(
            {"participant_data_days": 90, "round_delete_days": 365, "owner_email_days": 30},
            {"participant_data_days": 90, "round_delete_days": None, "owner_email_days": 30},
        )
        == "rondes 365 → nooit dagen"
    )
