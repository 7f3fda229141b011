"""Cooperation: participants mark pairs through their own link; the presenter shows the missing links
(a matrix and a table) and turns one into an action of step 3."""

from functools import wraps
from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gesprekstool.rounds.access import get_round
from gesprekstool.rounds.models import Round
from gesprekstool.rounds.respondent import Respondent, respondent_view

from . import cooperation
from .cooperation import CooperationRefused
from .forms_cooperation import LinkActionForm, PairForm, WithdrawForm
from .models import FuturePart
from .views_participant import too_early

INVALID = HTTPStatus.UNPROCESSABLE_ENTITY
REFUSED = HTTPStatus.CONFLICT


# --- Participants, through their own link -------------------------------------------------------------


def marks_url(r: Respondent) -> str:
    return reverse("cooperation_fill:marks", kwargs={"key": r.key})


def fill_context(r: Respondent, *, part=..., **extra) -> dict:
    """What the participant's page shows; `part` when the view has read it already (else one query)."""
    if part is ...:
        part = FuturePart.objects.filter(round=r.round).first()
    return {
        "r": r,
        "round": r.round,
        "participant": r.participant,
        "part_open": part is not None and part.enabled and not r.round.is_closed,
        "marks": cooperation.own_marks(r.participant),
        "max_marks": cooperation.MAX_MARKS,
        **extra,
    }


def refused(request, r: Respondent, refusal: CooperationRefused, *, form=None):
    """A mark that could not be saved or withdrawn: the page again with the reason (409)."""
    context = fill_context(r, form=form or PairForm(parties=cooperation.round_parties(r.round)))
    context["refusal"] = str(refusal)
    return render(request, "futures/cooperation_fill.html", context, status=REFUSED)


def with_part(view):
    """Decorator (under `respondent_view`): the round's picture of the future (None when there is
    none: the page says it is not open), or the waiting page when it is not open to them yet."""

    @wraps(view)
    def wrapper(request):
        part = FuturePart.objects.filter(round=request.respondent.round).first()
        if part is not None and not part.reachable_by(request.respondent.participant):
            return too_early(request)
        return view(request, part)

    return wrapper


@respondent_view
@with_part
def cooperation_fill(request, part: FuturePart | None):
    """The participant's marks and the form to add a pair (POST adds it)."""
    r = request.respondent
    form = PairForm(
        request.POST if request.method == "POST" else None, parties=cooperation.round_parties(r.round)
    )
    if request.method == "POST":
        if not form.is_valid():
            return render(
                request,
                "futures/cooperation_fill.html",
                fill_context(r, part=part, form=form),
                status=INVALID,
            )
        party_a, party_b = form.cleaned_data["pair"]
        try:
            cooperation.add_mark(r.participant, party_a=party_a, party_b=party_b)
        except CooperationRefused as refusal:
            return refused(request, r, refusal, form=form)
        messages.success(request, saved_message(party_a, party_b))
        return redirect(marks_url(r))
    return render(request, "futures/cooperation_fill.html", fill_context(r, part=part, form=form))


def saved_message(party_a: str, party_b: str) -> str:
    return _("Saved: %(a)s and %(b)s should work more closely together.") % {
        "a": cooperation.party(party_a).label,
        "b": cooperation.party(party_b).label,
    }


def withdrawn_message(withdrawn: bool) -> tuple[int, str]:
    """The message level and text after a withdrawal."""
    if withdrawn:
        return messages.SUCCESS, _("Your mark has been withdrawn.")
    return messages.INFO, _("You had not marked that pair; nothing has changed.")


@respondent_view
@require_POST
@with_part
def cooperation_withdraw(request, part: FuturePart | None):
    """Withdraw one of one's own marks."""
    r = request.respondent
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That mark could not be found. Nothing has changed."))
        return render(
            request,
            "futures/cooperation_fill.html",
            fill_context(r, form=PairForm(parties=cooperation.round_parties(r.round))),
            status=INVALID,
        )
    try:
        withdrawn = cooperation.withdraw_mark(
            r.participant, party_a=form.cleaned_data["party_a"], party_b=form.cleaned_data["party_b"]
        )
    except CooperationRefused as refusal:
        return refused(request, r, refusal)
    messages.add_message(request, *withdrawn_message(withdrawn))
    return redirect(marks_url(r))


# --- The presenter, for the facilitator -------------------------------------------------------------------


def action_forms(round_: Round, links: list[cooperation.Link], failed: LinkActionForm | None = None):
    """Per link without an action, the form that makes it one (the failed one as it was posted).
    Each form's ids are its own (`auto_id`), so the labels of one row never point into another."""
    forms = {}
    for number, link in enumerate(links, start=1):
        if link.action_id:
            continue
        key = (link.party_a.key, link.party_b.key)
        auto_id = f"link{number}-%s"
        if failed is not None and key == (failed.data.get("party_a"), failed.data.get("party_b")):
            failed.auto_id = auto_id
            forms[key] = failed
        else:
            forms[key] = LinkActionForm(
                instrument=round_.instrument,
                initial={"party_a": link.party_a.key, "party_b": link.party_b.key},
                auto_id=auto_id,
            )
    return forms


def wall_context(round_: Round, membership, *, part=None, links=None, failed=None, alert: str = "") -> dict:
    """What the wall shows: the matrix, the table of links (each with its form into an action),
    and how many participants marked something. Three queries (part, links, participants)."""
    if part is None:
        part = FuturePart.objects.filter(round=round_).first()
    if links is None:
        links = cooperation.missing_links(part)
    forms = action_forms(round_, links, failed)
    return {
        "round": round_,
        "membership": membership,
        "part": part,
        "links": links,
        "rows": [(link, forms.get((link.party_a.key, link.party_b.key))) for link in links],
        "matrix": cooperation.matrix(links),
        "live_version": cooperation.links_version(links),
        "participants_marking": cooperation.participants_marking(part),
        "themes": round_.instrument.themes,
        "alert": alert,
    }


def group_context(round_: Round, part: FuturePart | None, pair_form: PairForm | None = None) -> dict:
    """In a joint part the facilitator writes down the pairs the group names: the form and the
    group's pairs. Two queries (the parties, the group's marks); none for a part on the phones."""
    if part is None or part.mode != FuturePart.Mode.JOINT:
        return {}
    return {
        "pair_form": pair_form or PairForm(parties=cooperation.round_parties(round_)),
        "group_marks": cooperation.group_marks(part),
        "group_open": part.enabled and not round_.is_closed,
    }


def render_wall(request, round_: Round, membership, *, status=HTTPStatus.OK, pair_form=None, **extra):
    """The whole page: the live part (wall_context) and, in a joint part, the group's form and pairs."""
    context = wall_context(round_, membership, **extra)
    context.update(group_context(round_, context["part"], pair_form))
    return render(request, "futures/cooperation_present.html", context, status=status)


@login_required
def cooperation_present(request, pk: int):
    """The room's missing links: a matrix for the wall and the table with the counts."""
    round_, membership = get_round(request, pk, manage=True)
    return render_wall(request, round_, membership)


@login_required
def cooperation_live(request, pk: int):
    """The matrix and the table, polled by the wall; 204 while the counts are unchanged."""
    round_, membership = get_round(request, pk, manage=True)
    part = FuturePart.objects.filter(round=round_).first()
    links = cooperation.missing_links(part)
    if request.GET.get("versie") == cooperation.links_version(links):
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    context = wall_context(round_, membership, part=part, links=links)
    return render(request, "futures/cooperation_present.html#live", context)


@login_required
@require_POST
def cooperation_action(request, pk: int):
    """One missing link into an action on the round's agenda, linked back to the marks."""
    round_, membership = get_round(request, pk, manage=True)
    form = LinkActionForm(request.POST, instrument=round_.instrument)
    part = FuturePart.objects.filter(round=round_).first()
    if not form.is_valid():
        return render_wall(
            request,
            round_,
            membership,
            status=INVALID,
            failed=form,
            alert=_("The action was not made: check the theme and the name. Nothing has changed."),
        )
    if part is None:
        return render_wall(
            request,
            round_,
            membership,
            status=REFUSED,
            alert=_("This round has no picture of the future yet, so it has no missing links."),
        )
    try:
        action = cooperation.link_to_action(
            part,
            party_a=form.cleaned_data["party_a"],
            party_b=form.cleaned_data["party_b"],
            theme=form.cleaned_data["theme"],
            owner_name=form.cleaned_data["owner_name"],
        )
    except CooperationRefused as refusal:
        return render_wall(request, round_, membership, status=REFUSED, alert=str(refusal))
    messages.success(
        request,
        _("The missing link is now an action on the agenda, under theme %(theme)s.")
        % {"theme": action.theme},
    )
    return redirect("cooperation:present", pk=round_.pk)


# --- A joint part: the facilitator marks the pairs the group names ------------------------------------------


def mark_for_group(group, data: dict) -> tuple[int, str]:
    party_a, party_b = data["pair"]
    cooperation.add_mark(group, party_a=party_a, party_b=party_b)
    return messages.SUCCESS, saved_message(party_a, party_b)


def withdraw_for_group(group, data: dict) -> tuple[int, str]:
    return withdrawn_message(
        cooperation.withdraw_mark(group, party_a=data["party_a"], party_b=data["party_b"])
    )


# Per `change` (from the URL): the form, what it does with the group's shared form, and what the page
# says when the form is not valid (the pair form shows its own messages at its fields).
GROUP_CHANGES = {
    "mark": (
        lambda data, round_: PairForm(data, parties=cooperation.round_parties(round_)),
        mark_for_group,
        "",
    ),
    "withdraw": (
        lambda data, round_: WithdrawForm(data),
        withdraw_for_group,
        gettext_lazy("That mark could not be found. Nothing has changed."),
    ),
}


@login_required
@require_POST
def group_change(request, pk: int, change: str):
    """In a joint part: mark a pair the group names, or withdraw one of the group's pairs, as the
    round's shared form (cooperation.group_of); then back to the page. Refused (no joint part, bad
    input, a closed round or part): the page again with the reason, and nothing changed."""
    round_, membership = get_round(request, pk, manage=True)
    part = FuturePart.objects.filter(round=round_).first()
    make_form, act, invalid = GROUP_CHANGES[change]
    form = make_form(request.POST, round_)
    try:
        group = cooperation.group_of(part)
        if not form.is_valid():
            raise CooperationRefused(str(invalid), status=INVALID)
        level, message = act(group, form.cleaned_data)
    except CooperationRefused as refusal:
        pair_form = form if isinstance(form, PairForm) else None
        return render_wall(
            request,
            round_,
            membership,
            status=refusal.status,
            alert=refusal.message,
            part=part,
            pair_form=pair_form,
        )
    messages.add_message(request, level, message)
    return redirect("cooperation:present", pk=round_.pk)
