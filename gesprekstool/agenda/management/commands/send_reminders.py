"""Mail reminders about action due dates and follow-up meetings. Meant for a daily cron job:

python manage.py send_reminders            # send what is due today
python manage.py send_reminders --dry-run  # only print what would be sent
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gesprekstool.agenda.reminders import Mail, days_before, plan_reminders, send_reminders


class Command(BaseCommand):
    help = "E-mail action owners before and after due dates, and participants before a follow-up meeting."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would be sent; send nothing.")
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Act as if today were this date (YYYY-MM-DD); default: today.",
        )

    def handle(self, *args, dry_run: bool = False, date: datetime.date | None = None, **options):
        today = date or timezone.localdate()
        if dry_run:
            mails = plan_reminders(today)
            self.stdout.write(f"{today}: {len(mails)} mail(s) would be sent ({days_before()} days ahead).")
            for mail in mails:
                self.describe(mail, prefix="would send")
            return
        outcome = send_reminders(today)
        for mail in outcome.sent:
            self.describe(mail, prefix="sent")
        for mail in outcome.already:
            self.describe(mail, prefix="already sent by another run")
        for mail, error in outcome.failed:
            self.describe(mail, prefix=f"NOT sent ({error})")
        self.stdout.write(f"{today}: {len(outcome.sent)} mail(s) sent, {len(outcome.failed)} failed.")
        if outcome.failed:
            raise CommandError(
                f"{len(outcome.failed)} reminder mail(s) could not be sent; they are retried next run."
            )

    def describe(self, mail: Mail, *, prefix: str) -> None:
        self.stdout.write(f"{prefix}: {mail.recipient} – {mail.subject}")
        for r in mail.reminders:
            self.stdout.write(f"    {r.kind} {r.target} {r.date}")
