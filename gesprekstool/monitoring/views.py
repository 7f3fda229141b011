"""An organisation's progress over the years: scores, step-2 answers and actions, round after round."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from gesprekstool.organisations.choice import current_organisation_page, organisation_for

from .progress import organisation_progress


@login_required
def progress_home(request):
    return current_organisation_page(request, url_name="monitoring:progress", title=_("Progress"))


@login_required
def progress_view(request, slug: str):
    organisation, membership = organisation_for(request, slug)
    return render(
        request,
        "monitoring/progress.html",
        {
            "organisation": organisation,
            "membership": membership,
            "progress": organisation_progress(organisation),
        },
    )
