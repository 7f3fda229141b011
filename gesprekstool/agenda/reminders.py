"""Reminder e-mails: to action owners before and after a due date, to participants before a
follow-up meeting. Run daily by `manage.py send_reminders`.

Each reason is mailed once: a SentReminder row per (kind, target, date) is written in the same
transaction as the mail is sent, and the unique constraint refuses a second one, also when two
runs overlap. A changed due date or meeting date is a new reason and is mailed again.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.lib.language import language_of
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Participant

from .models import Action, Agreement, SentReminder
from .services import ensure_owner_link

logger = logging.getLogger(__name__)


def days_before() -> int:
    """How many days ahead owners and participants are reminded (setting REMINDER_DAYS_BEFORE)."""
    return int(getattr(settings, "REMINDER_DAYS_BEFORE", 3))


@dataclass
class Reminder:
    kind: str
    target: str
    date: datetime.date
    action: Action | None = None
    participant: Participant | None = None


@dataclass
class Mail:
    """Everything due for one e-mail address in one organisation: one mail, however many reasons."""

    organisation: Organisation
    recipient: str
    name: str
    reminders: list[Reminder] = field(default_factory=list)

    @property
    def actions(self) -> list[Reminder]:
        return [r for r in self.reminders if r.action is not None]

    @property
    def meetings(self) -> list[Reminder]:
        return [r for r in self.reminders if r.participant is not None]

    @property
    def language(self) -> str:
        """The reader's language: the one the participant last used on their pages (a meeting
        reminder, or an action they own), else the round's language."""
        for reminder in self.reminders:
            participant = reminder.participant or (reminder.action.owner if reminder.action else None)
            if participant is not None and participant.language:
                return language_of(participant.language)
        first = self.reminders[0]
        return language_of((first.participant or first.action).round.language)

    @property
    def subject(self) -> str:
        overdue = sum(r.kind == SentReminder.Kind.OVERDUE for r in self.reminders)
        if self.meetings and not self.actions:
            return _("Reminder: follow-up meeting on %(date)s") % {
                "date": self.meetings[0].date.strftime("%d-%m-%Y")
            }
        if overdue:
            return ngettext(
                "Reminder: %(count)d action is overdue",
                "Reminder: %(count)d actions are overdue",
                overdue,
            ) % {"count": overdue}
        return ngettext(
            "Reminder: %(count)d action is due soon",
            "Reminder: %(count)d actions are due soon",
            len(self.actions),
        ) % {"count": len(self.actions)}


def plan_reminders(today: datetime.date) -> list[Mail]:
    """The mails that are due on `today` and were not sent before, grouped per address.

    Actions: current, open or in progress, with a due date and an owner with an e-mail address;
    "due soon" from `days_before()` days before the date up to the date itself, "overdue" once the
    date has passed. Meetings: rounds that agreed to meet again, from `days_before()` days before.
    """
    horizon = today + datetime.timedelta(days=days_before())
    reminders: list[tuple[Organisation, str, str, Reminder]] = []

    actions = (
        Action.objects.live()
        .filter(due_on__isnull=False, due_on__lte=horizon)
        .select_related("owner", "round__organisation")
        .order_by("due_on", "pk")
    )
    for action in actions:
        if not action.email:
            continue
        kind = SentReminder.Kind.DUE_SOON if action.due_on >= today else SentReminder.Kind.OVERDUE
        reminder = Reminder(kind=kind, target=f"action:{action.pk}", date=action.due_on, action=action)
        reminders.append((action.round.organisation, action.email, action.who, reminder))

    agreements = Agreement.objects.filter(
        follow_up=Agreement.FollowUp.MEET_AGAIN, next_meeting_on__gte=today, next_meeting_on__lte=horizon
    ).select_related("round__organisation")
    meeting_on = {a.round_id: a for a in agreements}
    participants = (
        Participant.objects.filter(round__in=list(meeting_on), is_group=False)
        .exclude(email="")
        .select_related("round")
        .order_by("round_id", "position")
    )
    for p in participants:
        agreement = meeting_on[p.round_id]
        reminder = Reminder(
            kind=SentReminder.Kind.MEETING,
            target=f"participant:{p.pk}",
            date=agreement.next_meeting_on,
            participant=p,
        )
        reminders.append((agreement.round.organisation, p.email, p.display_name, reminder))

    sent = set(
        SentReminder.objects.filter(target__in=[r.target for *_, r in reminders]).values_list(
            "kind", "target", "date"
        )
    )
    mails: dict[tuple[int, str], Mail] = {}
    for organisation, email, name, reminder in reminders:
        if (reminder.kind, reminder.target, reminder.date) in sent:
            continue
        key = (organisation.pk, email.strip().lower())
        mail = mails.setdefault(key, Mail(organisation=organisation, recipient=email.strip(), name=name))
        mail.reminders.append(reminder)
    return list(mails.values())


def render_mail(mail: Mail, *, today: datetime.date, link_url: str) -> str:
    with translation.override(mail.language):
        return render_to_string(
            "agenda/email/reminder.txt",
            {"mail": mail, "today": today, "link_url": link_url, "site_url": settings.SITE_URL},
        )


@dataclass
class Outcome:
    sent: list[Mail] = field(default_factory=list)
    failed: list[tuple[Mail, str]] = field(default_factory=list)
    already: list[Mail] = field(default_factory=list)


def send_reminders(today: datetime.date) -> Outcome:
    """Send every planned mail (see plan_reminders) through Django's e-mail backend.

    Side effects: SentReminder rows, and for owners with actions a personal link (OwnerLink) when
    they have none that stays valid for a while. A mail that cannot be sent leaves no trace, so
    the next run tries again.
    """
    outcome = Outcome()
    with translation.override(settings.LANGUAGE_CODE):
        for mail in plan_reminders(today):
            try:
                with transaction.atomic():
                    SentReminder.objects.bulk_create(
                        SentReminder(kind=r.kind, target=r.target, date=r.date, recipient=mail.recipient)
                        for r in mail.reminders
                    )
                    link_url = ""
                    if mail.actions:
                        link = ensure_owner_link(mail.organisation, email=mail.recipient, name=mail.name)
                        link_url = settings.SITE_URL + reverse(
                            "follow_up:owner", kwargs={"token": link.token}
                        )
                    with translation.override(mail.language):
                        subject = mail.subject
                    EmailMessage(
                        subject=subject,
                        body=render_mail(mail, today=today, link_url=link_url),
                        to=[mail.recipient],
                    ).send()
            except IntegrityError:
                # Another run sent this reason in the meantime.
                outcome.already.append(mail)
            except (smtplib.SMTPException, OSError) as exc:
                logger.warning("Reminder to %s not sent: %s", mail.recipient, exc)
                outcome.failed.append((mail, str(exc)))
            else:
                outcome.sent.append(mail)
    return outcome
