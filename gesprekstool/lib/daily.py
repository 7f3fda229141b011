"""The daily run: jobs that apps register and `manage.py daily` runs in order, once a day from cron.

A job names itself where it is defined, and its app's AppConfig.ready() imports that module (as
Django's system checks are registered):

    from gesprekstool.lib.daily import daily_job

    @daily_job("reminders", order=10)
    def reminders_job(*, today, dry_run): ...

A job is `job(*, today: date, dry_run: bool) -> list[str]`: it does its work for `today` (only
reports what it would do when `dry_run`) and returns lines for the log. A job that raises does not
stop the others; the run then ends with an error so cron mails the host. Jobs must be safe to run
twice on one day and from two servers at once.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management.base import BaseCommand
from django.utils import timezone

JobFunction = Callable[..., list[str]]


@dataclass(frozen=True)
class Job:
    name: str
    run: JobFunction
    order: int


_jobs: dict[str, Job] = {}


def register(name: str, run: JobFunction, *, order: int = 100) -> None:
    """Add a job to the daily run; registering a name again replaces it (module reloads in tests)."""
    _jobs[name] = Job(name=name, run=run, order=order)


def daily_job(name: str, *, order: int = 100) -> Callable[[JobFunction], JobFunction]:
    """Decorator: `register` the function under `name`; the function itself is left as it is."""

    def decorate(run: JobFunction) -> JobFunction:
        register(name, run, order=order)
        return run

    return decorate


def jobs() -> list[Job]:
    return sorted(_jobs.values(), key=lambda job: (job.order, job.name))


@dataclass
class JobResult:
    job: Job
    lines: list[str]
    error: Exception | None = None


def run_all(*, today: datetime.date, dry_run: bool, only: set[str] | None = None) -> list[JobResult]:
    """Run every registered job (or those named in `only`) for `today`, each on its own."""
    results = []
    for job in jobs():
        if only is not None and job.name not in only:
            continue
        try:
            results.append(JobResult(job=job, lines=list(job.run(today=today, dry_run=dry_run))))
        except Exception as error:  # noqa: BLE001 - one failing job must not keep the others from running
            results.append(JobResult(job=job, lines=[], error=error))
    return results


class DayCommand(BaseCommand):
    """A management command that does one day's work, as the daily jobs do: `--date` (default:
    today) and `--dry-run`. `today(date)` is the day to act for; `dry_run_help` says what a dry
    run leaves undone."""

    dry_run_help = "Say what would happen; change nothing."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Act as if today were this date (YYYY-MM-DD); default: today.",
        )

    @staticmethod
    def today(date: datetime.date | None) -> datetime.date:
        return date or timezone.localdate()
