"""Results at a glance, preparing the conversation and the presenter view (joining by code: views_join.py)."""

import secrets
from http import HTTPStatus

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gesprekstool.lib.text import CleanTextMixin, clean_text

from . import services, slides
from .access import get_round
from .analysis import analyse
from .charts import PER_PARTICIPANT_UP_TO
from .forms import RoundSettingsForm
from .live import live_version
from .models import ConversationQuestion, HiddenObservation, OwnObservation, Round
from .panels import results_panels, theme_panels

# Letters and digits that cannot be mistaken for each other on a projector.
JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_LENGTH = 6


class TextForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Text"),
        max_length=settings.MAX_ANSWER_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    theme = forms.CharField(required=False, max_length=2)


def theme_codes(round_: Round) -> list[str]:
    return [t.code for t in round_.instrument.themes]


def checked_theme(round_: Round, code: str) -> str:
    if code and code not in theme_codes(round_):
        raise Http404
    return code


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


@login_required
@require_POST
def observation_toggle(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    key = request.POST.get("key", "")[:120]
    if not key:
        raise Http404
    if request.POST.get("show"):
        round_.hidden_observations.filter(key=key).delete()
    else:
        HiddenObservation.objects.get_or_create(round=round_, key=key)
    return redirect(prepare_url(round_, "wat-opvalt"))


@login_required
@require_POST
def own_observation_add(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    form = TextForm(request.POST)
    if not form.is_valid() or form.cleaned_data["theme"] not in ("", *theme_codes(round_)):
        messages.error(request, _("Write what stands out, in at most 5,000 characters."))
        return redirect(prepare_url(round_, "wat-opvalt"))
    OwnObservation.objects.create(
        round=round_, theme=form.cleaned_data["theme"], text=form.cleaned_data["text"]
    )
    messages.success(request, _("Your observation has been added."))
    return redirect(prepare_url(round_, "wat-opvalt"))


@login_required
@require_POST
def own_observation_delete(request, pk: int, observation_id: int):
    round_, _membership = get_round(request, pk, manage=True)
    get_object_or_404(round_.own_observations, pk=observation_id).delete()
    messages.success(request, _("Your observation has been removed."))
    return redirect(prepare_url(round_, "wat-opvalt"))


def next_position(round_: Round) -> int:
    return (round_.conversation_questions.aggregate(m=Max("position"))["m"] or 0) + 1


@login_required
@require_POST
def question_add(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    form = TextForm(request.POST)
    if not form.is_valid() or form.cleaned_data["theme"] not in theme_codes(round_):
        messages.error(request, _("Choose a theme and write the question, in at most 5,000 characters."))
        return redirect(prepare_url(round_, "vragen"))
    ConversationQuestion.objects.create(
        round=round_,
        theme=form.cleaned_data["theme"],
        text=form.cleaned_data["text"],
        position=next_position(round_),
        proposed=bool(request.POST.get("proposed")),
    )
    messages.success(request, _("The question has been added."))
    return redirect(prepare_url(round_, "vragen"))


@login_required
@require_POST
def question_update(request, pk: int, question_id: int):
    round_, _membership = get_round(request, pk, manage=True)
    question = get_object_or_404(round_.conversation_questions, pk=question_id)
    action = request.POST.get("action")
    if action == "delete":
        question.delete()
        messages.success(request, _("The question has been removed."))
    elif action in ("up", "down"):
        ordered = list(round_.conversation_questions.all())
        index = ordered.index(question)
        other = index - 1 if action == "up" else index + 1
        if 0 <= other < len(ordered):
            ordered[index], ordered[other] = ordered[other], ordered[index]
            with transaction.atomic():
                for position, item in enumerate(ordered, start=1):
                    if item.position != position:
                        item.position = position
                        item.save(update_fields=["position"])
    else:
        field = forms.CharField(max_length=settings.MAX_ANSWER_TEXT)
        try:
            question.text = field.clean(clean_text(request.POST.get("text", "")))
        except forms.ValidationError:
            messages.error(request, _("A question cannot be empty or longer than 5,000 characters."))
            return redirect(prepare_url(round_, f"vraag-{question.pk}"))
        question.save(update_fields=["text"])
        messages.success(request, _("The question has been saved."))
    return redirect(prepare_url(round_, "vragen"))


@login_required
@require_POST
def round_settings(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    form = RoundSettingsForm(request.POST, instance=round_)
    if form.is_valid():
        form.save()
        messages.success(request, _("The settings have been saved."))
    return redirect("rounds:detail", pk=round_.pk)


@login_required
@require_POST
def round_reveal(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    if request.POST.get("hide"):
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
    target = "rounds:present" if request.POST.get("from") == "present" else "rounds:detail"
    return redirect(target, pk=round_.pk)


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))


@login_required
@require_POST
def round_joining(request, pk: int):
    round_, _membership = get_round(request, pk, manage=True)
    if request.POST.get("stop"):
        round_.join_code = None
        round_.save(update_fields=["join_code"])
        messages.success(request, _("Joining with the code has been switched off."))
    elif round_.is_closed:
        messages.error(request, _("This round is closed. Open it again before people join."))
    elif round_.is_joint:
        messages.error(
            request, _("In a joint round the group fills in one shared form: nobody joins with a code.")
        )
    else:
        for _attempt in range(5):
            round_.join_code = new_join_code()
            try:
                with transaction.atomic():
                    round_.save(update_fields=["join_code"])
                break
            except IntegrityError:
                continue
        messages.success(
            request, _("Participants can now join with the code %(code)s.") % {"code": round_.join_code}
        )
    return redirect("rounds:present", pk=round_.pk)


def join_url(request, round_: Round) -> str:
    return request.build_absolute_uri(reverse("join_round", kwargs={"code": round_.join_code}))


def qr_svg(url: str) -> str:

    return segno.make(url, error="m").svg_inline(scale=5, dark="#000", light="#fff", title=url)


def presenter_context(round_: Round, theme: str, *, version: str) -> dict:
    analysis = analyse(round_, themes=[theme] if theme else None, version=version)
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
    if theme:
        context["theme_observations"] = analysis.observations_for(theme)[:5]
        context["own_observations"] = [o for o in round_.own_observations.all() if o.theme in ("", theme)]
        context["questions"] = [q for q in round_.conversation_questions.all() if q.theme == theme]
    return context


@login_required
def round_present(request, pk: int):
    round_, membership = get_round(request, pk)
    theme = checked_theme(round_, request.GET.get("thema", ""))
    part = request.GET.get("deel", "")
    if part not in slides.PARTS or (part and not theme):
        raise Http404
    context = presenter_context(round_, theme, version=live_version(round_))
    steps = slides.neighbours(theme_codes(round_), slides.Slide(theme, part))
    context.update(
        membership=membership,
        part=part,
        steps=steps,
        # Beside the theme on its slide (rounds/panels.py); not in the live fragment: they do not change.
        theme_panels=theme_panels(round_=round_, themes=[theme]) if theme else {},
    )
    if part == slides.ANSWERS:
        context["theme_result"] = next(r for r in context["analysis"].results.step2 if r.theme.code == theme)
    if round_.join_code:
        context["join_url"] = join_url(request, round_)
        context["join_start_url"] = request.build_absolute_uri(reverse("join_start"))
        context["qr"] = qr_svg(context["join_url"])
    return render(request, "rounds/round_present.html", context)


@login_required
def round_present_live(request, pk: int):
    """The part of the presenter view that updates itself while people answer."""
    round_, _membership = get_round(request, pk)
    theme = checked_theme(round_, request.GET.get("thema", ""))
    if request.GET.get("deel") == "tabel":
        # The score table, fetched when the presenter opens it (not part of every update).
        analysis = analyse(round_, themes=[theme] if theme else None)
        context = {
            "round": round_,
            "analysis": analysis,
            "theme": round_.instrument.theme(theme) if theme else None,
        }
        return render(request, "rounds/round_present.html#table", context)
    version = live_version(round_)
    if request.GET.get("versie") == version:
        # Nothing changed since the fragment the screen shows: htmx swaps nothing on a 204.
        return HttpResponse(status=HTTPStatus.NO_CONTENT)
    context = presenter_context(round_, theme, version=version)
    return render(request, "rounds/round_present.html#live", context)
