"""The daily clean-up of expired log-in sessions (Django's `clearsessions`, as a job of `manage.py daily`)."""

import datetime

from django.contrib.sessions.models import Session
from django.utils import timezone

from .daily import daily_job


@daily_job("sessions", order=90)
def clear_expired_sessions_job(*, today: datetime.date, dry_run: bool) -> list[str]:
    """Delete the sessions that expired before now. `today` plays no part: an expired session is
    useless whatever day the run acts as. Side effect: rows leave django_session."""
    expired = Session.objects.filter(expire_date__lt=timezone.now())
    if dry_run:
        return [f"{expired.count()} expired session(s) would be deleted."]
    deleted, _ = expired.delete()
    return [f"{deleted} expired session(s) deleted."]
