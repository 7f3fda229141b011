"""Mailing participants their personal link: the invitation, and a reminder to those who have not
handed in yet.

The e-mail address is optional and kept only for this (Participant.email: shown to facilitators,
removed with the round's personal data by removal.remove_personal_data). What is stored about a
mail is when it went (invited_at, reminded_at) or when it failed (mail_failed_at); the activity log
gets counts only, never addresses, links or the text.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gesprekstool.lib.language import language_of

from . import addresses, log
from .models import Participant, Round

logger = logging.getLogger(__name__)

# A participant gets at most one reminder in this period, counted from the last mail about the link.
REMINDER_INTERVAL = datetime.timedelta(hours=24)

# Shown as the link in the preview, where each participant's own link will be.
LINK_PLACEHOLDER = "[…]"


class Kind(StrEnum):
    INVITATION = "invitation"
    REMINDER = "reminder"


class MailRefused(Exception):
    """A mail that may not go out; the message is meant for the facilitator."""


@dataclass
class MailOutcome:
    sent: list[Participant] = field(default_factory=list)
    failed: list[Participant] = field(default_factory=list)


def default_intro(round_: Round, *, kind: Kind) -> str:
    """The facilitator's introduction as the form proposes it; the facilitator may change it."""
    if kind == Kind.REMINDER:
        return _(
            "You have not handed in your answers for “%(title)s” yet. It takes about 20 minutes; "
            "what you filled in before is still there."
        ) % {"title": round_.title}
    return _(
        "For our conversation about poverty and health policy (“%(title)s”) we ask everyone to fill in "
        "the conversation tool beforehand. It takes about 20 minutes. Your answers are the starting "
        "point of the conversation."
    ) % {"title": round_.title}


def can_be_mailed(participant: Participant) -> bool:
    return not participant.is_group and participant.link_active and bool(participant.email)


def due_invitation(participant: Participant) -> bool:
    """Has an address and a working link that was not mailed yet."""
    return can_be_mailed(participant) and participant.invited_at is None


def due_reminder(participant: Participant, *, now: datetime.datetime) -> bool:
    """Has an address and a working link, has not handed in, and got no mail about the link in
    the last REMINDER_INTERVAL."""
    since = now - REMINDER_INTERVAL
    last = max((t for t in (participant.invited_at, participant.reminded_at) if t), default=None)
    return can_be_mailed(participant) and not participant.is_finished and (last is None or last <= since)


def needs_address(participant: Participant) -> bool:
    """A working link but no address: the facilitator copies the link by hand."""
    return not participant.is_group and participant.link_active and not participant.email


@dataclass(frozen=True)
class MailSummary:
    """What the round page says about mailing the links."""

    to_invite: int
    to_remind: int
    without_address: int
    failed: int


def summary(participants: list[Participant], *, now: datetime.datetime | None = None) -> MailSummary:
    now = now or timezone.now()
    return MailSummary(
        to_invite=sum(1 for p in participants if due_invitation(p)),
        to_remind=sum(1 for p in participants if due_reminder(p, now=now)),
        without_address=sum(1 for p in participants if needs_address(p)),
        failed=sum(1 for p in participants if p.mail_failed_at is not None),
    )


def _people(round_: Round) -> list[Participant]:
    return list(round_.participants.filter(is_group=False).order_by("position"))


def recipients(round_: Round, *, kind: Kind, now: datetime.datetime | None = None) -> list[Participant]:
    """Who an e-mail of this kind goes to when it is sent to all."""
    if kind == Kind.INVITATION:
        return [p for p in _people(round_) if due_invitation(p)]
    now = now or timezone.now()
    return [p for p in _people(round_) if due_reminder(p, now=now)]


def without_address(round_: Round) -> list[Participant]:
    return [p for p in _people(round_) if needs_address(p)]


def failed(round_: Round) -> list[Participant]:
    """Participants whose last mail could not be sent."""
    return list(round_.participants.filter(mail_failed_at__isnull=False).order_by("position"))


def link_url(participant: Participant) -> str:
    return settings.SITE_URL + reverse("fill:intro", kwargs={"key": participant.token})


def render_mail(
    round_: Round, *, kind: Kind, intro: str, name: str, link: str, language: str | None = None
) -> tuple[str, str]:
    """The subject and body of one mail, in `language` (the reader's), else the round's language."""
    context = {
        "round": round_,
        "kind": str(kind),
        "intro": intro,
        "name": name,
        "link": link,
        "held_on": round_.held_on,
        "site_url": settings.SITE_URL,
    }
    with translation.override(language_of(language or round_.language)):
        if kind == Kind.REMINDER:
            subject = _("Reminder: your answers for “%(title)s”") % {"title": round_.title}
        else:
            subject = _("Your personal link for “%(title)s”") % {"title": round_.title}
        body = render_to_string("rounds/email/participant_link.txt", context)
    return subject, body


def preview(
    round_: Round, *, kind: Kind, intro: str, participant: Participant | None = None
) -> tuple[str, str]:
    """The mail as the first recipient would get it, with a placeholder instead of the link."""
    name = participant.display_name if participant else _("name of the participant")
    return render_mail(round_, kind=kind, intro=intro, name=name, link=LINK_PLACEHOLDER)


def send_link_mails(
    round_: Round, *, kind: Kind, intro: str, by, participant: Participant | None = None
) -> MailOutcome:
    """Mail each recipient their own link: everyone due (see `recipients`), or only `participant`
    (an invitation is then sent again if it was sent before; a reminder still only to someone
    who has not handed in and was not mailed within REMINDER_INTERVAL).

    Each mail is sent on its own: a refused address (SMTP error) does not stop the others.
    Side effects: invited_at or reminded_at set on those sent (and mail_failed_at cleared),
    mail_failed_at set on those that failed; one activity log entry with the counts.
    Raises MailRefused when the round is closed or the one participant cannot be mailed.
    """
    if round_.is_closed:
        raise MailRefused(_("This round is closed: the links no longer work. Open the round again first."))
    with transaction.atomic():
        # One sender at a time per round, so a double click does not mail everyone twice.
        addresses.lock_round(round_)
        due = recipients(round_, kind=kind)
        if participant is not None:
            _check_one(participant, kind=kind, due=due)
            due = [participant]
        outcome = MailOutcome()
        for person in due:
            subject, body = render_mail(
                round_,
                kind=kind,
                intro=intro,
                name=person.display_name,
                link=link_url(person),
                language=person.language,
            )
            now = timezone.now()
            try:
                EmailMessage(subject=subject, body=body, to=[person.email]).send()
            except (smtplib.SMTPException, OSError) as exc:
                logger.warning("Link mail to participant %s not sent: %s", person.pk, exc)
                person.mail_failed_at = now
                person.save(update_fields=["mail_failed_at"])
                outcome.failed.append(person)
                continue
            stamp = "invited_at" if kind == Kind.INVITATION else "reminded_at"
            setattr(person, stamp, now)
            person.mail_failed_at = None
            person.save(update_fields=[stamp, "mail_failed_at"])
            outcome.sent.append(person)
        if due:
            log.record(
                round_,
                actor=by,
                action=log.Action.PARTICIPANTS_INVITED
                if kind == Kind.INVITATION
                else log.Action.PARTICIPANTS_REMINDED,
                detail=_("%(sent)s sent, %(failed)s failed")
                % {"sent": len(outcome.sent), "failed": len(outcome.failed)},
            )
    return outcome


def _check_one(participant: Participant, *, kind: Kind, due: list[Participant]) -> None:
    if participant.is_group or not participant.link_active:
        raise MailRefused(_("This participant has no working link to mail."))
    if not participant.email:
        raise MailRefused(
            _("%(name)s has no e-mail address. Copy the link and send it yourself.")
            % {"name": participant.display_name}
        )
    if kind == Kind.REMINDER and participant not in due:
        if participant.is_finished:
            raise MailRefused(_("%(name)s has already handed in.") % {"name": participant.display_name})
        raise MailRefused(
            _("%(name)s was mailed less than %(hours)s hours ago.")
            % {"name": participant.display_name, "hours": int(REMINDER_INTERVAL.total_seconds() // 3600)}
        )
