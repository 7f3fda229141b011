"""A round's dates as an iCalendar file (RFC 5545): the follow-up meeting and the due dates of
the actions that are still open or in progress. Owners appear as in the results and exports: in an
anonymised round as "Deelnemer 1 (Armoede)", never by name."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from gesprekstool.rounds.models import Round

from .models import Agreement


def round_calendar(round_: Round) -> bytes:
    """The .ics text of `round_`. Every event is a whole day; UIDs stay the same between
    downloads, so a subscribed calendar updates events instead of duplicating them."""
    from icalendar import Calendar, Event  # noqa: PLC0415 - heavy library, only for this download

    host = urlsplit(settings.SITE_URL).hostname or "gesprekstool"
    calendar = Calendar()
    calendar.add("prodid", "-//Gesprekstool//Armoede en gezondheid//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Conversation tool: %(title)s") % {"title": round_.title})

    def whole_day(uid: str, day: datetime.date, summary: str, description: str, stamp) -> Event | None:
        if day >= datetime.date.max:  # stored before forms refused such dates; no day after it exists
            return None
        event = Event()
        event.add("uid", f"{uid}@{host}")
        event.add("dtstamp", stamp or timezone.now())
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        return event

    def add(event: Event | None) -> None:
        if event is not None:
            calendar.add_component(event)

    agreement = Agreement.objects.filter(round=round_).first()
    if agreement and agreement.next_meeting_on and agreement.follow_up == Agreement.FollowUp.MEET_AGAIN:
        add(
            whole_day(
                f"gesprekstool-round-{round_.pk}-meeting",
                agreement.next_meeting_on,
                _("Follow-up meeting: %(title)s") % {"title": round_.title},
                _("The group meets again to see where steps have been taken.")
                + (f"\n\n{agreement.accountability}" if agreement.accountability else ""),
                agreement.updated_at,
            )
        )
    actions = (
        round_.actions.live()
        .filter(due_on__isnull=False)
        .select_related("owner__round")
        .order_by("due_on", "pk")
    )
    for action in actions:
        add(
            whole_day(
                f"gesprekstool-action-{action.pk}",
                action.due_on,
                _("Action due: %(what)s") % {"what": shorten(action.description)},
                "\n".join(
                    [
                        action.description,
                        # The feed travels beyond the tool (anyone with its address): never a real
                        # name of an anonymised round's participant.
                        f"{_('Who')}: {action.shown_who or '–'}",
                        f"{_('Department')}: {action.department or '–'}",
                        f"{_('Status')}: {action.get_status_display()}",
                    ]
                ),
                action.updated_at,
            )
        )
    return calendar.to_ical()


def shorten(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
