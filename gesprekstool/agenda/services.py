"""Every write to actions, their progress log, personal links, calendar feeds, and repeated rounds.

Views and the reminder command call these functions only.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds import services as round_services
from gesprekstool.rounds.models import Participant, Round, new_token

from .models import Action, ActionNote, CalendarFeed, OwnerLink

# A personal link for an action owner stays valid this long; a reminder hands out a fresh
# one when the current link would expire within LINK_RENEW_WITHIN.
LINK_VALID_FOR = datetime.timedelta(days=90)
LINK_RENEW_WITHIN = datetime.timedelta(days=14)

EDITABLE_FIELDS = (
    "status",
    "theme",
    "description",
    "owner",
    "owner_name",
    "owner_email",
    "department",
    "due_on",
)


class ActionConflict(Exception):
    """Somebody else saved the action after the form was opened. `current` holds their version."""

    def __init__(self, current: Action):
        super().__init__(f"action {current.pk} changed: now at version {current.version}")
        self.current = current


def author_name_of(user) -> str:
    return user.get_full_name() or user.get_username()


def update_action(
    action: Action,
    *,
    expected_version: int,
    changes: dict[str, Any],
    note: str = "",
    author=None,
    author_name: str = "",
    via_link: bool = False,
    in_review: bool = False,
) -> Action:
    """Change an action if nobody changed it since `expected_version`, and log the change.

    `changes` holds fields of EDITABLE_FIELDS. A note is written to the log when there is text
    or the status changes; it names the author (an account, or a name given through a personal
    link) and the time. A review (in_review) also marks the action as discussed.
    Raises ActionConflict, changing nothing, when the stored version is no longer `expected_version`.
    Returns the action as stored afterwards.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if author is not None and not author_name:
        author_name = author_name_of(author)
    now = timezone.now()
    with transaction.atomic():
        old_status = (
            Action.objects.filter(pk=action.pk).values_list("status", flat=True).first() or action.status
        )
        values = {**changes, "version": F("version") + 1, "updated_at": now}
        if in_review:
            values["reviewed_at"] = now
        # The version check and the write are one UPDATE: of two simultaneous saves only one matches.
        if not Action.objects.filter(pk=action.pk, version=expected_version).update(**values):
            raise ActionConflict(Action.objects.select_related("owner").get(pk=action.pk))
        new_status = changes.get("status", old_status)
        if note.strip() or new_status != old_status:
            ActionNote.objects.create(
                action_id=action.pk,
                text=note.strip(),
                old_status=old_status,
                new_status=new_status,
                author=author,
                author_name=author_name,
                via_link=via_link,
                in_review=in_review,
                created_at=now,
            )
    return Action.objects.select_related("owner", "round").get(pk=action.pk)


def add_action(round_: Round, *, theme: str, description: str, owner_name: str = "") -> Action:
    """Add an open action to the round's agenda, e.g. from the picture of the future (futures).

    Side effect: one Action row. `theme` must be a theme code of the round's instrument.
    """
    if theme not in {t.code for t in round_.instrument.themes}:
        raise ValueError(f"not a theme of the round: {theme!r}")
    return Action.objects.create(round=round_, theme=theme, description=description, owner_name=owner_name)


# --- Repeating a round ---------------------------------------------------------------------------------


def repeat_round(
    previous: Round,
    *,
    title: str,
    held_on: datetime.date,
    participants: Iterable[Participant],
    actions: Iterable[Action],
    created_by=None,
) -> Round:
    """Start a new round from `previous`: same organisation, mode, instrument version and privacy
    settings; the chosen participants again, each with a new personal link; the chosen live
    actions copied into the new round.

    Copied, not moved: the earlier round keeps its agenda as it was agreed, and the copy points
    back to it (carried_from). From then on the copy is the one that lives (reminders, overview,
    owner links); the original counts as "carried over" in the monitoring. The copy keeps status,
    owner and due date; the review of the new round says what became of it.
    """
    with transaction.atomic():
        new = round_services.create_round(
            organisation=previous.organisation,
            title=title,
            held_on=held_on,
            mode=previous.mode,
            created_by=created_by,
            language=previous.language,
        )
        new.instrument_version = previous.instrument_version
        new.previous = previous
        new.anonymised = previous.anonymised
        new.results_for_participants = previous.results_for_participants
        new.save(update_fields=["instrument_version", "previous", "anonymised", "results_for_participants"])
        copies: dict[int, Participant] = {}
        if not new.is_joint:
            for p in sorted(participants, key=lambda p: p.position):
                if p.round_id != previous.pk or p.is_group:
                    raise ValueError(f"participant {p.pk} is not a participant of round {previous.pk}")
                copies[p.pk] = round_services.add_participant(
                    new, display_name=p.display_name, domain=p.domain, department=p.department, email=p.email
                )
        for action in actions:
            if action.round_id != previous.pk or not action.is_live:
                raise ValueError(f"action {action.pk} cannot be carried over from round {previous.pk}")
            owner = copies.get(action.owner_id) if action.owner_id else None
            # An owner who does not come along stays the owner, by name and e-mail address.
            Action.objects.create(
                round=new,
                theme=action.theme,
                description=action.description,
                owner=owner,
                owner_name="" if owner else action.who,
                owner_email="" if owner else action.email,
                department=action.department,
                due_on=action.due_on,
                status=action.status,
                carried_from=action,
            )
    return new


# --- Personal links for action owners --------------------------------------------------------------------


def active_owner_link(organisation: Organisation, email: str) -> OwnerLink | None:
    return (
        OwnerLink.objects.filter(
            organisation=organisation,
            email=email.strip().lower(),
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-expires_at")
        .first()
    )


def ensure_owner_link(organisation: Organisation, *, email: str, name: str = "") -> OwnerLink:
    """The owner's link that is valid for a while yet, or a new one (the older one keeps
    working until it expires, so a link in an earlier mail does not break)."""
    link = active_owner_link(organisation, email)
    if link is not None and link.expires_at > timezone.now() + LINK_RENEW_WITHIN:
        return link
    return OwnerLink.objects.create(
        organisation=organisation,
        email=email.strip().lower(),
        name=name,
        expires_at=timezone.now() + LINK_VALID_FOR,
    )


def renew_owner_link(organisation: Organisation, *, email: str, name: str = "") -> OwnerLink:
    """A new link; every earlier link of this address stops working at once."""
    with transaction.atomic():
        revoke_owner_links(organisation, email=email)
        return OwnerLink.objects.create(
            organisation=organisation,
            email=email.strip().lower(),
            name=name,
            expires_at=timezone.now() + LINK_VALID_FOR,
        )


def revoke_owner_links(organisation: Organisation, *, email: str) -> int:
    """Every link of this address stops working; returns how many were still active."""
    return OwnerLink.objects.filter(
        organisation=organisation, email=email.strip().lower(), revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


def mark_link_used(link: OwnerLink) -> None:
    link.last_used_at = timezone.now()
    link.save(update_fields=["last_used_at"])


# --- Calendar subscriptions -----------------------------------------------------------------------------


def renew_calendar_feed(round_: Round) -> CalendarFeed:
    """Create the round's subscription address, or replace it (the old address stops working)."""
    feed, created = CalendarFeed.objects.get_or_create(round=round_)
    if not created:
        feed.token = new_token()
        feed.created_at = timezone.now()
        feed.save(update_fields=["token", "created_at"])
    return feed


def remove_calendar_feed(round_: Round) -> None:
    CalendarFeed.objects.filter(round=round_).delete()
