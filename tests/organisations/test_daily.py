"""The daily run forgets invitations a month after their link stopped working."""

import datetime

import time_machine

from gesprekstool.lib import daily
from gesprekstool.organisations.daily import forget_invitations_job
from gesprekstool.organisations.models import Invitation
from tests.factories import invite

SENT = datetime.datetime(2026, 10, 1, 12, 0, tzinfo=datetime.UTC)  # expires 8 October


def test_forget_invitations_deletes_only_those_expired_over_a_month_ago(organisation):
    with time_machine.travel(SENT, tick=False):
        invite(organisation, "oud@example.nl")
    with time_machine.travel(SENT + datetime.timedelta(days=2), tick=False):
        invite(organisation, "jonger@example.nl")

    lines = forget_invitations_job(today=datetime.date(2026, 11, 9), dry_run=False)

    assert lines == ["1 old invitation(s) deleted."]
    assert list(Invitation.objects.values_list("email", flat=True)) == ["jonger@example.nl"]


def test_forget_invitations_dry_run_deletes_nothing(organisation):
    with time_machine.travel(SENT, tick=False):
        invite(organisation, "oud@example.nl")

    lines = forget_invitations_job(today=datetime.date(2026, 12, 1), dry_run=True)

    assert lines == ["1 old invitation(s) would be deleted."]
    assert Invitation.objects.count() == 1


def test_forget_invitations_is_registered_in_the_daily_run():
    assert "invitations" in [job.name for job in daily.jobs()]
