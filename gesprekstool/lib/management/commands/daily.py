"""Everything that has to happen once a day, for cron:

python manage.py daily             # run every job (reminders, retention, clean-up, ...)
python manage.py daily --dry-run   # only say what each job would do
python manage.py daily --only reminders --date 2026-12-01
"""

from django.core.management.base import CommandError

from gesprekstool.lib import daily


class Command(daily.DayCommand):
    help = "Run the daily jobs: reminders, retention of personal data, clean-up of expired links."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--only", action="append", metavar="JOB", help="Run only this job (may be repeated)."
        )

    def handle(self, *args, dry_run=False, date=None, only=None, **options):
        today = self.today(date)
        known = {job.name for job in daily.jobs()}
        unknown = set(only or []) - known
        if unknown:
            raise CommandError(
                f"Unknown job(s): {', '.join(sorted(unknown))}. Known: {', '.join(sorted(known))}."
            )
        results = daily.run_all(today=today, dry_run=dry_run, only=set(only) if only else None)
        failed = []
        for result in results:
            self.stdout.write(f"[{result.job.name}]" + (" (dry run)" if dry_run else ""))
            for line in result.lines:
                self.stdout.write(f"  {line}")
            if result.error is not None:
                failed.append(result.job.name)
                self.stderr.write(f"  FAILED: {type(result.error).__name__}: {result.error}")
        if failed:
            raise CommandError(f"Daily job(s) failed: {', '.join(failed)}.")
        self.stdout.write(f"{today}: {len(results)} job(s) done.")
