"""Step 3 of a round: the action agenda, each action's progress, the follow-up agreement,
the calendar, the review of carried-over actions, and repeating the round."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gesprekstool.lib.views import form_status
from gesprekstool.organisations.access import require_manager
from gesprekstool.rounds import log
from gesprekstool.rounds.access import get_round

from . import services
from .forms import (
    ActionEditForm,
    ActionForm,
    AgreementForm,
    CalendarFeedForm,
    OwnerLinkForm,
    ProgressForm,
    RepeatForm,
)
from .ics import round_calendar
from .models import Action, Agreement, CalendarFeed


def agenda_context(round_, membership, *, action_form=None, agreement_form=None) -> dict:
    agreement = Agreement.objects.filter(round=round_).first() or Agreement(round=round_)
    actions = list(
        round_.actions.select_related("owner", "carried_from__round").prefetch_related("carried_to__round")
    )
    return {
        "round": round_,
        "membership": membership,
        "themes": [(t, [a for a in actions if a.theme == t.code]) for t in round_.instrument.themes],
        "action_form": action_form or ActionForm(round=round_),
        "agreement_form": agreement_form or AgreementForm(instance=agreement),
        "agreement": agreement,
        "feed": CalendarFeed.objects.filter(round=round_).first(),
    }


def warn_if_past(request, action: Action) -> None:
    """A date in the past is allowed (an agenda is sometimes written up afterwards), but said."""
    if action.is_overdue:
        messages.warning(
            request,
            _("The date %(date)s has already passed, so the action is marked as overdue.")
            % {"date": action.due_on.strftime("%d-%m-%Y")},
        )


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
        action = services.add_action(round_, **form.cleaned_data)
        messages.success(request, _("The action has been added."))
        warn_if_past(request, action)
        return redirect(f"{reverse('agenda:edit', kwargs={'pk': round_.pk})}#thema-{action.theme}")
    return render(
        request,
        "agenda/agenda_edit.html",
        agenda_context(round_, membership, action_form=form),
        status=HTTPStatus.UNPROCESSABLE_ENTITY,
    )


def action_of(round_, action_id: int) -> Action:
    return get_object_or_404(
        round_.actions.select_related("owner", "round", "carried_from__round"), pk=action_id
    )


@login_required
def action_detail(request, pk: int, action_id: int):
    """One action: its details and status, the progress log, and the owner's personal link.
    A save made on an outdated version is refused with 409; the form keeps what was typed."""
    round_, membership = get_round(request, pk, manage=request.method == "POST")
    action = action_of(round_, action_id)
    form = ActionEditForm(instance=action_of(round_, action_id), round=round_)
    conflict, status = None, 200
    if request.method == "POST":
        form = ActionEditForm(request.POST, instance=action_of(round_, action_id), round=round_)
        if form.is_valid():
            try:
                updated = services.update_action(
                    action,
                    expected_version=form.cleaned_data["version"],
                    changes={name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS},
                    note=form.cleaned_data["note"],
                    author=request.user,
                )
            except services.ActionConflict as exc:
                conflict = action = exc.current
                data = form.with_version(conflict.version)
                form = ActionEditForm(data, instance=action_of(round_, action_id), round=round_)
                status = HTTPStatus.CONFLICT
            else:
                messages.success(request, _("The action has been saved."))
                if updated.due_on != action.due_on:
                    warn_if_past(request, updated)
                return redirect("agenda:action", pk=round_.pk, action_id=action.pk)
        else:
            status = HTTPStatus.UNPROCESSABLE_ENTITY
    return render(
        request,
        "agenda/action_detail.html",
        {
            "round": round_,
            "membership": membership,
            "action": action,
            "form": form,
            "conflict": conflict,
            "notes": list(action.notes.select_related("author")),
            "earlier_notes": list(action.carried_from.notes.all()) if action.carried_from_id else [],
            "link": services.active_owner_link(round_.organisation, action.email) if action.email else None,
        },
        status=status,
    )


@login_required
@require_POST
def action_delete(request, pk: int, action_id: int):
    round_, membership = get_round(request, pk, manage=True)
    services.remove_action(get_object_or_404(round_.actions, pk=action_id))
    messages.success(request, _("The action has been removed."))
    return redirect("agenda:edit", pk=round_.pk)


@login_required
@require_POST
def owner_link(request, pk: int, action_id: int):
    """Make a new personal link for the action's owner, or revoke their links."""
    round_, membership = get_round(request, pk, manage=True)
    action = action_of(round_, action_id)
    if not action.email:
        messages.error(request, _("Add an e-mail address for the owner first."))
    elif OwnerLinkForm.read(request.POST)["revoke"]:
        services.revoke_owner_links(round_.organisation, email=action.email)
        messages.success(request, _("The personal link of %(name)s no longer works.") % {"name": action.who})
    else:
        services.renew_owner_link(round_.organisation, email=action.email, name=action.who)
        messages.success(
            request,
            _("%(name)s has a new personal link. Earlier links no longer work.") % {"name": action.who},
        )
    return redirect(f"{reverse('agenda:action', kwargs={'pk': round_.pk, 'action_id': action.pk})}#link")


@login_required
@require_POST
def agreement_save(request, pk: int):
    round_, membership = get_round(request, pk)
    require_manager(membership)
    agreement = Agreement.objects.filter(round=round_).first() or Agreement(round=round_)
    form = AgreementForm(request.POST, instance=agreement)
    if form.is_valid():
        services.save_agreement(round_, **form.cleaned_data)
        messages.success(request, _("The agreements have been saved."))
        return redirect("agenda:edit", pk=round_.pk)
    return render(
        request,
        "agenda/agenda_edit.html",
        agenda_context(round_, membership, agreement_form=form),
        status=HTTPStatus.UNPROCESSABLE_ENTITY,
    )


# --- Calendar ---------------------------------------------------------------------------------------------


def ics_response(round_, *, download: bool) -> HttpResponse:
    response = HttpResponse(round_calendar(round_), content_type="text/calendar; charset=utf-8")
    if download:
        response["Content-Disposition"] = f'attachment; filename="gesprekstool-ronde-{round_.pk}.ics"'
    return response


@login_required
def round_ics(request, pk: int):
    round_, _membership = get_round(request, pk)
    log.record(round_, actor=request.user, action=log.Action.ROUND_EXPORTED, detail="ics")
    return ics_response(round_, download=True)


@login_required
@require_POST
def calendar_feed_manage(request, pk: int):
    """Create or replace the subscription address, or stop it."""
    round_, _membership = get_round(request, pk, manage=True)
    if CalendarFeedForm.read(request.POST)["remove"]:
        services.remove_calendar_feed(round_)
        messages.success(request, _("The calendar subscription address no longer works."))
    else:
        services.renew_calendar_feed(round_)
        messages.success(
            request, _("There is a new calendar subscription address. An earlier one no longer works.")
        )
    return redirect(f"{reverse('agenda:edit', kwargs={'pk': round_.pk})}#agenda-abonnement")


# --- Repeating a round and looking back ------------------------------------------------------------------


@login_required
def round_repeat(request, pk: int):
    """ "Herhaal deze ronde": choose who takes part again and which actions come along."""
    round_, membership = get_round(request, pk, manage=True)
    form = RepeatForm(
        request.POST or None,
        previous=round_,
        initial={
            "title": _("%(title)s (repeat)") % {"title": round_.title},
            "held_on": timezone.localdate(),
        },
    )
    if request.method == "POST" and form.is_valid():
        new = services.repeat_round(
            round_,
            title=form.cleaned_data["title"],
            held_on=form.cleaned_data["held_on"],
            participants=form.cleaned_data.get("participants", []),
            actions=form.cleaned_data["actions"],
            created_by=request.user,
        )
        messages.success(
            request, _("The new round has been created. Everyone in it has a new personal link.")
        )
        if form.cleaned_data["actions"]:
            return redirect("agenda:review", pk=new.pk)
        return redirect("rounds:detail", pk=new.pk)
    return render(
        request,
        "agenda/round_repeat.html",
        {
            "round": round_,
            "membership": membership,
            "form": form,
            "repeats": list(round_.repeats.order_by("held_on", "pk")),
        },
        status=form_status(form),
    )


def review_rows(actions, data=None) -> list[dict]:
    return [{"action": a, "form": ProgressForm(data, action=a), "conflict": None} for a in actions]


@login_required
def round_review(request, pk: int):
    """The opening of a repeated round: what became of each carried-over action? The group gives
    each one a status and a note. Rows that conflict with someone else's save are shown again
    (409) with both versions; the other rows are saved."""
    round_, membership = get_round(request, pk, manage=request.method == "POST")
    if round_.previous_id is None:
        raise Http404

    def carried():
        return list(
            round_.actions.filter(carried_from__isnull=False)
            .select_related("owner", "carried_from__round")
            .prefetch_related("notes")
            .order_by("theme", "pk")
        )

    rows = review_rows(carried())
    status = HTTPStatus.OK
    if request.method == "POST":
        rows = review_rows([row["action"] for row in rows], request.POST)
        problems = False
        for row in rows:
            form, action = row["form"], row["action"]
            if not form.is_valid():
                problems = True
                continue
            try:
                services.review_action(
                    action,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                    expected_version=form.cleaned_data["version"],
                    author=request.user,
                )
                row["saved"] = True
            except services.ActionConflict as exc:
                row["conflict"] = exc.current
                problems = True
        if not problems:
            messages.success(request, _("The review has been saved."))
            return redirect("agenda:review", pk=round_.pk)
        # Saved rows start again from what is stored; the others keep what was typed.
        fresh = {a.pk: a for a in carried()}
        for row in rows:
            row["action"] = fresh[row["action"].pk]
            if row.get("saved"):
                row["form"] = ProgressForm(action=row["action"])
            elif row["conflict"] is not None:
                data = row["form"].with_version(row["conflict"].version)
                row["form"] = ProgressForm(data, action=row["action"])
        status = (
            HTTPStatus.CONFLICT if any(row["conflict"] for row in rows) else HTTPStatus.UNPROCESSABLE_ENTITY
        )
    return render(
        request,
        "agenda/round_review.html",
        {
            "round": round_,
            "membership": membership,
            "rows": rows,
            "reviewed": sum(1 for row in rows if row["action"].reviewed_at),
        },
        status=status,
    )
