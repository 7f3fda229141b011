"""The facilitator's pages: setting up the picture of the future, and the live wall on the presenter
with hiding, merging, headings and "into step 3"."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gesprekstool.rounds.access import get_round

from . import services, wall
from .forms import ContributionForm, HeadingForm, HideForm, MergeForm, PartForm, ToActionForm
from .models import Contribution, FuturePart, Prompt


def part_of(round_) -> FuturePart | None:
    return FuturePart.objects.filter(round=round_).first()


@login_required
def part_setup(request, pk: int):
    round_, membership = get_round(request, pk, manage=True)
    part = part_of(round_)
    form = PartForm(request.POST or None, round=round_, part=part)
    status = HTTPStatus.OK
    if request.method == "POST":
        if form.is_valid():
            services.save_part(
                round_,
                prompts=form.prompts(),
                experiences_question=form.cleaned_data["experiences"].strip(),
                mode=form.cleaned_data["mode"],
                position=form.cleaned_data["position"],
                anonymous=form.cleaned_data["anonymous"],
                enabled=form.cleaned_data["enabled"],
            )
            messages.success(request, _("The picture of the future has been saved."))
            return redirect("futures:setup", pk=round_.pk)
        status = HTTPStatus.UNPROCESSABLE_ENTITY
    context = {"round": round_, "membership": membership, "part": part, "form": form}
    return render(request, "futures/part_setup.html", context, status=status)


@login_required
@require_POST
def part_remove(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    part = get_object_or_404(FuturePart, round=round_)
    services.remove_part(part)
    messages.success(request, _("The picture of the future has been removed from this round."))
    return redirect("futures:setup", pk=round_.pk)


def wall_context(
    round_, membership, theme: str, *, part: FuturePart | None = None, version: str = ""
) -> dict:
    """Everything the wall shows for one theme (or the part's first theme). Reads a fixed number of
    queries, whatever the number of contributions, dots and participants."""
    part = part or part_of(round_)
    context = {"round": round_, "membership": membership, "part": part, "theme": None}
    if part is None:
        return context
    prompts = list(part.prompts.all())
    codes = wall.theme_codes(part, prompts)
    if theme and theme not in codes:
        theme = ""
    theme = theme or (codes[0] if codes else "")
    labels = {t.code: t for t in round_.instrument.themes}
    index = codes.index(theme) if theme else 0
    context.update(
        theme=labels.get(theme),
        themes=[labels[c] for c in codes if c in labels],
        walls=wall.prompt_walls([p for p in prompts if p.theme == theme]),
        previous=codes[index - 1] if theme and index > 0 else "",
        next=codes[index + 1] if theme and index + 1 < len(codes) else "",
        live_version=version or wall.live_version(part),
    )
    return context


@login_required
def wall_view(request, pk: int):
    round_, membership = get_round(request, pk)
    return render(
        request, "futures/wall.html", wall_context(round_, membership, request.GET.get("thema", "")[:2])
    )


@login_required
def wall_live(request, pk: int):
    """The part of the wall that updates itself; 204 while nothing changed since `versie`."""
    round_, membership = get_round(request, pk)
    part = get_object_or_404(FuturePart, round=round_)
    version = wall.live_version(part)
    if request.GET.get("versie") == version:
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    context = wall_context(round_, membership, request.GET.get("thema", "")[:2], part=part, version=version)
    return render(request, "futures/wall.html#live", context)


def managed_contribution(request, pk: int, contribution_id: int) -> tuple:
    round_, membership = get_round(request, pk, manage=True)
    contribution = get_object_or_404(
        Contribution.objects.select_related("prompt__part__round__organisation"),
        pk=contribution_id,
        prompt__part__round=round_,
    )
    return round_, membership, contribution


def back_to_wall(contribution: Contribution):
    url = reverse("futures:wall", kwargs={"pk": contribution.prompt.part.round_id})
    return redirect(f"{url}?thema={contribution.prompt.theme}#bijdrage-{contribution.pk}")


def refused_on_wall(request, round_, membership, theme: str, refusal: services.Refused):
    """The wall again, with what went wrong, answered with a 4xx; nothing was saved."""
    context = wall_context(round_, membership, theme)
    context["error"] = refusal.message
    return render(request, "futures/wall.html", context, status=refusal.status)


def checked(form, invalid: str = "") -> dict:
    """The form's cleaned data; services.Refused (422) with `invalid`, or the form's own messages,
    when it is not valid."""
    if not form.is_valid():
        message = invalid or " ".join(" ".join(errors) for errors in form.errors.values())
        raise services.Refused(message, status=HTTPStatus.UNPROCESSABLE_ENTITY)
    return form.cleaned_data


@login_required
@require_POST
def contribution_hide(request, pk: int, contribution_id: int):
    round_, _membership, contribution = managed_contribution(request, pk, contribution_id)
    form = HideForm(request.POST)
    form.is_valid()  # a single optional check box: always valid
    if form.cleaned_data.get("show"):
        services.show_contribution(contribution, by=request.user)
        messages.success(request, _("The contribution is shown again."))
    else:
        services.hide_contribution(contribution, by=request.user)
        messages.success(request, _("The contribution is hidden. Participants no longer see it."))
    return back_to_wall(contribution)


def merge(request, contribution: Contribution) -> Contribution:
    data = checked(
        MergeForm(request.POST, contribution=contribution), _("Choose the contribution to merge with.")
    )
    services.merge_contributions(keep=data["into"], merged=contribution)
    messages.success(request, _("The contributions have been merged; the dots were counted once."))
    return data["into"]


def heading(request, contribution: Contribution) -> Contribution:
    services.set_heading(contribution, heading=checked(HeadingForm(request.POST))["heading"])
    messages.success(request, _("The heading has been saved."))
    return contribution


def to_action(request, contribution: Contribution) -> Contribution:
    data = checked(ToActionForm(request.POST), _("The proposed owner has at most 200 characters."))
    services.contribution_to_action(contribution, owner_name=data["owner_name"])
    messages.success(request, _("The contribution is now an action on the action agenda (step 3)."))
    return contribution


# What the facilitator can do to one contribution on the wall (the URL names merge, heading and
# to_action pass `change`): each reads its form, calls the service and says what it did; it
# returns the contribution the wall then shows.
CHANGES = {"merge": merge, "heading": heading, "to_action": to_action}


@login_required
@require_POST
def contribution_change(request, pk: int, contribution_id: int, change: str):
    """One of CHANGES to a contribution, then back to it on the wall; refused (bad input, or a
    service that says no): the wall again with the reason, and nothing changed."""
    round_, membership, contribution = managed_contribution(request, pk, contribution_id)
    try:
        shown = CHANGES[change](request, contribution)
    except services.Refused as refusal:
        return refused_on_wall(request, round_, membership, contribution.prompt.theme, refusal)
    return back_to_wall(shown)


@login_required
@require_POST
def contribution_add(request, pk: int, prompt_id: int):
    """In a joint part: the facilitator writes a contribution on the wall for the group."""
    round_, membership = get_round(request, pk, manage=True)
    prompt = get_object_or_404(Prompt.objects.select_related("part__round"), pk=prompt_id, part__round=round_)
    try:
        text = checked(ContributionForm(request.POST))["text"]
        contribution = services.add_group_contribution(prompt, text=text)
    except services.Refused as refusal:
        return refused_on_wall(request, round_, membership, prompt.theme, refusal)
    messages.success(request, _("The contribution is on the wall."))
    return back_to_wall(contribution)
