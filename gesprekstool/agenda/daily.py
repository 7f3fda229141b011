"""The agenda's part of `manage.py daily`: reminder mails about due actions and follow-up meetings."""

import datetime

from .reminders import days_before, plan_reminders, send_reminders


def reminders_job(*, today: datetime.date, dry_run: bool) -> list[str]:
    if dry_run:
        mails = plan_reminders(today)
        lines = [f"{len(mails)} reminder mail(s) would be sent ({days_before()} days ahead)."]
        return lines + [f"would send: {mail.recipient} – {mail.subject}" for mail in mails]
    outcome = send_reminders(today)
    lines = [f"sent: {mail.recipient} – {mail.subject}" for mail in outcome.sent]
    lines += [f"NOT sent ({error}): {mail.recipient} – {mail.subject}" for mail, error in outcome.failed]
    lines.append(f"{len(outcome.sent)} reminder mail(s) sent, {len(outcome.failed)} failed.")
    if outcome.failed:
        raise RuntimeError(f"{len(outcome.failed)} reminder mail(s) could not be sent; retried next run.")
    return lines
