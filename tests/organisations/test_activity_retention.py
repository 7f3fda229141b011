"""The activity log keeps lines for ACTIVITY_LOG_DAYS, with a frozen clock."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from gesprekstool.organisations import activity
from gesprekstool.organisations.models import ActivityEntry

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def old_entry(organisation):
    with time_machine.travel(datetime.datetime(2026, 1, 1, 23, 30, tzinfo=AMSTERDAM), tick=False):
        return activity.record(
            organisation=organisation, actor=None, action=activity.Action.ROUND_EXPORTED, subject="Ronde"
        )


def run(date: datetime.date, *, dry_run: bool = False) -> list[str]:
    with time_machine.travel(datetime.datetime.combine(date, datetime.time(3), tzinfo=AMSTERDAM), tick=False):
        return activity.daily_purge(today=timezone.localdate(), dry_run=dry_run)


def test_line_is_kept_for_the_whole_period(old_entry):
    lines = run(datetime.date(2027, 1, 1))

    assert (lines, ActivityEntry.objects.count()) == (
        ["deleted 0 activity log line(s) older than 365 days."],
        1,
    )


def test_line_goes_the_day_after_the_period(old_entry):
    lines = run(datetime.date(2027, 1, 2))

    assert (lines, ActivityEntry.objects.count()) == (
        ["deleted 1 activity log line(s) older than 365 days."],
        0,
    )


def test_period_is_the_hosts_setting(old_entry, settings):
    settings.ACTIVITY_LOG_DAYS = 30

    assert run(datetime.date(2026, 1, 31)) == ["deleted 0 activity log line(s) older than 30 days."]
    assert run(datetime.date(2026, 2, 1)) == ["deleted 1 activity log line(s) older than 30 days."]


def test_purge_dry_run_changes_nothing(old_entry):
    lines = run(datetime.date(2027, 6, 1), dry_run=True)

    assert (lines, ActivityEntry.objects.count()) == (
        ["would delete 1 activity log line(s) older than 365 days."],
        1,
    )
