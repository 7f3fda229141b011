"""The organisation a user is working in right now: one of their memberships, chosen in the header.

The choice lives in the session; without one (or when the membership is gone) it is the first
organisation by name. Pages that show one organisation's things follow it, and opening a page of
one organisation (its actions, progress, figures, programmes) makes that organisation the current one.
"""

from .models import Membership

SESSION_KEY = "current_organisation"


def memberships(request) -> list[Membership]:
    """The user's memberships with their organisations, by organisation name; one query per request."""
    if not hasattr(request, "_memberships"):
        request._memberships = list(
            Membership.objects.for_user(request.user)
            .select_related("organisation")
            .order_by("organisation__name")
        )
    return request._memberships


def current_membership(request) -> Membership | None:
    mine = memberships(request)
    chosen = request.session.get(SESSION_KEY)
    return next((m for m in mine if m.organisation_id == chosen), mine[0] if mine else None)


def choose(request, organisation_id: int) -> Membership | None:
    """Make one of the user's organisations the current one; None when they are not a member."""
    membership = next((m for m in memberships(request) if m.organisation_id == organisation_id), None)
    if membership is not None:
        request.session[SESSION_KEY] = organisation_id
    return membership


def follow(request, membership: Membership) -> None:
    """Make the organisation of a page the user opened the current one. Writes the session (one
    query more) only when the current organisation changes."""
    if current_membership(request) != membership:
        request.session[SESSION_KEY] = membership.organisation_id
