"""Step 3: the action agenda and the follow-up agreement of a round."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gesprekstool.organisations.access import require_manager
from gesprekstool.rounds.views import get_round

from .forms import ActionForm, AgreementForm
from .models import Agreement


def agenda_context(round_, membership, *, action_form=None, agreement_form=None) -> dict:
    agreement = Agreement.objects.filter(round=round_).first() or Agreement(round=round_)
    actions = list(round_.actions.select_related("owner"))
    return {
        "round": round_,
        "membership": membership,
        "themes": [(t, [a for a in actions if a.theme == t.code]) for t in round_.instrument.themes],
        "action_form": action_form or ActionForm(round=round_),
        "agreement_form": agreement_form or AgreementForm(instance=agreement),
        "agreement": agreement,
    }


@login_required
def agenda_edit(request, pk: int):
    round_, membership = get_round(request, pk)
    return render(request, "agenda/agenda_edit.html", agenda_context(round_, membership))


@login_required
@require_POST
def action_add(request, pk: int):
    round_, membership = get_round(request, pk, manage=True)
    form = ActionForm(request.POST, round=round_)
    if form.is_valid():
        action = form.save(commit=False)
        action.round = round_
        action.save()
        messages.success(request, _("The action has been added."))
        return redirect(f"{reverse('agenda:edit', kwargs={'pk': round_.pk})}#thema-{action.theme}")
    return render(
        request, "agenda/agenda_edit.html", agenda_context(round_, membership, action_form=form), status=422
    )


@login_required
@require_POST
def action_delete(request, pk: int, action_id: int):
    round_, membership = get_round(request, pk, manage=True)
    action = get_object_or_404(round_.actions, pk=action_id)
    action.delete()
    messages.success(request, _("The action has been removed."))
    return redirect("agenda:edit", pk=round_.pk)


@login_required
@require_POST
def agreement_save(request, pk: int):
    round_, membership = get_round(request, pk)
    require_manager(membership)
    agreement = Agreement.objects.filter(round=round_).first() or Agreement(round=round_)
    form = AgreementForm(request.POST, instance=agreement)
    if form.is_valid():
        form.save()
        messages.success(request, _("The agreements have been saved."))
        return redirect("agenda:edit", pk=round_.pk)
    return render(
        request,
        "agenda/agenda_edit.html",
        agenda_context(round_, membership, agreement_form=form),
        status=422,
    )
