"""A participant's pages of the picture of the future, through their own link (also when they joined
by code): write short contributions per prompt, see the others' appear, give up to three dots."""

from functools import wraps
from http import HTTPStatus

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gesprekstool.rounds.respondent import link_problem, respondent_view

from . import services, wall
from .forms import ContributionForm, VoteForm
from .models import MAX_VOTES, Contribution, FuturePart, Prompt

# What is not there (404): the part, or a contribution (withdrawn, or of another round).
MISSING = {
    "part": (
        gettext_lazy("There is no picture of the future"),
        gettext_lazy("The facilitator has not added a picture of the future to this round."),
    ),
    "contribution": (
        gettext_lazy("This contribution is no longer there"),
        gettext_lazy("It may have been withdrawn. Go back to the question to see what is on the wall now."),
    ),
}


def stop_page(request, part: FuturePart | None, *, missing: str = "part") -> HttpResponse | None:
    """The page that stops a participant: 404 when the part (or what `missing` names) is not there,
    the waiting page when the part is not open to them yet; None when they may go on."""
    if part is None:
        title, message = MISSING[missing]
        return link_problem(request, title=title, message=message, status=HTTPStatus.NOT_FOUND)
    if not part.reachable_by(request.respondent.participant):
        return too_early(request)
    return None


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


def with_prompt(view):
    """Decorator (under `respondent_view`): the prompt of `prompt_id` in the participant's round,
    once they may reach the part; else the page that stops them."""

    @wraps(view)
    def wrapper(request, prompt_id: int):
        prompt = prompt_for(request.respondent.participant, prompt_id)
        if stop := stop_page(request, prompt and prompt.part):
            return stop
        return view(request, prompt)

    return wrapper


def with_contribution(view):
    """Decorator (under `respondent_view`): the contribution of `contribution_id` in the
    participant's round, once they may reach the part; else the page that stops them."""

    @wraps(view)
    def wrapper(request, contribution_id: int):
        contribution = contribution_for(request.respondent.participant, contribution_id)
        if stop := stop_page(request, contribution and contribution.prompt.part, missing="contribution"):
            return stop
        return view(request, contribution)

    return wrapper


def part_for(participant) -> FuturePart | None:
    return FuturePart.objects.filter(round=participant.round).first()


def prompt_for(participant, prompt_id: int) -> Prompt | None:
    return Prompt.objects.select_related("part").filter(pk=prompt_id, part__round=participant.round).first()


@respondent_view
def participant_index(request):
    r = request.respondent
    part = part_for(r.participant)
    if stop := stop_page(request, part):
        return stop
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
@with_prompt
def participant_prompt(request, prompt: Prompt):
    r = request.respondent
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
@with_prompt
def participant_live(request, prompt: Prompt):
    """The list of contributions on a participant's page; 204 while nothing changed since `versie`."""
    r = request.respondent
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
@with_contribution
def participant_vote(request, contribution: Contribution):
    r = request.respondent
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
@with_contribution
def participant_withdraw(request, contribution: Contribution):
    r = request.respondent
    try:
        services.withdraw_contribution(r.participant, contribution=contribution)
    except services.Refused as refusal:
        return refused(request, r, contribution.prompt, message=refusal.message, status=refusal.status)
    messages.success(request, _("Your contribution has been withdrawn."))
    return redirect(r_url(r, contribution.prompt))
