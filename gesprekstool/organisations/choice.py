"""Pages that belong to one organisation, reached by its slug: the organisation and the user's
membership, and the chooser for users who are a member of several (agenda's actions, monitoring)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .access import membership_for
from .models import Membership, Organisation


def organisation_for(request: HttpRequest, slug: str) -> tuple[Organisation, Membership]:
    """The organisation and the user's membership of it; 404 for an unknown slug and for non-members."""
    organisation = get_object_or_404(Organisation, slug=slug)
    return organisation, membership_for(request.user, organisation.pk)


def choose_organisation(request: HttpRequest, *, url_name: str, title: str) -> HttpResponse:
    """With one organisation go straight to its page (`url_name` with its slug); with several,
    let the user choose."""
    memberships = list(Membership.objects.for_user(request.user).select_related("organisation"))
    if len(memberships) == 1:
        return redirect(url_name, slug=memberships[0].organisation.slug)
    return render(
        request,
        "organisations/organisation_choice.html",
        {"memberships": memberships, "url_name": url_name, "title": title},
    )
