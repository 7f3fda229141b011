"""The participant's journey: introduction, step 1, step 2 per theme, review, done.

Every field is saved the moment it changes (htmx posts one fragment); without
JavaScript the page's own button saves the whole page. Both paths use the same forms.
"""

from collections.abc import Callable
from functools import wraps
from http import HTTPStatus

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import reading, services, versions
from .forms import CommentForm, GoForm, IntroForm, NoteForm, QuestionForm, ScoreForm
from .models import Score
from .respondent import respondent_view
from .services import AnswerRefused, StaleAnswer

INVALID = HTTPStatus.UNPROCESSABLE_ENTITY
REFUSED = HTTPStatus.CONFLICT


def answering(view):
    """Resolve the respondent and turn a refused answer into a clear 409."""

    @respondent_view
    @wraps(view)
    def wrapper(request, **kwargs):
        try:
            return view(request, **kwargs)
        except AnswerRefused as refusal:
            if request.htmx:
                # Shown in the field's own status, where "saved" would otherwise be: not saved, why.
                return refused_status(request, refusal)
            r = request.respondent
            return render(
                request,
                "rounds/fill_refused.html",
                fill_context(r, message=str(refusal), done_url=r.url("done"), reload_url=request.path),
                status=REFUSED,
            )

    return wrapper


def refused_status(request, refusal: AnswerRefused):
    """A refused autosave: "not saved" with the reason, and for a stale page what is stored now
    (site.js puts the ticks back) and a link to reload the page."""
    stale = isinstance(refusal, StaleAnswer)
    return render(
        request,
        "components/save_status.html",
        {
            "refused": str(refusal),
            "stored": refusal.stored if stale else None,
            "reload_url": request.htmx.current_url_abs_path or request.path,
        },
        status=REFUSED,
    )


SAVED = '<span class="gt-save-status gt-save-status--ok"><span aria-hidden="true">✓</span> {}</span>'
NEW_VERSION = '\n<input type="hidden" name="{}" id="{}" value="{}" data-hx-swap-oob="true">'


def saved_status(request, form, *, version: str | None = None, status: int = HTTPStatus.OK, **extra):
    """An autosave's status for the field; after a save, the field's new version goes into the page
    too (out of band), so that the next save from this page is not taken for a stale one.

    "Saved at 14:02" is the answer to the most frequent request of a workshop, so it is formatted
    here (escaped by format_html) instead of rendering a template; the form's messages (422) come
    from components/save_status.html."""
    target = (request.htmx.target or "") if request.htmx else ""
    if status != HTTPStatus.OK:
        return HttpResponse(
            render_to_string("components/save_status.html", {"form": form, **extra}), status=status
        )
    html = format_html(SAVED, _("Saved at %(time)s") % {"time": timezone.localtime().strftime("%H:%M")})
    if version is not None and target.startswith("status-"):
        version_id = "version-" + target.removeprefix("status-")
        html += format_html(NEW_VERSION, form["version"].html_name, version_id, version)
    return HttpResponse(html + "\n", status=status)


def theme_or_404(instrument, code: str):
    try:
        return instrument.theme(code)
    except KeyError:
        raise Http404 from None


def next_url(r) -> str:
    """Where the participant resumes: the first step not done yet."""
    p = r.participant
    if p.is_finished or p.round.is_closed:
        return r.url("done")
    if p.step1_done_at is None:
        return r.url("step1") if p.first_opened_at else r.url("intro")
    if p.step2_done_at is None:
        answered = set(p.choices.values_list("question", flat=True))
        for theme in p.round.instrument.themes:
            if not all(q.code in answered for q in theme.questions):
                return r.url("step2", theme=theme.code)
        return r.url("step2", theme=p.round.instrument.themes[-1].code)
    return r.url("review")


def fill_context(r, **extra) -> dict:
    p = r.participant
    return {
        "r": r,
        "round": r.round,
        "participant": p,
        "instrument": r.round.instrument,
        "editable": not (p.is_finished or r.round.is_closed),
        "reading": reading.links(),
        **extra,
    }


@answering
def fill_intro(request):
    r = request.respondent
    if r.participant.first_opened_at and not IntroForm.read(request.GET)["intro"]:
        return redirect(next_url(r))
    return render(request, "rounds/fill_intro.html", fill_context(r))


@answering
@require_POST
def fill_start(request):
    r = request.respondent
    services.ensure_can_answer(r.participant)
    services.mark_opened(r.participant)
    return redirect(r.url("step1"))


def score_forms(r, data=None, *, field: str = "first"):
    saved = {s.theme: s for s in r.participant.scores.all()}
    forms = []
    for theme in r.round.instrument.themes:
        score = saved.get(theme.code)
        value = getattr(score, field, None) if score else None
        if field == "revised" and value is None and score:
            value = score.first
        form = ScoreForm(data, instrument=r.round.instrument, theme=theme, initial={"score": value})
        form.stored_version = versions.of_score(score)
        forms.append(form)
    return forms, saved


def save_scores(p, forms, store: Callable[..., Score]) -> bool:
    """The whole page's save of scores (without JavaScript): every valid form's score through
    `store` (a service: the step-1 or the revised score). Returns whether all forms were valid."""
    for form in forms:
        if form.is_valid():
            store(
                p,
                theme=form.theme.code,
                value=form.cleaned_data["score"],
                expected_version=form.expected_version,
            )
    return all(form.is_valid() for form in forms)


@answering
def fill_step1(request):
    r = request.respondent
    p = r.participant
    instrument = r.round.instrument
    data = request.POST if request.method == "POST" else None
    forms, _saved = score_forms(r, data)
    note_form = NoteForm(data, label=instrument.step1.note_label, initial={"text": p.step1_note})
    note_form.stored_version = versions.of_text(p.step1_note)
    if request.method == "POST":
        services.ensure_can_answer(p)
        services.mark_opened(p)
        if p.step1_done_at is not None:
            return redirect(next_url(r))
        scores_valid = save_scores(p, forms, services.save_score)
        if note_form.is_valid():
            services.save_step1_note(
                p, text=note_form.cleaned_data["text"], expected_version=note_form.expected_version
            )
        if scores_valid and note_form.is_valid():
            services.complete_step(p, step=1)
            return redirect(r.url("step2", theme=instrument.themes[0].code))
        forms, _saved = score_forms(r, data)  # the versions of what was saved just now
        note_form.stored_version = versions.of_text(p.step1_note)
        return render(
            request,
            "rounds/fill_step1.html",
            fill_context(r, forms=forms, note_form=note_form, has_errors=True, editable=True),
            status=INVALID,
        )
    editable = p.step1_done_at is None and not (p.is_finished or r.round.is_closed)
    return render(
        request,
        "rounds/fill_step1.html",
        fill_context(r, forms=forms, note_form=note_form, editable=editable),
    )


def autosave(request, form: forms.Form, save: Callable[[dict], dict]) -> HttpResponse:
    """The one way a single answer is saved over htmx: validate `form`; when it is valid, `save`
    receives its cleaned data, saves it through a service and answers what the status line shows
    (the answer's new version), and the fragment says "Saved at
    14:02" (200); otherwise the fragment gives the form's messages (422) and nothing is saved. A
    refused answer (closed round, handed in, revoked link, a stale page) raises AnswerRefused inside
    `save` and `answering` turns it into a 409 with the reason."""
    if not form.is_valid():
        return saved_status(request, form, status=INVALID)
    return saved_status(request, form, **save(form.cleaned_data))


def autosave_score(request, theme: str, store: Callable[..., Score]) -> HttpResponse:
    """The autosave of one score (step 1 or revised): `store(participant, theme=, value=,
    expected_version=)` saves it through a service and returns the stored Score."""
    p = request.respondent.participant
    instrument = p.round.instrument
    form = ScoreForm(request.POST, instrument=instrument, theme=theme_or_404(instrument, theme))

    def save(data):
        score = store(p, theme=theme, value=data["score"], expected_version=form.expected_version)
        return {"version": versions.of_score(score)}

    return autosave(request, form, save)


def save_first_score(participant, **score) -> Score:
    # Saved first: a refused score (closed round, handed in) must not mark the link opened either.
    stored = services.save_score(participant, **score)
    services.mark_opened(participant)
    return stored


@answering
@require_POST
def fill_score(request, theme: str):
    return autosave_score(request, theme, save_first_score)


@answering
@require_POST
def fill_note(request):
    p = request.respondent.participant
    form = NoteForm(request.POST, label=p.round.instrument.step1.note_label)

    def save(data):
        services.save_step1_note(p, text=data["text"], expected_version=form.expected_version)
        return {"version": versions.of_text(data["text"])}

    return autosave(request, form, save)


def question_forms(r, theme, data=None):
    saved = {}
    for choice in r.participant.choices.all():
        saved.setdefault(choice.question, {})[choice.option] = choice.text
    forms = []
    for question in theme.questions:
        answers = saved.get(question.code, {})
        initial = {"options": list(answers)}
        initial.update({f"text_{code}": text for code, text in answers.items() if text})
        form = QuestionForm(data, question=question, initial=initial)
        form.stored_version = versions.of_choices(answers)
        forms.append(form)
    return forms


def comment_form(r, theme, data=None):
    saved = r.participant.comments.filter(theme=theme.code).first()
    form = CommentForm(data, theme=theme, initial={"text": saved.text if saved else ""})
    form.stored_version = versions.of_text(saved.text if saved else "")
    return form


@answering
def fill_step2(request, theme: str):
    r = request.respondent
    p = r.participant
    instrument = r.round.instrument
    theme_obj = theme_or_404(instrument, theme)
    if p.step1_done_at is None:
        messages.info(request, _("First give your scores in step 1."))
        return redirect(r.url("step1"))
    codes = [t.code for t in instrument.themes]
    index = codes.index(theme)
    data = request.POST if request.method == "POST" else None
    forms = question_forms(r, theme_obj, data)
    c_form = comment_form(r, theme_obj, data)
    context = fill_context(
        r,
        theme=theme_obj,
        reading=reading.links(theme=theme_obj.code),
        forms=forms,
        comment_form=c_form,
        previous_theme=codes[index - 1] if index else None,
        next_theme=codes[index + 1] if index + 1 < len(codes) else None,
        theme_number=index + 1,
        theme_count=len(codes),
    )
    if request.method == "POST":
        services.ensure_can_answer(p)
        for form in forms:
            if form.is_valid():
                services.save_question(
                    p,
                    question=form.question.code,
                    choices=form.choices(),
                    expected_version=form.expected_version,
                )
        if c_form.is_valid():
            services.save_comment(
                p, theme=theme, text=c_form.cleaned_data["text"], expected_version=c_form.expected_version
            )
        if all(f.is_valid() for f in forms) and c_form.is_valid():
            if GoForm.read(request.POST)["go"] == GoForm.PREVIOUS and context["previous_theme"]:
                return redirect(r.url("step2", theme=context["previous_theme"]))
            if context["next_theme"]:
                return redirect(r.url("step2", theme=context["next_theme"]))
            services.complete_step(p, step=2)
            return redirect(r.url("review"))
        # The versions of what was saved just now.
        context.update(
            forms=question_forms(r, theme_obj, data), comment_form=comment_form(r, theme_obj, data)
        )
        return render(request, "rounds/fill_step2.html", {**context, "has_errors": True}, status=INVALID)
    return render(request, "rounds/fill_step2.html", context)


@answering
@require_POST
def fill_question(request, question: str):
    p = request.respondent.participant
    try:
        question_obj = p.round.instrument.question(question)
    except KeyError:
        raise Http404 from None
    form = QuestionForm(request.POST, question=question_obj)

    def save(_data):
        choices = form.choices()
        services.save_question(p, question=question, choices=choices, expected_version=form.expected_version)
        return {"version": versions.of_choices(choices)}

    return autosave(request, form, save)


@answering
@require_POST
def fill_comment(request, theme: str):
    p = request.respondent.participant
    form = CommentForm(request.POST, theme=theme_or_404(p.round.instrument, theme))

    def save(data):
        services.save_comment(p, theme=theme, text=data["text"], expected_version=form.expected_version)
        return {"version": versions.of_text(data["text"])}

    return autosave(request, form, save)
