"""A round's lines in its organisation's activity log: the one way every app writes one, so each
names the round the same way (by its title)."""

from gesprekstool.organisations import activity
from gesprekstool.organisations.models import ActivityEntry

from .models import Round

Action = activity.Action


def record(round_: Round, *, actor, action: str, detail: str = "") -> ActivityEntry:
    """Side effect: one line in the activity log of the round's organisation about `round_`.
    `actor` is the user who did it, or None for the system; `detail` never a token or an answer."""
    return activity.record(
        organisation=round_.organisation, actor=actor, action=action, subject=round_.title, detail=detail
    )
