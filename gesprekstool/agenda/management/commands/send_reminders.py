"""Mail reminders about action due dates and follow-up meetings. Meant for a daily cron job:

python manage.py send_reminders            # send what is due today
python manage.py send_reminders --dry-run  # only print what would be sent
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gesprekstool.agenda.daily import failure_message, run_reminders
from gesprekstool.agenda.reminders import days_before


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
        run = run_reminders(today, dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"{today}: {run.planned} mail(s) would be sent ({days_before()} days ahead).")
        for line in run.lines:
            self.stdout.write(line)
        if dry_run:
            return
        self.stdout.write(f"{today}: {run.sent} mail(s) sent, {run.failed} failed.")
        if run.failed:
            raise CommandError(failure_message(run))
