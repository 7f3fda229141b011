"""The agenda's part of retention: e-mail addresses of action owners, sent reminders and personal
action links go when the people or rounds they belong to go.

- `forget_people` is the agenda's rounds.cleanup hook: when participants are deleted or anonymised,
  or a round is deleted, the reminders sent about them and the personal links of addresses that no
  longer own any action are deleted.
- `daily_owner_emails` removes the e-mail address of an action's owner (someone outside the round)
  once the action is done or dropped and the organisation's period (Organisation.owner_email_days,
  counted from the action's last change) has passed.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gesprekstool.lib.daily import daily_job
from gesprekstool.organisations import activity
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Participant

from .models import Action, ActionNote, OwnerLink, SentReminder

ENDED = (Action.Status.DONE, Action.Status.DROPPED)


def _drop_unused_links(organisation: Organisation, emails: set[str], *, excluding: Q) -> None:
    """Delete the organisation's personal links of `emails` that no action (outside `excluding`) still
    has as its owner's address."""
    for email in {e.strip().lower() for e in emails if e}:
        still_owner = (
            Action.objects.filter(round__organisation=organisation)
            .exclude(excluding)
            .filter(Q(owner__isnull=True, owner_email__iexact=email) | Q(owner__email__iexact=email))
            .exists()
        )
        if not still_owner:
            OwnerLink.objects.filter(organisation=organisation, email__iexact=email).delete()


def forget_people(
    *, organisation: Organisation, round_ids: list[int], participant_ids: list[int], deleting: bool
):
    """rounds.cleanup hook; see the module docstring. Runs before the deletion or anonymisation.

    Also: progress notes the participants wrote through their personal link no longer carry their
    name but their label ("Participant 2 (Health)"), and reminders about their actions are forgotten.
    """
    people = list(Participant.objects.filter(pk__in=participant_ids).select_related("round"))
    targets = [f"participant:{pk}" for pk in participant_ids]
    targets += [
        f"action:{pk}"
        for pk in Action.objects.filter(owner_id__in=participant_ids).values_list("pk", flat=True)
    ]
    emails = {p.email for p in people}
    for p in people:
        ActionNote.objects.filter(action__owner=p, via_link=True).update(author_name=p.label)
    going = Q(owner_id__in=participant_ids)
    if deleting and round_ids:
        actions = Action.objects.filter(round_id__in=round_ids)
        targets += [f"action:{pk}" for pk in actions.values_list("pk", flat=True)]
        emails |= set(actions.exclude(owner_email="").values_list("owner_email", flat=True))
        going |= Q(round_id__in=round_ids)
    SentReminder.objects.filter(target__in=targets).delete()
    _drop_unused_links(organisation, emails, excluding=going)


# --- Owner e-mail addresses -----------------------------------------------------------------------


def owner_email_due_on(ended_on: datetime.date, days: int) -> datetime.date:
    """The day an ended action's owner e-mail address is removed."""
    return ended_on + datetime.timedelta(days=days)


def actions_to_clear(today: datetime.date) -> list[Action]:
    candidates = (
        Action.objects.filter(status__in=ENDED)
        .exclude(owner_email="")
        .select_related("round__organisation")
        .order_by("updated_at", "pk")
    )
    return [
        a
        for a in candidates
        if owner_email_due_on(timezone.localdate(a.updated_at), a.round.organisation.owner_email_days)
        <= today
    ]


def clear_owner_emails(actions: list[Action]) -> int:
    """Remove the owner e-mail addresses of `actions`. Side effects: their sent reminders and the
    personal links no other action needs are deleted; one activity log line per organisation."""
    by_organisation: dict[int, list[Action]] = {}
    for a in actions:
        by_organisation.setdefault(a.round.organisation_id, []).append(a)
    with transaction.atomic():
        for group in by_organisation.values():
            organisation = group[0].round.organisation
            ids = [a.pk for a in group]
            emails = {a.owner_email for a in group}
            # A new version, so a form opened before does not write the address back.
            Action.objects.filter(pk__in=ids).update(owner_email="", version=F("version") + 1)
            SentReminder.objects.filter(target__in=[f"action:{pk}" for pk in ids]).delete()
            _drop_unused_links(organisation, emails, excluding=Q(pk__in=[]))
            activity.record(
                organisation=organisation,
                actor=None,
                action=activity.Action.PERSONAL_DATA_REMOVED,
                subject=_("Action agenda"),
                detail=_("e-mail addresses of %(count)s action owners") % {"count": len(group)},
            )
    return len(actions)


@daily_job("owner_emails", order=22)
def daily_owner_emails(*, today: datetime.date, dry_run: bool) -> list[str]:
    """Daily job: remove owner e-mail addresses of actions done or dropped longer ago than the period."""
    due = actions_to_clear(today)
    lines = [
        f"{'would remove' if dry_run else 'removed'} owner e-mail address of action {a.pk} "
        f"(round “{a.round.title}”, {a.get_status_display()})"
        for a in due
    ]
    if not dry_run and due:
        with translation.override(settings.LANGUAGE_CODE):
            clear_owner_emails(due)
    return lines
