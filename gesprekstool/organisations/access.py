"""Who may see and change what. Every facilitator view goes through these helpers."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Membership, Organisation

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


def organisations_for(user: "AbstractBaseUser | AnonymousUser") -> list[Organisation]:
    return [m.organisation for m in Membership.objects.for_user(user).select_related("organisation")]


def membership_for(user: "AbstractBaseUser | AnonymousUser", organisation_id: int) -> Membership:
    """The user's membership of an organisation; 404 when there is none, so that
    the existence of other organisations' rounds is not revealed."""
    membership = Membership.objects.for_user(user).filter(organisation_id=organisation_id).first()
    if membership is None:
        raise Http404
    return membership


def require_manager(membership: Membership) -> None:
    if not membership.can_manage:
        raise PermissionDenied
