"""Who may see and change a round: the one access check every round page goes through,
in `rounds` and in the apps built on it (agenda, reports, ...)."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from gesprekstool.organisations.access import membership_for, require_manager
from gesprekstool.organisations.models import Membership

from .models import Round


def get_round(request: HttpRequest, pk: int, *, manage: bool = False) -> tuple[Round, Membership]:
    """The round and the user's membership of its organisation: 404 when the user is not a member
    (so nothing leaks), 403 when `manage` is asked and the membership is a reader's."""
    round_ = get_object_or_404(Round.objects.select_related("organisation"), pk=pk)
    membership = membership_for(request.user, round_.organisation_id)
    if manage:
        require_manager(membership)
    return round_, membership
