"""An organisation's activity log ("Logboek") and its retention periods; for facilitators only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gesprekstool.lib.forms import page_number
from gesprekstool.lib.views import form_status

from . import activity, retention
from .access import membership_for, require_manager
from .forms import RetentionForm
from .models import Membership, Organisation

PAGE_SIZE = 50


def manager_membership(request, slug: str) -> Membership:
    """The user's facilitator membership of the organisation: 404 for non-members, 403 for readers."""
    organisation = get_object_or_404(Organisation, slug=slug)
    membership = membership_for(request.user, organisation.pk)
    require_manager(membership)
    membership.organisation = organisation
    return membership


@login_required
def activity_log(request, slug: str):
    membership = manager_membership(request, slug)
    organisation = membership.organisation
    entries = Paginator(activity.entries_for(organisation), PAGE_SIZE).get_page(page_number(request.GET))
    return render(
        request,
        "organisations/activity_log.html",
        {"organisation": organisation, "entries": entries, "keep_days": activity.keep_days()},
    )


@login_required
def retention_settings(request, slug: str):
    membership = manager_membership(request, slug)
    organisation = membership.organisation
    form = RetentionForm(request.POST or None, instance=organisation)
    if request.method == "POST":
        if form.is_valid():
            retention.change_retention(organisation, by=request.user, **form.cleaned_data)
            messages.success(request, _("The retention periods have been saved."))
            return redirect("organisation_privacy:retention", slug=organisation.slug)
    return render(
        request,
        "organisations/retention_settings.html",
        {"organisation": organisation, "form": form},
        status=form_status(form),
    )
