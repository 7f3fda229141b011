"""Results at a glance, preparing the conversation and the presenter view (joining by code: views_join.py)."""

from http import HTTPStatus

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import preparation, services, slides
from .access import get_round
from .analysis import analyse, analyse_step1
from .charts import PER_PARTICIPANT_UP_TO
from .forms import RoundSettingsForm
from .forms_meeting import (
    JoiningForm,
    ObservationToggleForm,
    PresenterForm,
    QuestionUpdateForm,
    RevealForm,
    ThemeTextForm,
)
from .live import live_version
from .models import Round
from .panels import results_panels, theme_panels


def theme_codes(round_: Round) -> list[str]:
    return [t.code for t in round_.instrument.themes]


def presenter_query(request, round_: Round, *, parts: tuple[str, ...] = slides.PARTS) -> dict:
    """The slide the presenter asks for (PresenterForm's cleaned data); 404 for one the round has not,
    or a part (`deel`) not in `parts`; a theme's answers need the theme."""
    form = PresenterForm(request.GET, round_=round_)
    if not form.is_valid():
        raise Http404
    query = form.cleaned_data
    if query["deel"] not in parts or (query["deel"] == slides.ANSWERS and not query["thema"]):
        raise Http404
    return query


# ?deel= of the presenter's live fragment: the score table, sent when the presenter opens it.
TABLE = "tabel"

# ?deel= on the results page: the fragments sent on request for large rounds.
PARTIAL_RESULTS = {"tabel": "scores", "namen": "step2"}


@login_required
def round_results_view(request, pk: int):
    """The results page. Above `PER_PARTICIPANT_UP_TO` participants the score table (a column per
    participant) and the names under the step-2 options are sent only on request: `?deel=tabel`
    and `?deel=namen` are the fragments the page fetches when they are opened, `?tabel=1` and
    `?namen=1` the whole page with them (the links without JavaScript)."""
    round_, membership = get_round(request, pk)
    analysis = analyse(round_)
    part = request.GET.get("deel", "")
    if part in PARTIAL_RESULTS:
        context = {
            "round": round_,
            "results": analysis.results,
            "theme_panels": theme_panels(round_=round_) if part == "namen" else {},
            "names_inline": True,
        }
        return render(request, f"rounds/round_results.html#{PARTIAL_RESULTS[part]}", context)
    few = len(analysis.results.participants) <= PER_PARTICIPANT_UP_TO
    return render(
        request,
        "rounds/round_results.html",
        {
            "round": round_,
            "membership": membership,
            "results": analysis.results,
            "analysis": analysis,
            "table_inline": few or request.GET.get("tabel") == "1",
            "names_inline": few or request.GET.get("namen") == "1",
            "own_observations": list(round_.own_observations.all()),
            "results_panels": results_panels(round_=round_, analysis=analysis),
            "theme_panels": theme_panels(round_=round_),
        },
    )


@login_required
def round_prepare(request, pk: int):
    round_, membership = get_round(request, pk)
    analysis = analyse(round_)
    questions = list(round_.conversation_questions.all())
    present = {q.text for q in questions}
    proposals = [(theme, text) for theme, text in analysis.proposals() if text not in present]
    return render(
        request,
        "rounds/round_prepare.html",
        {
            "round": round_,
            "membership": membership,
            "analysis": analysis,
            "own_observations": list(round_.own_observations.all()),
            "questions": questions,
            "proposals": proposals,
            "themes": round_.instrument.themes,
        },
    )


def prepare_url(round_: Round, anchor: str) -> str:
    return f"{reverse('rounds:prepare', kwargs={'pk': round_.pk})}#{anchor}"


def back_to_prepare(request, round_: Round, anchor: str, *, error: str = "", success: str = ""):
    """Back to the preparation page at `anchor`, saying what was refused (`error`) or done (`success`)."""
    if error:
        messages.error(request, error)
    if success:
        messages.success(request, success)
    return redirect(prepare_url(round_, anchor))


@login_required
@require_POST
def observation_toggle(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    form = ObservationToggleForm(request.POST)
    if not form.is_valid():
        raise Http404
    preparation.set_observation_hidden(
        round_, key=form.cleaned_data["key"], hidden=not form.cleaned_data["show"]
    )
    return back_to_prepare(request, round_, "wat-opvalt")


@login_required
@require_POST
def own_observation_add(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    form = ThemeTextForm(request.POST, round_=round_, theme_required=False)
    if not form.is_valid():
        return back_to_prepare(
            request, round_, "wat-opvalt", error=_("Write what stands out, in at most 5,000 characters.")
        )
    preparation.add_own_observation(round_, theme=form.cleaned_data["theme"], text=form.cleaned_data["text"])
    return back_to_prepare(request, round_, "wat-opvalt", success=_("Your observation has been added."))


@login_required
@require_POST
def own_observation_delete(request, pk: int, observation_id: int):
    round_, _membership = get_round(request, pk, manage=True)
    preparation.remove_own_observation(get_object_or_404(round_.own_observations, pk=observation_id))
    return back_to_prepare(request, round_, "wat-opvalt", success=_("Your observation has been removed."))


@login_required
@require_POST
def question_add(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    form = ThemeTextForm(request.POST, round_=round_, theme_required=True)
    if not form.is_valid():
        return back_to_prepare(
            request,
            round_,
            "vragen",
            error=_("Choose a theme and write the question, in at most 5,000 characters."),
        )
    preparation.add_question(
        round_,
        theme=form.cleaned_data["theme"],
        text=form.cleaned_data["text"],
        proposed=form.cleaned_data["proposed"],
    )
    return back_to_prepare(request, round_, "vragen", success=_("The question has been added."))


@login_required
@require_POST
def question_update(request, pk: int, question_id: int):
    round_, _membership = get_round(request, pk, manage=True)
    question = get_object_or_404(round_.conversation_questions, pk=question_id)
    form = QuestionUpdateForm(request.POST)
    if not form.is_valid():
        return back_to_prepare(
            request,
            round_,
            f"vraag-{question.pk}",
            error=_("A question cannot be empty or longer than 5,000 characters."),
        )
    action = form.cleaned_data["action"]
    if action == form.DELETE:
        preparation.remove_question(question)
        return back_to_prepare(request, round_, "vragen", success=_("The question has been removed."))
    if action in (form.UP, form.DOWN):
        preparation.move_question(question, up=action == form.UP)
        return back_to_prepare(request, round_, "vragen")
    preparation.change_question(question, text=form.cleaned_data["text"])
    return back_to_prepare(request, round_, "vragen", success=_("The question has been saved."))


@login_required
@require_POST
def round_settings(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    form = RoundSettingsForm(request.POST, instance=round_)
    if form.is_valid():
        preparation.change_settings(round_, **form.cleaned_data)
        messages.success(request, _("The settings have been saved."))
    return redirect("rounds:detail", pk=round_.pk)


@login_required
@require_POST
def round_reveal(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    options = RevealForm.read(request.POST)
    if options["hide"]:
        services.hide_results(round_)
        messages.success(request, _("The results are hidden from the participants again."))
    elif services.reveal_results(round_, by=request.user):
        messages.success(
            request,
            _(
                "The results are now visible to the participants. Sharing the results with participants "
                "has been switched on in the settings of the round."
            ),
        )
    else:
        messages.success(request, _("The results are now visible to the participants."))
    target = "rounds:present" if options["from"] == "present" else "rounds:detail"
    return redirect(target, pk=round_.pk)


@login_required
@require_POST
def round_joining(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    if JoiningForm.read(request.POST)["stop"]:
        preparation.stop_joining(round_)
        messages.success(request, _("Joining with the code has been switched off."))
    elif round_.is_closed:
        messages.error(request, _("This round is closed. Open it again before people join."))
    elif round_.is_joint:
        messages.error(
            request, _("In a joint round the group fills in one shared form: nobody joins with a code.")
        )
    else:
        code = preparation.start_joining(round_)
        messages.success(request, _("Participants can now join with the code %(code)s.") % {"code": code})
    return redirect("rounds:present", pk=round_.pk)


def join_url(request, round_: Round) -> str:
    return request.build_absolute_uri(reverse("join_round", kwargs={"code": round_.join_code}))


def qr_svg(url: str) -> str:

    return segno.make(url, error="m").svg_inline(scale=5, dark="#000", light="#fff", title=url)


def presenter_context(round_: Round, theme: str, *, version: str, part: str = "") -> dict:
    # The overview draws only the chart: it needs no observations (analysis.analyse_step1).
    analysis = (
        analyse(round_, themes=[theme], version=version) if theme else analyse_step1(round_, version=version)
    )
    # In a joint round the shared form is what the group answers; otherwise it is not there.
    participants = [p for p in analysis.results.participants if round_.is_joint or not p.is_group]
    context = {
        "round": round_,
        "analysis": analysis,
        "live_version": version,
        "theme": round_.instrument.theme(theme) if theme else None,
        "themes": round_.instrument.themes,
        "finished": sum(1 for p in participants if p.is_finished),
        "total": len(participants),
        # Counted from the scores themselves, so the screen moves as soon as the last one is given.
        "step1_done": sum(
            1
            for p in participants
            if {theme for theme, (first, _r) in analysis.results.scores[p.pk].items() if first is not None}
            >= set(theme_codes(round_))
        ),
    }
    if part == slides.ANSWERS:
        context["theme_result"] = next(r for r in analysis.results.step2 if r.theme.code == theme)
    elif theme:
        context["theme_observations"] = analysis.observations_for(theme)[:5]
        context["own_observations"] = [o for o in round_.own_observations.all() if o.theme in ("", theme)]
        context["questions"] = [q for q in round_.conversation_questions.all() if q.theme == theme]
    return context


@login_required
def round_present(request, pk: int):
    round_, membership = get_round(request, pk)
    query = presenter_query(request, round_)
    theme, part = query["thema"], query["deel"]
    context = presenter_context(round_, theme, version=live_version(round_), part=part)
    steps = slides.neighbours(theme_codes(round_), slides.Slide(theme, part))
    context.update(
        membership=membership,
        part=part,
        steps=steps,
        # Beside the theme on its slide (rounds/panels.py); not in the live fragment: they do not change.
        theme_panels=theme_panels(round_=round_, themes=[theme]) if theme else {},
    )
    if round_.join_code:
        context["join_url"] = join_url(request, round_)
        context["join_start_url"] = request.build_absolute_uri(reverse("join_start"))
        context["qr"] = qr_svg(context["join_url"])
    return render(request, "rounds/round_present.html", context)


@login_required
def round_present_live(request, pk: int):
    """The part of the presenter view that updates itself while people answer: the chart of the
    overview or a theme, or the counts and texts of a theme's answers (`deel=antwoorden`)."""
    round_, _membership = get_round(request, pk)
    query = presenter_query(request, round_, parts=(*slides.PARTS, TABLE))
    theme, part = query["thema"], query["deel"]
    if part == TABLE:
        # The score table, fetched when the presenter opens it (not part of every update).
        analysis = analyse(round_, themes=[theme] if theme else None)
        context = {
            "round": round_,
            "analysis": analysis,
            "theme": round_.instrument.theme(theme) if theme else None,
        }
        return render(request, "rounds/round_present.html#table", context)
    version = live_version(round_)
    if query["versie"] == version:
        # Nothing changed since the fragment the screen shows: htmx swaps nothing on a 204.
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    context = presenter_context(round_, theme, version=version, part=part)
    if part == slides.ANSWERS:
        return render(request, "rounds/present_answers.html#answers", {**context, "live_update": True})
    return render(request, "rounds/round_present.html#live", context)
