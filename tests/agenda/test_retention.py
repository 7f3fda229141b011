"""Owner e-mail addresses of ended actions, with a frozen clock."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from gesprekstool.agenda import retention
from gesprekstool.agenda.models import Action, OwnerLink, SentReminder
from gesprekstool.organisations.models import ActivityEntry
from tests.factories import ActionFactory, OwnerLinkFactory, SentReminderFactory

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
ENDED_ON = datetime.date(2027, 2, 1)


def day(n: int) -> datetime.date:
    return ENDED_ON + datetime.timedelta(days=n)


def run(date: datetime.date, *, dry_run: bool = False) -> list[str]:
    with time_machine.travel(datetime.datetime.combine(date, datetime.time(3), tzinfo=AMSTERDAM), tick=False):
        return retention.daily_owner_emails(today=timezone.localdate(), dry_run=dry_run)


@pytest.fixture
def ended_action(round_):
    with time_machine.travel(datetime.datetime(2027, 2, 1, 16, tzinfo=AMSTERDAM), tick=False):
        action = ActionFactory(
            round=round_,
            description="Folder maken",
            owner_name="Bea Buiten",
            owner_email="bea@example.nl",
            status=Action.Status.DONE,
        )
    SentReminderFactory(
        kind="overdue", target=f"action:{action.pk}", date=ENDED_ON, recipient="bea@example.nl"
    )
    OwnerLinkFactory(organisation=round_.organisation, email="bea@example.nl", expires_at=timezone.now())
    return action


def test_owner_email_stays_the_day_before_the_period_ends(ended_action):
    lines = run(day(89))

    ended_action.refresh_from_db()
    assert (lines, ended_action.owner_email) == ([], "bea@example.nl")


def test_owner_email_goes_on_the_day_the_period_ends(ended_action):
    lines = run(day(90))

    ended_action.refresh_from_db()
    assert lines == [
        f"removed owner e-mail address of action {ended_action.pk} (round “Armoede en gezondheid 2026”, gedaan)"
    ]
    assert (ended_action.owner_email, ended_action.owner_name, ended_action.version) == ("", "Bea Buiten", 2)
    assert (SentReminder.objects.count(), OwnerLink.objects.count()) == (0, 0)
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.actor, entry.detail) == (
        "personal_data_removed",
        None,
        "e-mailadressen van 1 uitvoerders van acties",
    )


def test_owner_link_stays_while_the_address_owns_a_live_action(ended_action, round_):
    ActionFactory(round=round_, theme="B", description="Nog bezig", owner_email="bea@example.nl")

    run(day(90))

    assert OwnerLink.objects.count() == 1


def test_owner_email_of_a_live_action_stays(ended_action):
    Action.objects.filter(pk=ended_action.pk).update(status=Action.Status.BUSY)

    assert run(day(500)) == []


def test_owner_email_dry_run_changes_nothing(ended_action):
    lines = run(day(90), dry_run=True)

    ended_action.refresh_from_db()
    assert len(lines) == 1 and lines[0].startswith("would remove owner e-mail address")
    assert (ended_action.owner_email, SentReminder.objects.count(), ActivityEntry.objects.count()) == (
        "bea@example.nl",
        1,
        0,
    )
