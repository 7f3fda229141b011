"""Who may see and change what. Every facilitator view goes through these helpers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Membership, Organisation


def organisations_for(user) -> list[Organisation]:
    return [m.organisation for m in Membership.objects.for_user(user).select_related("organisation")]


def membership_for(user, organisation_id: int) -> Membership:
    """The user's membership of an organisation; 404 when there is none, so that
    the existence of other organisations' rounds is not revealed."""
    membership = Membership.objects.for_user(user).filter(organisation_id=organisation_id).first()
    if membership is None:
        raise Http404
    return membership


def require_manager(membership: Membership) -> None:
    if not membership.can_manage:
        raise PermissionDenied
