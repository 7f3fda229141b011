"""A participant's pages of the picture of the future, through their own link (also when they joined
by code): write short contributions per prompt, see the others' appear, give up to three dots."""

from http import HTTPStatus

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gesprekstool.rounds.respondent import link_problem, respondent_view

from . import services, wall
from .forms import ContributionForm, VoteForm
from .models import MAX_VOTES, Contribution, FuturePart, Prompt


def no_part(request):
    return link_problem(
        request,
        title=_("There is no picture of the future"),
        message=_("The facilitator has not added a picture of the future to this round."),
        status=HTTPStatus.NOT_FOUND,
    )


def not_found(request):
    return link_problem(
        request,
        title=_("This contribution is no longer there"),
        message=_("It may have been withdrawn. Go back to the question to see what is on the wall now."),
        status=HTTPStatus.NOT_FOUND,
    )


def too_early(request):
    """A part placed "after" the results, opened before the participant handed in: nothing is shown
    and nothing changes (409, as a refused service call). The page asks again every few seconds (an
    htmx poll of the page itself, or of the index after a refused POST), answered here with 204
    until the part opens; then the view answers with its page, which takes this one's place."""
    if request.htmx:
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    r = request.respondent
    poll_url = (
        request.get_full_path()
        if request.method == "GET"
        else reverse("futures_fill:index", kwargs={"key": r.key})
    )
    context = {"r": r, "round": r.round, "message": services.not_yet(), "poll_url": poll_url}
    return render(request, "futures/participant_waiting.html", context, status=HTTPStatus.CONFLICT)


def part_for(participant) -> FuturePart | None:
    return FuturePart.objects.filter(round=participant.round).first()


def prompt_for(participant, prompt_id: int) -> Prompt | None:
    return Prompt.objects.select_related("part").filter(pk=prompt_id, part__round=participant.round).first()


@respondent_view
def participant_index(request):
    r = request.respondent
    part = part_for(r.participant)
    if part is None:
        return no_part(request)
    if not part.reachable_by(r.participant):
        return too_early(request)
    prompts = list(part.prompts.all())
    labels = {t.code: t for t in r.round.instrument.themes}
    return render(
        request,
        "futures/participant_index.html",
        {
            "r": r,
            "round": r.round,
            "participant": r.participant,
            "part": part,
            "prompts": [(labels.get(p.theme), p) for p in prompts],
        },
    )


def prompt_context(r, prompt: Prompt, form=None) -> dict:
    items = wall.participant_items(prompt, r.participant)
    used = sum(1 for item in items if item["voted"])
    prompts = list(prompt.part.prompts.all())
    index = next(i for i, p in enumerate(prompts) if p.pk == prompt.pk)
    return {
        "r": r,
        "round": r.round,
        "participant": r.participant,
        "part": prompt.part,
        "prompt": prompt,
        "theme": next((t for t in r.round.instrument.themes if t.code == prompt.theme), None),
        "form": form or ContributionForm(),
        "items": items,
        "dots_left": MAX_VOTES - used,
        "max_votes": MAX_VOTES,
        "live_version": wall.live_version(prompt.part),
        "open": prompt.part.enabled and not r.round.is_closed,
        "previous": prompts[index - 1] if index > 0 else None,
        "next": prompts[index + 1] if index + 1 < len(prompts) else None,
    }


def refused(request, r, prompt: Prompt, *, message: str, status: int, form=None):
    context = prompt_context(r, prompt, form)
    context["error"] = message
    return render(request, "futures/participant_prompt.html", context, status=status)


@respondent_view
def participant_prompt(request, prompt_id: int):
    r = request.respondent
    prompt = prompt_for(r.participant, prompt_id)
    if prompt is None:
        return no_part(request)
    if not prompt.part.reachable_by(r.participant):
        return too_early(request)
    if request.method == "POST":
        form = ContributionForm(request.POST)
        if not form.is_valid():
            return refused(
                request,
                r,
                prompt,
                message=" ".join(form.errors["text"]),
                status=HTTPStatus.UNPROCESSABLE_ENTITY,
                form=form,
            )
        try:
            services.add_contribution(r.participant, prompt=prompt, text=form.cleaned_data["text"])
        except services.Refused as refusal:
            return refused(request, r, prompt, message=refusal.message, status=refusal.status, form=form)
        messages.success(request, _("Thank you. Your contribution is on the wall."))
        return redirect(r_url(r, prompt))
    return render(request, "futures/participant_prompt.html", prompt_context(r, prompt))


def r_url(r, prompt: Prompt) -> str:
    return reverse("futures_fill:prompt", kwargs={"key": r.key, "prompt_id": prompt.pk})


@respondent_view
def participant_live(request, prompt_id: int):
    """The list of contributions on a participant's page; 204 while nothing changed since `versie`."""
    r = request.respondent
    prompt = prompt_for(r.participant, prompt_id)
    if prompt is None:
        return no_part(request)
    if not prompt.part.reachable_by(r.participant):
        return too_early(request)
    if request.GET.get("versie") == wall.live_version(prompt.part):
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    return render(request, "futures/participant_prompt.html#items", prompt_context(r, prompt))


def contribution_for(participant, contribution_id: int) -> Contribution | None:
    return (
        Contribution.objects.select_related("prompt__part")
        .filter(pk=contribution_id, prompt__part__round=participant.round)
        .first()
    )


@respondent_view
@require_POST
def participant_vote(request, contribution_id: int):
    r = request.respondent
    contribution = contribution_for(r.participant, contribution_id)
    if contribution is None:
        return not_found(request)
    if not contribution.prompt.part.reachable_by(r.participant):
        return too_early(request)
    form = VoteForm(request.POST)
    form.is_valid()  # a single optional check box: always valid
    try:
        if form.cleaned_data.get("withdraw"):
            services.withdraw_vote(r.participant, contribution=contribution)
            messages.success(request, _("Your dot has been taken back."))
        else:
            services.vote(r.participant, contribution=contribution)
            messages.success(request, _("Your dot has been given."))
    except services.Refused as refusal:
        return refused(request, r, contribution.prompt, message=refusal.message, status=refusal.status)
    return redirect(f"{r_url(r, contribution.prompt)}#bijdrage-{contribution.pk}")


@respondent_view
@require_POST
def participant_withdraw(request, contribution_id: int):
    r = request.respondent
    contribution = contribution_for(r.participant, contribution_id)
    if contribution is None:
        return not_found(request)
    if not contribution.prompt.part.reachable_by(r.participant):
        return too_early(request)
    try:
        services.withdraw_contribution(r.participant, contribution=contribution)
    except services.Refused as refusal:
        return refused(request, r, contribution.prompt, message=refusal.message, status=refusal.status)
    messages.success(request, _("Your contribution has been withdrawn."))
    return redirect(r_url(r, contribution.prompt))
