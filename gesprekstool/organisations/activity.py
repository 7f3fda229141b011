"""The activity log: the one way to write to it, and to read an organisation's lines.

What goes in is chosen by the caller and must never be a token or an answer text: name the thing
(a round's title, a member's name, "pdf"). Control characters are stripped and texts cut to fit.
"""

import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from gesprekstool.lib.daily import daily_job
from gesprekstool.lib.text import clean_line

from .models import ActivityEntry, Organisation

Action = ActivityEntry.Action


def _clean(text: str, limit: int) -> str:
    text = clean_line(str(text or "")).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def actor_label(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_full_name() or user.get_username()


def record(
    *, organisation: Organisation, actor, action: str, subject: str = "", detail: str = ""
) -> ActivityEntry:
    """Add a line to the organisation's activity log. Side effect: one row in ActivityEntry.

    `actor` is the user who did it, or None for the system (the daily retention run).
    """
    if action not in Action.values:
        raise ValueError(f"unknown activity action: {action!r}")
    return ActivityEntry.objects.create(
        organisation=organisation,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_name=_clean(actor_label(actor), 200),
        action=action,
        subject=_clean(subject, 200),
        detail=_clean(detail, 200),
    )


def entries_for(organisation: Organisation) -> QuerySet[ActivityEntry]:
    """The organisation's log, newest first."""
    return ActivityEntry.objects.filter(organisation=organisation).order_by("-created_at", "-pk")


def keep_days() -> int:
    """How long lines stay in the log (host setting ACTIVITY_LOG_DAYS)."""
    return settings.ACTIVITY_LOG_DAYS


def expired(today: datetime.date) -> QuerySet[ActivityEntry]:
    """Lines written before the first day still kept: older than `keep_days()` days on `today`."""
    first_kept = today - datetime.timedelta(days=keep_days())
    cutoff = timezone.make_aware(datetime.datetime.combine(first_kept, datetime.time.min))
    return ActivityEntry.objects.filter(created_at__lt=cutoff)


@daily_job("activity_log", order=90)
def daily_purge(*, today: datetime.date, dry_run: bool) -> list[str]:
    """Daily job: delete log lines older than the host's period."""
    old = expired(today)
    if dry_run:
        return [f"would delete {old.count()} activity log line(s) older than {keep_days()} days."]
    deleted, _per_model = old.delete()
    return [f"deleted {deleted} activity log line(s) older than {keep_days()} days."]
