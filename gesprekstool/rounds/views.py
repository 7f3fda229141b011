"""The facilitator's pages: rounds, participants and their links, results."""

from http import HTTPStatus
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import gettext as _

from gesprekstool.lib.views import form_status
from gesprekstool.organisations.access import require_manager
from gesprekstool.organisations.current import current_membership
from gesprekstool.organisations.current import memberships as my_memberships

from . import addresses, invitations, removal, services
from .access import get_round
from .forms import (
    OrganisationChoiceForm,
    ParticipantForm,
    ParticipantPageForm,
    RoundCloseForm,
    RoundDeleteForm,
    RoundForm,
    RoundSettingsForm,
)
from .models import Choice, Participant, Round, Score
from .retention import retention_of


def home(request):
    if request.user.is_authenticated:
        return redirect("rounds:list")
    return redirect("login")


@login_required
def round_list(request):
    """The rounds of the organisation chosen in the header (the first one when there is no choice)."""
    membership = current_membership(request)
    rounds = (
        Round.objects.for_user(request.user)
        .filter(organisation_id=membership.organisation_id if membership else None)
        .select_related("organisation")
        .annotate(
            participant_count=Count("participants", filter=Q(participants__is_group=False), distinct=True),
            finished_count=Count(
                "participants",
                filter=Q(participants__finished_at__isnull=False, participants__is_group=False),
                distinct=True,
            ),
        )
    )
    return render(request, "rounds/round_list.html", {"rounds": rounds, "membership": membership})


@login_required
def round_create(request):
    memberships = [m for m in my_memberships(request) if m.can_manage]
    if not memberships:
        messages.error(
            request, _("You are not a facilitator in any organisation, so you cannot start a round.")
        )
        return redirect("rounds:list")
    form = RoundForm(request.POST or None)
    choice = OrganisationChoiceForm(
        request.POST if request.method == "POST" else None, memberships=memberships
    )
    if choice.is_bound and not choice.is_valid():
        raise Http404  # an organisation the facilitator does not manage
    if request.method == "POST" and form.is_valid():
        round_ = services.create_round(
            organisation=choice.chosen(),
            title=form.cleaned_data["title"],
            held_on=form.cleaned_data["held_on"],
            mode=form.cleaned_data["mode"],
            created_by=request.user,
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("The round has been created."))
        return redirect("rounds:detail", pk=round_.pk)
    return render(
        request,
        "rounds/round_create.html",
        {"form": form, "memberships": memberships, "chosen": chosen_organisation(request, choice)},
        status=form_status(form),
    )


def chosen_organisation(request, choice: OrganisationChoiceForm) -> str:
    """The organisation preselected on the new-round form: the one posted, else the current one."""
    if choice.is_bound:
        return str(choice["organisation"].value() or "")
    current = current_membership(request)
    return str(current.organisation_id) if current and current.can_manage else ""


# The links on each participant's card (rounds:<name>, with pk and participant_id).
CARD_LINKS = (
    "revoke",
    "renew",
    "reopen",
    "participant_edit",
    "participant_delete",
    "participant_merge",
    "invite_one",
)
_PLACEHOLDER = "2147483647"  # stands for the participant's id (or key) in a link reversed once


def participant_rows(round_: Round, participants: list[Participant]):
    """One row per participant (with its progress counts, `with_progress`), with the links of its
    card. Each link is reversed once per page and filled in per participant: at 300 participants
    1,800 `{% url %}` tags took a fifth of the round page's time (docs/performance.md)."""
    themes = len(round_.instrument.themes)
    questions = len(round_.instrument.questions)
    patterns = {
        name: reverse(f"rounds:{name}", kwargs={"pk": round_.pk, "participant_id": int(_PLACEHOLDER)})
        for name in CARD_LINKS
    }
    fill = reverse("fill:intro", kwargs={"key": _PLACEHOLDER})
    rows = []
    for p in participants:
        links = {name: pattern.replace(_PLACEHOLDER, str(p.pk)) for name, pattern in patterns.items()}
        links["fill"] = fill.replace(_PLACEHOLDER, quote(p.token, safe=RFC3986_SUBDELIMS + "/~:@"))
        name = {"name": p.display_name}
        texts = {
            # The msgids of the template's blocktranslate: formatted here, 1,200 tags fewer at 300.
            "progress": _("Progress of %(name)s") % name,
            "link": _("Personal link of %(name)s") % name,
            "step1": _("Step 1: %(n)s of %(total)s scores") % {"n": p.score_count, "total": themes},
            "step2": _("Step 2: %(n)s of %(total)s questions") % {"n": p.question_count, "total": questions},
        }
        rows.append(
            {"participant": p, "themes": themes, "questions": questions, "links": links, "texts": texts}
        )
    return rows


def _count_per_participant(rows: QuerySet, counted: str) -> Coalesce:
    """How many of `rows` (scores or ticks) each participant has, as a subquery: two counts over
    joins of both tables multiplied every score by every tick (80 ms of SQL at 300 participants)."""
    per_participant = rows.filter(participant=OuterRef("pk")).order_by().values("participant")
    count = per_participant.annotate(n=Count(counted, distinct=True)).values("n")
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


def with_progress(participants: QuerySet) -> QuerySet:
    """Participants with `score_count` (step-1 scores given) and `question_count` (step-2
    questions answered)."""
    return participants.annotate(
        score_count=_count_per_participant(Score.objects.filter(first__isnull=False), "pk"),
        question_count=_count_per_participant(Choice.objects.all(), "question"),
    )


# A round of more participants shows its cards a page at a time (docs/performance.md).
PARTICIPANTS_PER_PAGE = 50


def participant_page(participants: list[Participant], query) -> Page:
    """The page of cards asked for in `query` (ParticipantPageForm): a page number, or the page of
    one participant; the first page when it asks for neither or for one that does not exist."""
    asked = ParticipantPageForm.read(query)
    number = asked["pagina"] or 1
    if asked["deelnemer"]:
        ids = [p.pk for p in participants]
        if asked["deelnemer"] in ids:
            number = ids.index(asked["deelnemer"]) // PARTICIPANTS_PER_PAGE + 1
    return Paginator(participants, PARTICIPANTS_PER_PAGE).get_page(number)


def card_url(round_: Round, participant: Participant) -> str:
    """The round page at a participant's card (on the page of cards that holds it)."""
    return f"{round_detail_url(round_)}?deelnemer={participant.pk}#deelnemer-{participant.pk}"


@login_required
def round_detail(request, pk: int):
    round_, membership = get_round(request, pk)
    form = ParticipantForm(round_=round_)
    status = HTTPStatus.OK
    if request.method == "POST":
        require_manager(membership)
        if round_.is_joint:
            raise Http404
        if round_.is_closed:
            messages.error(request, _("This round is closed. Open it again before you add participants."))
            status = HTTPStatus.CONFLICT
        else:
            form = ParticipantForm(request.POST, round_=round_)
            if form.is_valid():
                try:
                    participant = services.add_participant(round_, **form.cleaned_data)
                except addresses.EmailTaken as taken:  # added by someone else since the check
                    form.add_error("email", str(taken))
                else:
                    messages.success(
                        request, _("%(name)s has been added.") % {"name": participant.display_name}
                    )
                    return redirect("rounds:detail", pk=round_.pk)
            status = HTTPStatus.UNPROCESSABLE_ENTITY
    participants = list(with_progress(round_.participants.order_by("position")))
    page = participant_page(participants, request.GET)
    return render(
        request,
        "rounds/round_detail.html",
        {
            "round": round_,
            "membership": membership,
            "rows": participant_rows(round_, page.object_list),
            "participant_count": len(participants),
            "page": page if page.paginator.num_pages > 1 else None,
            "progress": progress_summary(participants),
            "mail": invitations.summary(participants),
            "form": form,
            "settings_form": RoundSettingsForm(instance=round_),
            "retention": retention_of(round_),
        },
        status=status,
    )


def progress_summary(participants: list[Participant]) -> dict[str, int]:
    """How many participants handed in, are busy and have not started (a large round's summary)."""
    finished = sum(1 for p in participants if p.is_finished)
    busy = sum(1 for p in participants if p.first_opened_at and not p.is_finished)
    return {"finished": finished, "busy": busy, "not_started": len(participants) - finished - busy}


def round_detail_url(round_: Round) -> str:
    return reverse("rounds:detail", kwargs={"pk": round_.pk})


def confirmation(request, round_: Round, *, question: str, explanation: str, confirm: str, cancel_url: str):
    return render(
        request,
        "rounds/confirm.html",
        {
            "round": round_,
            "question": question,
            "explanation": explanation,
            "confirm": confirm,
            "cancel_url": cancel_url,
        },
    )


@login_required
def round_close(request, pk: int):
    """POST closes (or, with `reopen`, opens again); a GET asks first whether to close."""
    round_, _membership = get_round(request, pk, manage=True)
    if request.method != "POST":
        return confirmation(
            request,
            round_,
            question=_("Close the round “%(title)s”?") % {"title": round_.title},
            explanation=_(
                "Nobody can change answers any more, and the code to join stops working. The results "
                "stay. You can open the round again later."
            ),
            confirm=_("Yes, close the round"),
            cancel_url=round_detail_url(round_),
        )
    if RoundCloseForm.read(request.POST)["reopen"]:
        services.reopen_round(round_)
        messages.success(request, _("The round is open again."))
    else:
        services.close_round(round_)
        messages.success(request, _("The round is closed. Nobody can change answers any more."))
    return redirect("rounds:detail", pk=round_.pk)


@login_required
def round_delete(request, pk: int):
    """Confirm by typing the round's title, then delete the round with everything in it."""
    round_, _membership = get_round(request, pk, manage=True)
    form = RoundDeleteForm(request.POST or None, round_=round_)
    if request.method == "POST" and form.is_valid():
        title = round_.title
        removal.delete_round(round_, by=request.user)
        messages.success(request, _("The round “%(title)s” has been deleted.") % {"title": title})
        return redirect("rounds:list")
    return render(
        request,
        "rounds/round_delete.html",
        {
            "round": round_,
            "form": form,
            "participant_count": round_.participants.filter(is_group=False).count(),
        },
        status=form_status(form),
    )
