"""Changing an organisation's retention periods (what is removed when: rounds/retention.py and
agenda/retention.py do the removing)."""

from django.db import transaction
from django.utils.translation import gettext as _

from . import activity
from .models import Organisation

FIELDS = ("participant_data_days", "round_delete_days", "owner_email_days")


def change_retention(
    organisation: Organisation,
    *,
    participant_data_days: int | None,
    round_delete_days: int | None,
    owner_email_days: int,
    by,
) -> bool:
    """Set the organisation's three retention periods (None: never, for the two that may be). Returns whether any changed.

    Side effects, only when something changed: the organisation is saved, and one RETENTION_CHANGED
    line in the activity log says what changed ("names 90 → 60 days")."""
    # From the database: a ModelForm's validation has already put the new values on the instance.
    before = Organisation.objects.filter(pk=organisation.pk).values(*FIELDS).get()
    after = {
        "participant_data_days": participant_data_days,
        "round_delete_days": round_delete_days,
        "owner_email_days": owner_email_days,
    }
    if before == after:
        return False
    for name, value in after.items():
        setattr(organisation, name, value)
    with transaction.atomic():
        organisation.save(update_fields=list(FIELDS))
        activity.record(
            organisation=organisation,
            actor=by,
            action=activity.Action.RETENTION_CHANGED,
            subject=organisation.name,
            detail=describe_change(before, after),
        )
    return True


def describe_change(before: dict, after: dict) -> str:
    """ "names 90 → 60 days; rounds never → 365 days" for the log."""
    labels = {
        "participant_data_days": _("names"),
        "round_delete_days": _("rounds"),
        "owner_email_days": _("owner e-mail addresses"),
    }
    parts = []
    for name, label in labels.items():
        old, new = before.get(name), after.get(name)
        if old != new:
            parts.append(
                _("%(what)s %(old)s → %(new)s days")
                % {
                    "what": label,
                    "old": _("never") if old is None else old,
                    "new": _("never") if new is None else new,
                }
            )
    return "; ".join(parts)
