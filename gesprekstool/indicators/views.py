"""An organisation's local figures (import, enter, change, delete) and the few a round shows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gesprekstool.lib.views import form_status
from gesprekstool.organisations.access import require_manager
from gesprekstool.organisations.choice import organisation_for
from gesprekstool.organisations.models import Membership, Organisation
from gesprekstool.rounds.access import get_round

from . import services
from .forms import ImportForm, IndicatorForm, RoundIndicatorsForm
from .models import Indicator, RoundIndicator


def organisation_membership(request, slug: str, *, manage: bool = False) -> Membership:
    """The user's membership of the organisation (with it loaded): 404 for non-members, 403 for a
    reader when `manage` is asked."""
    _organisation, membership = organisation_for(request, slug)
    if manage:
        require_manager(membership)
    return membership


def get_indicator(organisation: Organisation, indicator_id: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("organisation"), pk=indicator_id, organisation=organisation
    )


def render_list(request, membership: Membership, *, import_form: ImportForm | None = None):
    organisation = membership.organisation
    import_form = import_form or ImportForm()
    return render(
        request,
        "indicators/indicator_list.html",
        {
            "organisation": organisation,
            "membership": membership,
            "indicators": list(organisation.indicators.all()),
            "import_form": import_form,
        },
        status=form_status(import_form),
    )


@login_required
def indicator_list(request, slug: str):
    return render_list(request, organisation_membership(request, slug))


@login_required
@require_POST
def indicator_import(request, slug: str):
    membership = organisation_membership(request, slug, manage=True)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render_list(request, membership, import_form=form)
    imported = services.import_indicators(
        organisation=membership.organisation, rows=form.rows, by=request.user
    )
    messages.success(
        request,
        _("The file has been imported: %(created)s new figures, %(updated)s figures updated.")
        % {"created": imported.created, "updated": imported.updated},
    )
    return redirect("indicators:list", slug=slug)


def save_form(request, membership: Membership, indicator: Indicator | None):
    form = IndicatorForm(request.POST or None, instance=indicator, organisation=membership.organisation)
    if request.method == "POST" and form.is_valid():
        services.save_indicator(
            organisation=membership.organisation,
            indicator=indicator,
            by=request.user,
            **{name: form.cleaned_data[name] for name in form.Meta.fields},
        )
        messages.success(request, _("The figure has been saved."))
        return redirect("indicators:list", slug=membership.organisation.slug)
    return render(
        request,
        "indicators/indicator_form.html",
        {"organisation": membership.organisation, "form": form, "indicator": indicator},
        status=form_status(form),
    )


@login_required
def indicator_create(request, slug: str):
    return save_form(request, organisation_membership(request, slug, manage=True), None)


@login_required
def indicator_edit(request, slug: str, indicator_id: int):
    membership = organisation_membership(request, slug, manage=True)
    return save_form(request, membership, get_indicator(membership.organisation, indicator_id))


@login_required
@require_POST
def indicator_delete(request, slug: str, indicator_id: int):
    membership = organisation_membership(request, slug, manage=True)
    services.delete_indicator(indicator=get_indicator(membership.organisation, indicator_id), by=request.user)
    messages.success(request, _("The figure has been deleted."))
    return redirect("indicators:list", slug=slug)


@login_required
def round_indicators(request, pk: int):
    """Choose the round's figures (facilitators); readers see which are chosen."""
    round_, membership = get_round(request, pk, manage=request.method == "POST")
    chosen = {c.indicator_id: c.themes for c in RoundIndicator.objects.filter(round=round_)}
    indicators = list(Indicator.objects.filter(organisation_id=round_.organisation_id))
    form = RoundIndicatorsForm(
        request.POST or None, indicators=indicators, themes=round_.instrument.themes, chosen=chosen
    )
    if request.method == "POST":
        if form.is_valid():
            services.choose_for_round(round_=round_, themes_by_indicator=form.chosen, by=request.user)
            messages.success(request, _("The figures for this round have been saved."))
            return redirect("rounds:results", pk=round_.pk)
    return render(
        request,
        "indicators/round_indicators.html",
        {
            "round": round_,
            "membership": membership,
            "form": form,
            "themes": round_.instrument.themes,
            "chosen": [i for i in indicators if i.pk in chosen],
            "chosen_themes": chosen,
        },
        status=form_status(form),
    )
