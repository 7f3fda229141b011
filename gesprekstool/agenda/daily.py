"""The reminder run, shared by `manage.py daily` (the `reminders` job) and `manage.py send_reminders`:
one place that sends or plans the mails and describes each of them."""

import datetime
from dataclasses import dataclass, field

from gesprekstool.lib.daily import daily_job

from .reminders import Mail, days_before, plan_reminders, send_reminders


def describe(mail: Mail, *, prefix: str) -> list[str]:
    """A mail as log lines: who gets what, then each reminder it carries."""
    return [f"{prefix}: {mail.recipient} – {mail.subject}"] + [
        f"    {r.kind} {r.target} {r.date}" for r in mail.reminders
    ]


@dataclass
class ReminderRun:
    lines: list[str] = field(default_factory=list)
    planned: int = 0
    sent: int = 0
    failed: int = 0


def run_reminders(today: datetime.date, *, dry_run: bool) -> ReminderRun:
    """Send the mails due on `today` (with `dry_run`, only plan them) and describe each one."""
    run = ReminderRun()
    if dry_run:
        mails = plan_reminders(today)
        run.planned = len(mails)
        for mail in mails:
            run.lines += describe(mail, prefix="would send")
        return run
    outcome = send_reminders(today)
    for mail in outcome.sent:
        run.lines += describe(mail, prefix="sent")
    for mail in outcome.already:
        run.lines += describe(mail, prefix="already sent by another run")
    for mail, error in outcome.failed:
        run.lines += describe(mail, prefix=f"NOT sent ({error})")
    run.sent, run.failed = len(outcome.sent), len(outcome.failed)
    return run


def failure_message(run: ReminderRun) -> str:
    return f"{run.failed} reminder mail(s) could not be sent; they are retried next run."


@daily_job("reminders", order=10)
def reminders_job(*, today: datetime.date, dry_run: bool) -> list[str]:
    run = run_reminders(today, dry_run=dry_run)
    if dry_run:
        return [f"{run.planned} reminder mail(s) would be sent ({days_before()} days ahead).", *run.lines]
    if run.failed:
        raise RuntimeError(failure_message(run))
    return [*run.lines, f"{run.sent} reminder mail(s) sent, {run.failed} failed."]
