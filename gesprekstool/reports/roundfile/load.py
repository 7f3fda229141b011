"""Import: a checked round file becomes a new round, in one transaction."""

from datetime import date
from typing import IO, Any

from django.db import transaction

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds import filesections
from gesprekstool.rounds.models import Choice, Comment, Participant, Round, Score

from .common import OPTIONAL_ACTION_FIELDS, has_field
from .read import check_round_file, read_round_file


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def import_round_data(data: dict[str, Any], *, organisation: Organisation | None = None) -> Round:
    """Create a new round from checked round-file data (see read_round_file), in one transaction.

    The round goes to `organisation`, or else to the organisation the file names (made when this
    installation does not have it). Participants get new link tokens; an anonymised file's
    participants are named after their label ("Deelnemer 1 (Armoede)"). The sections other apps
    registered (gesprekstool/rounds/filesections.py) load their part in the same transaction.
    """
    check_round_file(data)
    with transaction.atomic():
        if organisation is None:
            organisation, _created = Organisation.objects.get_or_create(
                slug=data["organisation"]["slug"], defaults={"name": data["organisation"]["name"]}
            )
        r = data["round"]
        round_ = Round.objects.create(
            organisation=organisation,
            title=r["title"],
            held_on=_parse_day(r["held_on"]),
            mode=r["mode"],
            instrument_version=data["instrument_version"],
            anonymised=r["anonymised"],
            results_for_participants=r["results_for_participants"],
            closed_at=filesections.parse_moment(r["closed_at"]),
            results_revealed_at=filesections.parse_moment(r["results_revealed_at"]),
        )
        people = []
        for p in data["participants"]:
            participant = Participant(
                round=round_,
                position=p["number"],
                display_name=p.get("name") or "",
                domain=p["domain"],
                department=p.get("department", ""),
                email=p.get("email", ""),
                is_group=p["is_group"],
                step1_note=p["step1_note"],
                first_opened_at=filesections.parse_moment(p["opened_at"]),
                step1_done_at=filesections.parse_moment(p["step1_done_at"]),
                step2_done_at=filesections.parse_moment(p["step2_done_at"]),
                finished_at=filesections.parse_moment(p["finished_at"]),
            )  # the token is a new one from the model's default, never the file's
            if not participant.display_name:
                participant.display_name = participant.label
            people.append(participant)
        people = Participant.objects.bulk_create(people)
        by_number = {p.position: p for p in people}
        scores, choices, comments = [], [], []
        for p, item in zip(people, data["participants"], strict=True):
            scores += [
                Score(participant=p, theme=s["theme"], first=s["first"], revised=s["revised"])
                for s in item["scores"]
            ]
            choices += [
                Choice(participant=p, question=a["question"], option=a["option"], text=a["text"])
                for a in item["answers"]
            ]
            comments += [Comment(participant=p, theme=c["theme"], text=c["text"]) for c in item["comments"]]
        Score.objects.bulk_create(scores)
        Choice.objects.bulk_create(choices)
        Comment.objects.bulk_create(comments)
        optional = [name for name in OPTIONAL_ACTION_FIELDS if has_field(Action, name)]
        for a in data["actions"]:
            extra = {name: a[name] for name in optional if name in a}
            Action.objects.create(
                round=round_,
                theme=a["theme"],
                description=a["description"],
                owner=by_number.get(a["owner"]) if a["owner"] is not None else None,
                owner_name=a["owner_name"],
                department=a["department"],
                due_on=_parse_day(a["due_on"]),
                **extra,
            )
        if data["agreement"] is not None:
            g = data["agreement"]
            Agreement.objects.create(
                round=round_,
                follow_up=g["follow_up"],
                next_meeting_on=_parse_day(g["next_meeting_on"]),
                accountability=g["accountability"],
                notes=g["notes"],
            )
        for section in filesections.sections():
            if section.key in data:
                section.load(round_, data[section.key], participants=by_number)
    return round_


def import_round_file(source: bytes | IO[bytes], *, organisation: Organisation | None = None) -> Round:
    """Read, check and import a round file; RoundFileError (nothing changed) when it is refused."""
    return import_round_data(read_round_file(source), organisation=organisation)
