"""Export: a round as a round file (format version 1 plus the sections apps registered)."""

import json
from datetime import date
from typing import Any

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.lib.text import clean_text
from gesprekstool.rounds import filesections
from gesprekstool.rounds.models import Round

from .common import FORMAT, FORMAT_VERSION, OPTIONAL_ACTION_FIELDS, has_field


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def round_file_data(round_: Round) -> dict[str, Any]:
    """The round as a plain dict in round-file format 1, ordered as the instrument orders its items,
    followed by the sections other apps registered (gesprekstool/rounds/filesections.py)."""
    instrument = round_.instrument
    theme_order = {t.code: i for i, t in enumerate(instrument.themes)}
    option_order = {o.code: i for i, o in enumerate(o for q in instrument.questions for o in q.options)}
    named = not round_.anonymised
    people = list(round_.participants.prefetch_related("scores", "choices", "comments").order_by("position"))
    participants = []
    for p in people:
        item: dict[str, Any] = {"number": p.position}
        if named:
            item.update(name=p.display_name, department=p.department, email=p.email)
        item.update(
            domain=p.domain,
            is_group=p.is_group,
            opened_at=filesections.moment(p.first_opened_at),
            step1_done_at=filesections.moment(p.step1_done_at),
            step2_done_at=filesections.moment(p.step2_done_at),
            finished_at=filesections.moment(p.finished_at),
            step1_note=p.step1_note,
            scores=[
                {"theme": s.theme, "first": s.first, "revised": s.revised}
                for s in sorted(p.scores.all(), key=lambda s: (theme_order.get(s.theme, 99), s.theme))
                if s.first is not None or s.revised is not None
            ],
            answers=[
                {"question": c.question, "option": c.option, "text": c.text}
                for c in sorted(p.choices.all(), key=lambda c: (option_order.get(c.option, 9999), c.option))
            ],
            comments=[
                {"theme": c.theme, "text": c.text}
                for c in sorted(p.comments.all(), key=lambda c: (theme_order.get(c.theme, 99), c.theme))
                if c.text
            ],
        )
        participants.append(item)

    positions = {p.pk: p.position for p in people}
    optional = [name for name in OPTIONAL_ACTION_FIELDS if has_field(Action, name)]
    actions = []
    for a in Action.objects.filter(round=round_).order_by("theme", "created_at", "id"):
        item = {
            "theme": a.theme,
            "description": a.description,
            "owner": positions.get(a.owner_id),
            "owner_name": a.owner_name,
            "department": a.department,
            "due_on": _day(a.due_on),
        }
        for name in optional:
            if name == "owner_email" and not named:
                continue
            item[name] = getattr(a, name)
        actions.append(item)

    agreement = Agreement.objects.filter(round=round_).first()
    dumped = {section.key: section.dump(round_) for section in filesections.sections()}
    registered = {key: value for key, value in dumped.items() if value is not None}
    return _without_controls(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "instrument_version": round_.instrument_version,
            "organisation": {"name": round_.organisation.name, "slug": round_.organisation.slug},
            "round": {
                "title": round_.title,
                "held_on": _day(round_.held_on),
                "mode": round_.mode,
                "anonymised": round_.anonymised,
                "results_for_participants": round_.results_for_participants,
                "closed_at": filesections.moment(round_.closed_at),
                "results_revealed_at": filesections.moment(round_.results_revealed_at),
            },
            "participants": participants,
            "actions": actions,
            "agreement": None
            if agreement is None
            else {
                "follow_up": agreement.follow_up,
                "next_meeting_on": _day(agreement.next_meeting_on),
                "accountability": agreement.accountability,
                "notes": agreement.notes,
            },
            **registered,
        }
    )


def _without_controls(value: Any) -> Any:
    """The data with control characters (other than tab and line breaks) left out of every text: the
    importer refuses them, so a round that holds some from before the forms stripped them can still
    move. The only change export makes to what was typed."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {key: _without_controls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_controls(item) for item in value]
    return value


def dump(data: dict[str, Any]) -> bytes:
    """The file's bytes: UTF-8, two-space indents, a newline at the end (stable, diff-friendly)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_round_file(round_: Round) -> bytes:
    return dump(round_file_data(round_))
