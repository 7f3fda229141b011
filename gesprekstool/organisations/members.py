"""Changing who is in a team: a member's role, and taking a member out. The last facilitator of an
organisation can neither become a reader nor be removed, so somebody can always manage the team;
the facilitators are locked first, so two requests at once cannot both take away the last one."""

from django.db import transaction
from django.utils.translation import gettext as _

from . import activity
from .models import Membership
from .services import TeamError, user_label


def _lock(membership: Membership) -> tuple[Membership, bool]:
    """The membership, locked and fresh, and whether it is the organisation's only facilitator."""
    facilitators = list(
        Membership.objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role=Membership.Role.FACILITATOR)
        .order_by("pk")
    )
    membership = (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "organisation")
        .get(pk=membership.pk)
    )
    only_facilitator = membership.role == Membership.Role.FACILITATOR and [m.pk for m in facilitators] == [
        membership.pk
    ]
    return membership, only_facilitator


def _last_facilitator_error(membership: Membership) -> TeamError:
    return TeamError(
        _(
            "%(name)s is the only facilitator of %(organisation)s. Make someone else facilitator first, "
            "so that somebody can still manage the team."
        )
        % {"name": user_label(membership.user), "organisation": membership.organisation.name}
    )


@transaction.atomic
def change_role(*, membership: Membership, role: str, actor) -> Membership:
    """Give a member another role. The last facilitator cannot become a reader.

    Side effect: ROLE_CHANGED in the log (nothing when the role stays the same).
    """
    if role not in Membership.Role.values:
        raise TeamError(_("Choose a role."))
    membership, only_facilitator = _lock(membership)
    if membership.role == role:
        return membership
    if only_facilitator:
        raise _last_facilitator_error(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    activity.record(
        organisation=membership.organisation,
        actor=actor,
        action=activity.Action.ROLE_CHANGED,
        subject=user_label(membership.user),
        detail=membership.get_role_display(),
    )
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, actor) -> None:
    """Take a member out of the organisation; their account stays (they may be in other teams).

    The last facilitator cannot be removed. Side effect: MEMBER_REMOVED in the log.
    """
    membership, only_facilitator = _lock(membership)
    if only_facilitator:
        raise _last_facilitator_error(membership)
    name = user_label(membership.user)
    organisation = membership.organisation
    membership.delete()
    activity.record(
        organisation=organisation, actor=actor, action=activity.Action.MEMBER_REMOVED, subject=name
    )
