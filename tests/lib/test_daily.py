"""`manage.py daily`: the registered jobs run in order, a failing job does not stop the others."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gesprekstool.lib import daily


@pytest.fixture
def jobs(monkeypatch):
    registry = {}
    monkeypatch.setattr(daily, "_jobs", registry)
    return registry


def test_daily_runs_every_job_in_order_with_the_date(jobs):
    seen = []
    daily.register(
        "second", lambda *, today, dry_run: seen.append(("second", today, dry_run)) or ["b"], order=2
    )
    daily.register(
        "first", lambda *, today, dry_run: seen.append(("first", today, dry_run)) or ["a"], order=1
    )
    out = StringIO()

    call_command("daily", "--date", "2026-12-01", "--dry-run", stdout=out)

    day = datetime.date(2026, 12, 1)
    assert seen == [("first", day, True), ("second", day, True)]
    assert out.getvalue().splitlines() == [
        "[first] (dry run)",
        "  a",
        "[second] (dry run)",
        "  b",
        "2026-12-01: 2 job(s) done.",
    ]


def test_daily_goes_on_after_a_failing_job_and_then_fails(jobs):
    seen = []

    def broken(*, today, dry_run):
        raise RuntimeError("mail server down")

    daily.register("broken", broken, order=1)
    daily.register("after", lambda *, today, dry_run: seen.append("after") or [], order=2)
    err = StringIO()

    with pytest.raises(CommandError, match="broken"):
        call_command("daily", stdout=StringIO(), stderr=err)

    assert seen == ["after"]
    assert "FAILED: RuntimeError: mail server down" in err.getvalue()


def test_daily_only_runs_the_named_job_and_refuses_unknown_names(jobs):
    seen = []
    daily.register("one", lambda *, today, dry_run: seen.append("one") or [])
    daily.register("two", lambda *, today, dry_run: seen.append("two") or [])

    call_command("daily", "--only", "two", stdout=StringIO())
    with pytest.raises(CommandError, match="Unknown job"):
        call_command("daily", "--only", "three", stdout=StringIO())

    assert seen == ["two"]


def test_the_reminders_are_a_daily_job(db):
    out = StringIO()

    call_command("daily", "--dry-run", "--only", "reminders", "--date", "2026-12-01", stdout=out)

    assert "0 reminder mail(s) would be sent" in out.getvalue()
