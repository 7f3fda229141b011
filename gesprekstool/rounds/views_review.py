"""The end of the participant's journey: the review (scores beside the step-2 answers, a score may
be revised), handing in, the done page and the group's results once the facilitator shows them."""

from http import HTTPStatus

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .analysis import analyse
from .forms import GoForm
from .views_fill import INVALID, answering, autosave_score, fill_context, next_url, save_scores, score_forms


def review_rows(r, forms, saved):
    """Per theme: the first score, the step-2 answers and comment, and the revise form."""
    instrument = r.round.instrument
    choices: dict[str, list] = {}
    for choice in r.participant.choices.all():
        option = instrument.option(choice.option)
        choices.setdefault(choice.question, []).append((option, choice.text))
    comments = {c.theme: c.text for c in r.participant.comments.all()}
    for theme, form in zip(instrument.themes, forms, strict=True):
        yield {
            "theme": theme,
            "score": saved.get(theme.code),
            "answers": [(q, choices.get(q.code, [])) for q in theme.questions],
            "comment": comments.get(theme.code, ""),
            "form": form,
        }


@answering
def fill_review(request):
    r = request.respondent
    p = r.participant
    if p.is_finished:
        if request.method == "POST":
            messages.info(request, _("You had already handed in your answers. Nothing has changed."))
        return redirect(r.url("done"))
    if p.step2_done_at is None:
        return redirect(next_url(r))
    data = request.POST if request.method == "POST" else None
    forms, saved = score_forms(r, data, field="revised")
    if request.method == "POST":
        services.ensure_can_answer(p)
        if save_scores(p, forms, services.save_revised_score):
            if GoForm.read(request.POST)["go"] == GoForm.FINISH:
                services.finish(p)
                return redirect(r.url("done"))
            messages.success(request, _("Your scores have been saved."))
            return redirect(r.url("review"))
        forms, saved = score_forms(r, data, field="revised")
        status = INVALID
    else:
        status = HTTPStatus.OK
    answered = set(p.choices.values_list("question", flat=True))
    unanswered = [q for q in r.round.instrument.questions if q.code not in answered]
    return render(
        request,
        "rounds/fill_review.html",
        fill_context(
            r,
            rows=list(review_rows(r, forms, saved)),
            unanswered=unanswered,
            has_errors=status != HTTPStatus.OK,
        ),
        status=status,
    )


@answering
@require_POST
def fill_revise(request, theme: str):
    return autosave_score(request, theme, services.save_revised_score)


@answering
def fill_done(request):
    r = request.respondent
    p = r.participant
    if not (p.is_finished or p.round.is_closed):
        return redirect(next_url(r))
    forms, saved = score_forms(r)
    context = fill_context(r, rows=list(review_rows(r, forms, saved)), **group_results(r.round))
    return render(request, "rounds/fill_done.html", context)


@answering
def fill_group_results(request):
    """The group's results for a participant: only when the facilitator allows and has revealed them.
    Polled by the done page, so they appear by themselves the moment they are revealed."""
    r = request.respondent
    return render(request, "rounds/fill_group_results.html", fill_context(r, **group_results(r.round)))


def group_results(round_) -> dict:
    visible = round_.results_for_participants and round_.results_revealed_at is not None
    return {"visible": visible, "analysis": analyse(round_) if visible else None}
