"""Mail reminders about action due dates and follow-up meetings. Meant for a daily cron job:

python manage.py send_reminders            # send what is due today
python manage.py send_reminders --dry-run  # only print what would be sent
"""

import datetime

from django.core.management.base import CommandError

from gesprekstool.agenda.daily import failure_message, run_reminders
from gesprekstool.agenda.reminders import days_before
from gesprekstool.lib.daily import DayCommand


class Command(DayCommand):
    help = "E-mail action owners before and after due dates, and participants before a follow-up meeting."
    dry_run_help = "Print what would be sent; send nothing."

    def handle(self, *args, dry_run: bool = False, date: datetime.date | None = None, **options):
        today = self.today(date)
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
