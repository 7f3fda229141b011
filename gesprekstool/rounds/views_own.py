"""A participant's own answers, through their own link: a readable page and a JSON download
(the right of access under the AVG). Shows only what this participant gave, never others' answers.

In a joint round the same pages show the group's shared form to the facilitator.
"""

import json
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify

from gesprekstool.organisations.models import Membership

from .models import Participant, Round
from .respondent import respondent_view
from .retention import retention_of


def contacts(round_: Round) -> list[str]:
    """Who a participant can turn to: the facilitator who started the round, while still a
    facilitator of the organisation; otherwise every facilitator of it. Names only."""
    facilitators = Membership.objects.filter(
        organisation_id=round_.organisation_id, role=Membership.Role.FACILITATOR
    ).select_related("user")
    names = {m.user_id: m.user.get_full_name() or m.user.get_username() for m in facilitators}
    if round_.created_by_id in names:
        return [names[round_.created_by_id]]
    return sorted(names.values())


def own_answers_data(participant: Participant) -> dict[str, Any]:
    """Everything the participant gave, per theme, with the instrument's texts beside the codes."""
    round_ = participant.round
    instrument = round_.instrument
    scores = {s.theme: s for s in participant.scores.all()}
    comments = {c.theme: c.text for c in participant.comments.all()}
    ticked: dict[str, list] = {}
    for choice in participant.choices.all():
        ticked.setdefault(choice.question, []).append(choice)

    def score_text(value: int | None) -> str | None:
        if value is None:
            return None
        try:
            return instrument.score_label(value)
        except KeyError:
            return None

    themes = []
    for theme in instrument.themes:
        score = scores.get(theme.code)
        questions = []
        for question in theme.questions:
            answers = [
                {"option": c.option, "text": instrument.option(c.option).text, "your_words": c.text}
                for c in sorted(ticked.get(question.code, []), key=lambda c: c.option)
            ]
            questions.append({"number": question.number, "question": question.text, "answers": answers})
        themes.append(
            {
                "theme": theme.code,
                "title": theme.title,
                "statement": theme.statement,
                "score_first": score.first if score else None,
                "score_first_label": score_text(score.first) if score else None,
                "score_revised": score.revised if score else None,
                "score_revised_label": score_text(score.revised) if score else None,
                "questions": questions,
                "comment": comments.get(theme.code, ""),
            }
        )
    return {
        "round": round_.title,
        "organisation": round_.organisation.name,
        "instrument_version": round_.instrument_version,
        "participant": {
            "name": participant.display_name,
            "domain": participant.domain_label,
            "department": participant.department,
            "email": participant.email,
        },
        "step1_note": participant.step1_note,
        "themes": themes,
        "contact": contacts(round_),
    }


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


@respondent_view
def own_answers(request):
    r = request.respondent
    data = own_answers_data(r.participant)
    return _private(
        render(
            request,
            "rounds/own_answers.html",
            {
                "r": r,
                "round": r.round,
                "data": data,
                "retention": retention_of(r.round),
                "json_url": r.url("own_answers_json"),
            },
        )
    )


@respondent_view
def own_answers_json(request):
    r = request.respondent
    data = own_answers_data(r.participant)
    body = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = slugify(f"mijn-antwoorden-{r.round.title}")[:80] or "mijn-antwoorden"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return _private(response)
