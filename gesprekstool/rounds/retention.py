"""Retention of a round's personal data: when names go, when the whole round goes.

The periods are the organisation's (Organisation.participant_data_days, round_delete_days), counted
in days from the day the round was closed (in the site's time zone). An open round keeps everything.

- On day `closed + participant_data_days` names, departments and e-mail addresses of participants are
  removed (removal.remove_personal_data); the answers stay and the round is shown anonymised.
- On day `closed + round_delete_days - 14` the organisation's facilitators get one mail that the round
  will be deleted; the round is deleted on `closed + round_delete_days`, but never sooner than 14 days
  after that mail, so nobody loses a round without notice (also when the period was shortened).

The calculations are plain functions of dates; `daily_*` act on them for `manage.py daily`.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gesprekstool.lib.daily import daily_job
from gesprekstool.lib.language import language_of
from gesprekstool.organisations.models import Membership

from . import removal
from .models import Round

logger = logging.getLogger(__name__)

WARNING_DAYS = 14


# --- Calculations --------------------------------------------------------------------------------


def personal_data_until(closed_on: datetime.date, days: int) -> datetime.date:
    """The day on which names, departments and e-mail addresses are removed."""
    return closed_on + datetime.timedelta(days=days)


def deletion_due_on(closed_on: datetime.date, days: int | None) -> datetime.date | None:
    """The day the period for deleting the round ends (None: the organisation keeps rounds)."""
    return None if days is None else closed_on + datetime.timedelta(days=days)


def warning_due_on(closed_on: datetime.date, days: int | None) -> datetime.date | None:
    due = deletion_due_on(closed_on, days)
    return None if due is None else due - datetime.timedelta(days=WARNING_DAYS)


def deletion_on(
    closed_on: datetime.date, days: int | None, warned_on: datetime.date | None
) -> datetime.date | None:
    """The day the round is actually deleted: the end of the period, but at least 14 days after the
    warning mail (before the mail is sent: as if it went out on its own day, or today if later)."""
    due = deletion_due_on(closed_on, days)
    if due is None:
        return None
    if warned_on is None:
        return due
    return max(due, warned_on + datetime.timedelta(days=WARNING_DAYS))


def local_day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


@dataclass(frozen=True)
class RoundRetention:
    """What the round page tells the facilitator."""

    participant_data_days: int
    round_delete_days: int | None
    personal_data_until: datetime.date | None  # None while the round is open
    personal_data_removed_on: datetime.date | None
    deletion_on: datetime.date | None  # None while open, or when rounds are kept


def retention_of(round_: Round) -> RoundRetention:
    organisation = round_.organisation
    closed_on = local_day(round_.closed_at)
    return RoundRetention(
        participant_data_days=organisation.participant_data_days,
        round_delete_days=organisation.round_delete_days,
        personal_data_until=None
        if closed_on is None
        else personal_data_until(closed_on, organisation.participant_data_days),
        personal_data_removed_on=local_day(round_.personal_data_removed_at),
        deletion_on=None
        if closed_on is None
        else deletion_on(closed_on, organisation.round_delete_days, local_day(round_.deletion_warned_at)),
    )


# --- What is due on a day ------------------------------------------------------------------------


def _closed_rounds():
    return (
        Round.objects.filter(closed_at__isnull=False)
        .select_related("organisation")
        .order_by("closed_at", "pk")
    )


def rounds_to_anonymise(today: datetime.date) -> list[Round]:
    return [
        r
        for r in _closed_rounds().filter(personal_data_removed_at__isnull=True)
        if personal_data_until(local_day(r.closed_at), r.organisation.participant_data_days) <= today
    ]


def rounds_to_warn(today: datetime.date) -> list[Round]:
    due = []
    for r in _closed_rounds().filter(
        deletion_warned_at__isnull=True, organisation__round_delete_days__isnull=False
    ):
        warn_on = warning_due_on(local_day(r.closed_at), r.organisation.round_delete_days)
        if warn_on <= today:
            due.append(r)
    return due


def rounds_to_delete(today: datetime.date) -> list[Round]:
    due = []
    for r in _closed_rounds().filter(
        deletion_warned_at__isnull=False, organisation__round_delete_days__isnull=False
    ):
        on = deletion_on(
            local_day(r.closed_at), r.organisation.round_delete_days, local_day(r.deletion_warned_at)
        )
        if on <= today:
            due.append(r)
    return due


def _describe(round_: Round) -> str:
    return f"round {round_.pk} “{round_.title}” ({round_.organisation.name}, closed {local_day(round_.closed_at)})"


# --- Acting ----------------------------------------------------------------------------------------


def recipients_by_language(round_: Round) -> dict[str, list[str]]:
    """The e-mail addresses of the organisation's active facilitators, per language they chose (else Dutch)."""
    found: dict[str, set[str]] = {}
    memberships = Membership.objects.filter(
        organisation=round_.organisation, role=Membership.Role.FACILITATOR
    ).select_related("user")
    for m in memberships:
        if m.user.email and m.user.is_active:
            found.setdefault(language_of(m.language), set()).add(m.user.email)
    return {language: sorted(addresses) for language, addresses in sorted(found.items())}


def warning_recipients(round_: Round) -> list[str]:
    """The e-mail addresses of the organisation's facilitators."""
    return sorted(a for addresses in recipients_by_language(round_).values() for a in addresses)


def send_deletion_warning(round_: Round, *, today: datetime.date) -> list[str]:
    """Mail the facilitators that the round will be deleted, once, each in the language they chose:
    deletion_warned_at is saved in the same transaction, so a failed mail is tried again the next day.
    Returns the recipients."""
    by_language = recipients_by_language(round_)
    with transaction.atomic():
        locked = Round.objects.select_for_update().filter(pk=round_.pk, deletion_warned_at__isnull=True)
        if not locked.exists():
            return []  # another run warned in the meantime
        now = timezone.now()
        Round.objects.filter(pk=round_.pk).update(deletion_warned_at=now)
        round_.deletion_warned_at = now
        closed_on = local_day(round_.closed_at)
        for language, recipients in by_language.items():
            with translation.override(language):
                body = render_to_string(
                    "rounds/email/deletion_warning.txt",
                    {
                        "round": round_,
                        "deletion_on": deletion_on(closed_on, round_.organisation.round_delete_days, today),
                        "round_url": settings.SITE_URL + reverse("rounds:detail", kwargs={"pk": round_.pk}),
                        "site_url": settings.SITE_URL,
                    },
                )
                EmailMessage(
                    subject=_("The round “%(title)s” will be deleted in %(days)s days")
                    % {"title": round_.title, "days": WARNING_DAYS},
                    body=body,
                    bcc=recipients,
                ).send()
    return sorted(a for addresses in by_language.values() for a in addresses)


@daily_job("participant_data", order=21)
def daily_personal_data(*, today: datetime.date, dry_run: bool) -> list[str]:
    """Daily job: remove names, departments and e-mail addresses of rounds whose period has passed."""
    lines = []
    with translation.override(settings.LANGUAGE_CODE):
        for round_ in rounds_to_anonymise(today):
            if dry_run:
                lines.append(f"would remove names and e-mail addresses: {_describe(round_)}")
            else:
                count = removal.remove_personal_data(round_, by=None)
                lines.append(
                    f"removed names and e-mail addresses of {count} participant(s): {_describe(round_)}"
                )
    return lines


@daily_job("round_deletion", order=20)
def daily_round_deletion(*, today: datetime.date, dry_run: bool) -> list[str]:
    """Daily job: delete rounds whose period has passed (14 days after the warning at the earliest),
    and warn the facilitators of rounds that will be deleted in 14 days."""
    lines = []
    failed = 0
    with translation.override(settings.LANGUAGE_CODE):
        for round_ in rounds_to_delete(today):
            if dry_run:
                lines.append(f"would delete: {_describe(round_)}")
            else:
                description = _describe(round_)
                removal.delete_round(round_, by=None, reason=_("retention period"))
                lines.append(f"deleted: {description}")
        for round_ in rounds_to_warn(today):
            if dry_run:
                lines.append(
                    f"would announce deletion: {_describe(round_)} to {', '.join(warning_recipients(round_)) or 'nobody'}"
                )
                continue
            try:
                recipients = send_deletion_warning(round_, today=today)
            except (smtplib.SMTPException, OSError) as exc:
                logger.warning("Deletion warning for round %s not sent: %s", round_.pk, exc)
                lines.append(f"NOT announced ({exc}): {_describe(round_)}")
                failed += 1
            else:
                lines.append(
                    f"announced deletion: {_describe(round_)} to {', '.join(recipients) or 'nobody'}"
                )
    if failed:
        raise RuntimeError(f"{failed} deletion warning(s) could not be sent; retried next run.")
    return lines
