"""Pages that belong to one organisation, reached by its slug (agenda's actions, monitoring's progress,
the local figures, the programmes a gemeente takes part in): opening one makes its organisation the
header's current one, and the pages without a slug go to the current organisation's page."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from . import current
from .models import Membership, Organisation


def organisation_for(request: HttpRequest, slug: str) -> tuple[Organisation, Membership]:
    """The organisation and the user's membership of it, which becomes the current organisation
    (see `current.follow`); 404 for an unknown slug and for non-members, and the current
    organisation stays as it was. Reads the memberships the header shows: no query of its own."""
    membership = next((m for m in current.memberships(request) if m.organisation.slug == slug), None)
    if membership is None:
        raise Http404
    current.follow(request, membership)
    return membership.organisation, membership


def current_organisation_page(request: HttpRequest, *, url_name: str, title: str) -> HttpResponse:
    """Straight to the page `url_name` of the header's current organisation; for a user who is
    not a member of any, a page titled `title` that says so."""
    membership = current.current_membership(request)
    if membership is None:
        return render(request, "organisations/no_organisation.html", {"title": title})
    return redirect(url_name, slug=membership.organisation.slug)
