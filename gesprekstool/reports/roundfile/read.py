"""Reading and checking a round file: size, JSON, format, schema, then the instrument it names.
Nothing is written here; a problem raises RoundFileError naming the place and the problem."""

import json
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from gesprekstool.instrument import Instrument, InstrumentError, active_instrument
from gesprekstool.lib import jsonfile
from gesprekstool.lib.text import clean_text
from gesprekstool.rounds import filesections
from gesprekstool.rounds.filesections import SectionError, check_day
from gesprekstool.rounds.models import Round

from . import common
from .common import FORMAT, FORMAT_VERSION, SCHEMA_PATH, RoundFileError


def read_round_file(source: bytes | IO[bytes]) -> dict[str, Any]:
    """Parse and check a round file; RoundFileError names the first problem found.

    `source` is the file's bytes or a binary stream; a stream is read no further than MAX_BYTES.
    """
    limit = common.MAX_BYTES
    raw = source if isinstance(source, bytes) else source.read(limit + 1)
    if len(raw) > limit:
        raise RoundFileError(
            _("The file is larger than %(limit)s MB; a round file is never that large.")
            % {"limit": limit // (1024 * 1024)}
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
    _check_schema(data)
    jsonfile.check_strings(data, [], error=RoundFileError)
    _check_controls(data, [])
    try:
        instrument = active_instrument(data["instrument_version"])
    except InstrumentError:
        raise RoundFileError(
            _("The file uses instrument version “%(version)s”, which this Gesprekstool does not have.")
            % {"version": data["instrument_version"]}
        ) from None
    try:
        _check_dates(data)
        numbers = _check_against_instrument(data, instrument)
        for section in filesections.sections():
            if section.check is not None and section.key in data:
                section.check(
                    data[section.key], instrument=instrument, numbers=numbers, actions=len(data["actions"])
                )
    except SectionError as exc:
        raise RoundFileError(str(exc)) from None


def _check_schema(data: dict) -> None:
    """The file against round-file.schema.json (format version 1, which refuses unknown keys), and
    each section an app registered against the section's own schema. Such a section is optional."""
    message = _("The file does not match the round-file schema at %(where)s: %(problem)s")
    registered = [s for s in filesections.sections() if s.key in data]
    keys = {s.key for s in registered}
    base = {key: value for key, value in data.items() if key not in keys}
    jsonfile.check_schema(base, SCHEMA_PATH, error=RoundFileError, message=message)
    definitions = jsonfile.validator(SCHEMA_PATH).schema["$defs"]
    for section in registered:
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": definitions}
        jsonfile.check_schema(
            data[section.key],
            {**schema, **section.schema},
            error=RoundFileError,
            message=message,
            at=(section.key,),
        )


def _check_dates(data: dict) -> None:
    """Every date and moment is a real one within the years the tool accepts (filesections.check_day)."""
    round_ = data["round"]
    check_day(round_["held_on"], ["round", "held_on"])
    for key in ("closed_at", "results_revealed_at"):
        check_day(round_[key], ["round", key], moment=True)
    for i, p in enumerate(data["participants"]):
        for key in ("opened_at", "step1_done_at", "step2_done_at", "finished_at"):
            check_day(p[key], ["participants", i, key], moment=True)
    for i, a in enumerate(data["actions"]):
        check_day(a["due_on"], ["actions", i, "due_on"])
    if data["agreement"]:
        check_day(data["agreement"]["next_meeting_on"], ["agreement", "next_meeting_on"])


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


def _check_against_instrument(data: dict, instrument: Instrument) -> set[int]:
    """The codes, scores and numbers of format version 1; the participant numbers of the file."""
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
    return numbers


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
