"""The round file: everything of a round as JSON, to archive it or to move it to another installation.

The format is described in docs/round-file.md and round-file.schema.json (JSON Schema). It holds no
database ids, no link tokens and no export time, so exporting, importing and exporting again gives
the same bytes. An anonymised round's file holds no names, departments or e-mail addresses of
participants; importing it cannot bring them back.

Import never trusts the file: it is size-limited before it is parsed, checked against the schema
and against the instrument it names, and written in one transaction, so a refused file changes
nothing. Participants always get new link tokens.
"""

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.futures import roundfile as future_file
from gesprekstool.instrument import Instrument, InstrumentError, active_instrument
from gesprekstool.lib import jsonfile
from gesprekstool.lib.dates import FIRST_DAY, LAST_DAY
from gesprekstool.lib.text import clean_text
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Choice, Comment, Participant, Round, Score

FORMAT = "gesprekstool-round"
FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "round-file.schema.json"
# Far above the largest real round (50 participants writing 5000 characters in every field stay
# under 10 MB), far below what would hurt the server to parse.
MAX_BYTES = 20 * 1024 * 1024
# Fields a newer agenda app may have; exported and imported only where the model has them.
OPTIONAL_ACTION_FIELDS = ("status", "owner_email")


class RoundFileError(Exception):
    """A round file that cannot be imported; the message names the problem."""


# --- Export ------------------------------------------------------------------------------------------


def _moment(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _has_field(model, name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


def round_file_data(round_: Round) -> dict[str, Any]:
    """The round as a plain dict in round-file format 1, ordered as the instrument orders its items."""
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
            opened_at=_moment(p.first_opened_at),
            step1_done_at=_moment(p.step1_done_at),
            step2_done_at=_moment(p.step2_done_at),
            finished_at=_moment(p.finished_at),
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
    optional = [name for name in OPTIONAL_ACTION_FIELDS if _has_field(Action, name)]
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
                "closed_at": _moment(round_.closed_at),
                "results_revealed_at": _moment(round_.results_revealed_at),
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
            **future_file.entry(round_),  # the optional key "future" (gesprekstool.futures)
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


# --- Reading and checking ----------------------------------------------------------------------------


def read_round_file(source: bytes | IO[bytes]) -> dict[str, Any]:
    """Parse and check a round file; RoundFileError names the first problem found.

    `source` is the file's bytes or a binary stream; a stream is read no further than MAX_BYTES.
    """
    raw = source if isinstance(source, bytes) else source.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise RoundFileError(
            _("The file is larger than %(limit)s MB; a round file is never that large.")
            % {"limit": MAX_BYTES // (1024 * 1024)}
        )
    data = jsonfile.parse(raw, error=RoundFileError, what=_("a round file"))
    check_round_file(data)
    return data


_where = jsonfile.where


def check_round_file(data: Any) -> None:
    """Check parsed data against the format, the schema and the instrument; RoundFileError if wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RoundFileError(_("This is not a Gesprekstool round file (“format” is missing or wrong)."))
    version = data.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise RoundFileError(
            _(
                "This round file has format version %(version)s; this Gesprekstool reads version %(supported)s."
            )
            % {"version": json.dumps(version)[:20], "supported": FORMAT_VERSION}
        )
    jsonfile.check_schema(
        data,
        SCHEMA_PATH,
        error=RoundFileError,
        message=_("The file does not match the round-file schema at %(where)s: %(problem)s"),
    )
    jsonfile.check_strings(data, [], error=RoundFileError)
    _check_controls(data, [])
    try:
        instrument = active_instrument(data["instrument_version"])
    except InstrumentError:
        raise RoundFileError(
            _("The file uses instrument version “%(version)s”, which this Gesprekstool does not have.")
            % {"version": data["instrument_version"]}
        ) from None
    _check_dates(data)
    _check_against_instrument(data, instrument)
    future_file.check(data, instrument, error=RoundFileError)


def _check_dates(data: dict) -> None:
    """Every date and moment is a real one within FIRST_DAY..LAST_DAY, also in UTC: 0001-01-01 or
    9999-12-31 would overflow as soon as a time zone, a reminder or a calendar adds a day to it."""

    def check(value, path, parse):
        if value is None:
            return
        try:
            parsed = parse(value)
        except ValueError:
            raise RoundFileError(
                _("%(where)s is not a real date: %(value)s") % {"where": _where(path), "value": value}
            ) from None
        try:
            day = parsed.astimezone(UTC).date() if isinstance(parsed, datetime) else parsed
        except OverflowError:
            day = None
        if day is None or not FIRST_DAY <= day <= LAST_DAY:
            raise RoundFileError(
                _("%(where)s: %(value)s is outside the years %(first)s to %(last)s.")
                % {"where": _where(path), "value": value, "first": FIRST_DAY.year, "last": LAST_DAY.year}
            )

    round_ = data["round"]
    check(round_["held_on"], ["round", "held_on"], date.fromisoformat)
    for key in ("closed_at", "results_revealed_at"):
        check(round_[key], ["round", key], datetime.fromisoformat)
    for i, p in enumerate(data["participants"]):
        for key in ("opened_at", "step1_done_at", "step2_done_at", "finished_at"):
            check(p[key], ["participants", i, key], datetime.fromisoformat)
    for i, a in enumerate(data["actions"]):
        check(a["due_on"], ["actions", i, "due_on"], date.fromisoformat)
    if data["agreement"]:
        check(data["agreement"]["next_meeting_on"], ["agreement", "next_meeting_on"], date.fromisoformat)


def _check_controls(value: Any, path: list) -> None:
    """No control characters other than tab and line breaks: they mean nothing in a text, break the
    Word and Excel exports, and an ESC sequence in a title would recolour the terminal that prints it."""
    if isinstance(value, str):
        if clean_text(value) != value:
            raise RoundFileError(
                _("%(where)s contains a control character (for example ESC); remove it from the file.")
                % {"where": _where(path)}
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_controls(item, [*path, key])
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_controls(item, [*path, i])


def _refuse(path: list, message: str, **values) -> None:
    raise RoundFileError(f"{_where(path)}: " + message % values)


def _check_email(value: str, path: list) -> None:
    if value:
        try:
            validate_email(value)
        except ValidationError:
            _refuse(path, _("“%(email)s” is not an e-mail address."), email=value[:100])


def _check_themes(items: list, themes: set[str], path: list, twice: str | None) -> None:
    """Every item's theme exists; with `twice` (the message), no theme appears more than once."""
    seen = set()
    for j, item in enumerate(items):
        if item["theme"] not in themes:
            _refuse([*path, j, "theme"], _("the instrument has no theme “%(code)s”."), code=item["theme"])
        if twice and item["theme"] in seen:
            _refuse([*path, j, "theme"], twice, code=item["theme"])
        seen.add(item["theme"])


def _check_against_instrument(data: dict, instrument: Instrument) -> None:
    themes = {t.code for t in instrument.themes}
    joint = data["round"]["mode"] == Round.Mode.JOINT
    numbers = set()
    for i, p in enumerate(data["participants"]):
        at = ["participants", i]
        if p["number"] in numbers:
            _refuse([*at, "number"], _("participant number %(number)s appears twice."), number=p["number"])
        numbers.add(p["number"])
        if p["is_group"] != joint:
            _refuse(
                [*at, "is_group"],
                _(
                    "a jointly filled-in round has exactly one shared form and no other participants; "
                    "a round filled in individually has no shared form."
                ),
            )
        _check_email(p.get("email", ""), [*at, "email"])
        _check_themes(p["scores"], themes, [*at, "scores"], _("theme %(code)s is scored twice."))
        for j, s in enumerate(p["scores"]):
            for key in ("first", "revised"):
                if s[key] is not None and s[key] not in instrument.score_values:
                    _refuse(
                        [*at, "scores", j, key],
                        _("%(value)s is not a score of the instrument (1 to 5, or 6 for “don't know”)."),
                        value=s[key],
                    )
        _check_answers(p["answers"], instrument, at)
        _check_themes(p["comments"], themes, [*at, "comments"], _("theme %(code)s has two comments."))
    if joint and len(data["participants"]) != 1:
        _refuse(["participants"], _("a jointly filled-in round has exactly one shared form."))
    _check_themes(data["actions"], themes, ["actions"], None)  # several actions per theme are fine
    for i, a in enumerate(data["actions"]):
        if a["owner"] is not None and a["owner"] not in numbers:
            _refuse(
                ["actions", i, "owner"], _("there is no participant number %(number)s."), number=a["owner"]
            )
        _check_email(a.get("owner_email", ""), ["actions", i, "owner_email"])


def _check_answers(answers: list, instrument: Instrument, at: list) -> None:
    ticked: dict[str, list[str]] = {}
    for j, answer in enumerate(answers):
        where = [*at, "answers", j]
        try:
            question = instrument.question(answer["question"])
        except KeyError:
            _refuse(
                [*where, "question"], _("the instrument has no question %(code)s."), code=answer["question"]
            )
        try:
            option = question.option(answer["option"])
        except KeyError:
            _refuse(
                [*where, "option"],
                _("“%(option)s” is not an option of question %(code)s."),
                option=answer["option"],
                code=question.code,
            )
        if option.code in ticked.get(question.code, []):
            _refuse([*where, "option"], _("option %(option)s is ticked twice."), option=option.code)
        if option.needs_text and not answer["text"].strip():
            _refuse(
                [*where, "text"],
                _("option %(option)s needs a text (“%(label)s”)."),
                option=option.code,
                label=option.text,
            )
        if not option.needs_text and answer["text"]:
            _refuse([*where, "text"], _("option %(option)s takes no text."), option=option.code)
        ticked.setdefault(question.code, []).append(option.code)
    for code, options in ticked.items():
        question = instrument.question(code)
        exclusive = [o for o in options if question.option(o).exclusive]
        if exclusive and len(options) > 1:
            _refuse(
                [*at, "answers"],
                _(
                    "question %(code)s: option %(option)s cannot be combined with another answer (%(others)s)."
                ),
                code=code,
                option=exclusive[0],
                others=", ".join(o for o in options if o != exclusive[0]),
            )


# --- Import ------------------------------------------------------------------------------------------


def _parse_moment(value: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:  # the schema asks for an offset; be safe anyway
        moment = moment.replace(tzinfo=UTC)
    return moment


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def import_round_data(data: dict[str, Any], *, organisation: Organisation | None = None) -> Round:
    """Create a new round from checked round-file data (see read_round_file), in one transaction.

    The round goes to `organisation`, or else to the organisation the file names (made when this
    installation does not have it). Participants get new link tokens; an anonymised file's
    participants are named after their label ("Deelnemer 1 (Armoede)").
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
            closed_at=_parse_moment(r["closed_at"]),
            results_revealed_at=_parse_moment(r["results_revealed_at"]),
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
                first_opened_at=_parse_moment(p["opened_at"]),
                step1_done_at=_parse_moment(p["step1_done_at"]),
                step2_done_at=_parse_moment(p["step2_done_at"]),
                finished_at=_parse_moment(p["finished_at"]),
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
        optional = [name for name in OPTIONAL_ACTION_FIELDS if _has_field(Action, name)]
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
        future_file.load(round_, data)  # after the participants and the actions it refers to
    return round_


def import_round_file(source: bytes | IO[bytes], *, organisation: Organisation | None = None) -> Round:
    """Read, check and import a round file; RoundFileError (nothing changed) when it is refused."""
    return import_round_data(read_round_file(source), organisation=organisation)
