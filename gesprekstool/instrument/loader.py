"""The instrument as frozen dataclasses, loaded and validated from ``definitions/<version>.yaml``.

Pure Python (no Django), so the loader can be used and tested without a project. The Dutch definition is
the reference; a translation (``definitions/en/<version>.yaml``) holds the same items with other words.
Every validation error names the file and the item, e.g. ``2018.1.yaml: vraag 4, optie 4c: 'text' ontbreekt``.
"""

from __future__ import annotations

import dataclasses
import functools
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from gesprekstool.instrument.translation import first_difference

CURRENT_VERSION = "2018.1"
REFERENCE_LANGUAGE = "nl"
DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"

# The step-1 scale of every version: 1 to 5, and 6 for "weet niet". The one place these numbers are
# written; the database keeps a score within them (rounds.Score), so a definition must use them.
SCORE_MIN, SCORE_MAX, SCORE_UNKNOWN = 1, 5, 6


class InstrumentError(Exception):
    """A definition file is missing, unreadable or malformed."""


@dataclass(frozen=True)
class Option:
    code: str
    text: str
    needs_text: bool
    exclusive: bool
    lead: str = ""
    # A "no" answer that can still be true beside some others (4a: no policy yet, but one department):
    # combined with another answer, the participant is asked to confirm instead of being refused.
    ask_when_combined: bool = False


@dataclass(frozen=True)
class Question:
    code: str = dataclasses.field(metadata={"derived": True})
    number: int
    theme: str = dataclasses.field(metadata={"derived": True})
    text: str
    options: tuple[Option, ...]

    def option(self, code: str) -> Option:
        """Return this question's option ``code`` (e.g. "4c"); KeyError if it has no such option."""
        for option in self.options:
            if option.code == code:
                return option
        raise KeyError(f"vraag {self.code} heeft geen optie {code!r}")


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True)
class StepText:
    title: str
    subtitle: str
    instruction: str
    note_label: str


@dataclass(frozen=True)
class Theme:
    code: str
    title: str
    statement: str
    questions: tuple[Question, ...]
    comment_label: str

    @property
    def label(self) -> str:
        """The code and the title, as the tool prints them: "A. Visie op armoede, schulden en gezondheid"."""
        return f"{self.code}. {self.title}"


@dataclass(frozen=True)
class Instrument:
    version: str
    title: str
    subtitle: str
    source: str
    scale_question: str
    scale: tuple[ScalePoint, ...]
    unknown: ScalePoint
    step1: StepText
    step2: StepText
    step3: StepText
    step3_columns: tuple[str, ...]
    themes: tuple[Theme, ...]

    @functools.cached_property
    def _index(self) -> dict[str, Any]:
        # cached_property writes to the instance __dict__ directly, which a frozen dataclass allows;
        # it is no field, so equality, hashing and to_dict ignore it.
        index: dict[str, Any] = {}
        for theme in self.themes:
            index[f"theme:{theme.code}"] = theme
            for question in theme.questions:
                index[f"question:{question.code}"] = question
                for option in question.options:
                    index[f"option:{option.code}"] = option
        return index

    def theme(self, code: str) -> Theme:
        """Return theme ``code`` ("A".."F"); KeyError if unknown."""
        return self._index[f"theme:{code}"]

    def question(self, code: str | int) -> Question:
        """Return question ``code`` ("1".."14"); KeyError if unknown."""
        return self._index[f"question:{code}"]

    def option(self, code: str) -> Option:
        """Return option ``code`` ("1a", "14h", ...) of any question; KeyError if unknown."""
        return self._index[f"option:{code}"]

    @property
    def questions(self) -> tuple[Question, ...]:
        """All questions of all themes, in order."""
        return tuple(q for theme in self.themes for q in theme.questions)

    @property
    def score_values(self) -> tuple[int, ...]:
        """Every value a step-1 score can take: the scale, then "weet niet"."""
        return (*(p.value for p in self.scale), self.unknown.value)

    @property
    def scale_legend(self) -> str:
        """The ends of the scale in the instrument's words: "1 = helemaal niet mee eens, 5 = helemaal mee eens"."""
        low, high = self.scale[0], self.scale[-1]
        return f"{low.value} = {low.label}, {high.value} = {high.label}"

    def score_label(self, value: int) -> str:
        """The label of a step-1 score ("neutraal", "weet niet"); KeyError if ``value`` is no score."""
        for point in (*self.scale, self.unknown):
            if point.value == value:
                return point.label
        raise KeyError(f"geen score {value!r} in instrument {self.version}")

    def to_dict(self) -> dict[str, Any]:
        """A plain JSON-able dict shaped like the definition file; loading it gives an equal instrument."""
        return _plain(self)


def _plain(value: Any) -> Any:
    # Derived fields (a question's code and theme) are left out: the file does not spell them.
    if dataclasses.is_dataclass(value):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.metadata.get("derived")
        }
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


# --- Loading -----------------------------------------------------------------------------------------


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    # "2018.10" sorts after "2018.9".
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in version.split("."))


def available_versions() -> list[str]:
    """The versions that have a definition file in ``definitions/``, oldest first."""
    return sorted((p.stem for p in DEFINITIONS_DIR.glob("*.yaml")), key=_version_key)


def load_instrument(version: str | None = None, *, language: str | None = None) -> Instrument:
    """Return instrument ``version`` (default: CURRENT_VERSION) in ``language``, loaded once per process.

    The Dutch file ``definitions/<version>.yaml`` is the reference; a translation lives in
    ``definitions/<language>/<version>.yaml`` and must have exactly the reference's items, codes and
    flags (only the texts differ). A language without a translation (or None) gives the reference;
    "en-gb" gives "en".
    Raises InstrumentError for a version without a definition file or for a malformed file.
    """
    return _load(*_resolve(version or CURRENT_VERSION, language or REFERENCE_LANGUAGE))


@functools.cache
def _resolve(version: str, language: str) -> tuple[str, str]:
    """The version and the language whose files hold what was asked (looked up on disk once)."""
    # Only names found on disk become paths, so a version string cannot point anywhere else.
    if version not in available_versions():
        known = ", ".join(available_versions()) or "geen"
        raise InstrumentError(f"onbekende instrumentversie {version!r} (beschikbaar: {known})")
    language = language.lower().split("-")[0]
    return version, language if language in translations(version) else REFERENCE_LANGUAGE


@functools.cache
def _load(version: str, language: str) -> Instrument:
    reference = load_instrument_file(DEFINITIONS_DIR / f"{version}.yaml")
    if language == REFERENCE_LANGUAGE:
        return reference
    translated = load_instrument_file(DEFINITIONS_DIR / language / f"{version}.yaml")
    check_translation(_load(version, REFERENCE_LANGUAGE), translated, name=f"{language}/{version}.yaml")
    return translated


def translations(version: str) -> list[str]:
    """The languages other than the reference (Dutch) that have a translation of ``version``."""
    return sorted(p.parent.name for p in DEFINITIONS_DIR.glob(f"*/{version}.yaml"))


def check_translation(reference: Instrument, translated: Instrument, *, name: str) -> None:
    """Raise InstrumentError unless ``translated`` has exactly the items, codes and flags of ``reference``."""
    where = first_difference(reference.to_dict(), translated.to_dict())
    if where is not None:
        raise InstrumentError(f"{name}: wijkt af van het Nederlandse origineel bij {where}")


def load_instrument_file(path: str | Path) -> Instrument:
    """Read, validate and build the instrument in ``path``, without caching.

    The version inside the file must equal the file name without its extension.
    Raises InstrumentError naming the file and the offending item.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InstrumentError(f"{path.name}: kan het bestand niet lezen: {exc}") from exc
    except yaml.YAMLError as exc:
        raise InstrumentError(f"{path.name}: geen geldige YAML: {exc}") from exc
    try:
        return _build_instrument(data, expected_version=path.stem)
    except _Invalid as exc:
        raise InstrumentError(f"{path.name}: {exc}") from None


# --- Validation --------------------------------------------------------------------------------------


class _Invalid(Exception):
    """A validation problem; load_instrument_file prefixes the file name."""


# A field specification: (type, description for the message, default). Without a default the key is required.
_TEXT = (str, "tekst")
_FLAG = (bool, "true of false")
_NUMBER = (int, "een geheel getal")
_LIST = (list, "een lijst")
_MAPPING = (dict, "een mapping")


def _check(value: Any, where: str, kind: type, description: str, *, may_be_empty: bool = False) -> Any:
    # bool is an int in Python; a question number of `true` is still a mistake.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Invalid(f"{where} moet {description} zijn, niet {value!r}")
    if kind is str:
        if not value.strip() and not may_be_empty:
            raise _Invalid(f"{where} is leeg")
        if value != value.strip():
            raise _Invalid(f"{where} begint of eindigt met witruimte")
    return value


def _fields(data: Any, where: str, spec: dict[str, tuple]) -> dict[str, Any]:
    """Check the keys and value types of one mapping; return it with absent optional keys defaulted."""
    if not isinstance(data, dict):
        raise _Invalid(f"{where}: moet een mapping zijn, niet {data!r}")
    for key in data:
        if key not in spec:
            raise _Invalid(f"{where}: onbekende sleutel {key!r}")
    result = {}
    for key, (kind, description, *default) in spec.items():
        if key not in data:
            if not default:
                raise _Invalid(f"{where}: {key!r} ontbreekt")
            result[key] = default[0]
        else:
            result[key] = _check(
                data[key], f"{where}: {key!r}", kind, description, may_be_empty=bool(default)
            )
    return result


def _items(values: list, where: str, build: Callable[[Any, int], Any], minimum: int = 1) -> tuple:
    if len(values) < minimum:
        raise _Invalid(f"{where}: minstens {minimum} nodig, {len(values)} gevonden")
    return tuple(build(value, position) for position, value in enumerate(values, start=1))


def _name(data: Any, key: str, fallback: str) -> str:
    """How messages call an item: by its own code or number when it has one, else by its position."""
    value = data.get(key) if isinstance(data, dict) else None
    return str(value) if isinstance(value, str | int) and str(value).strip() else fallback


_SCALE_POINT = {"value": _NUMBER, "label": _TEXT}
_STEP = {"title": _TEXT, "subtitle": (*_TEXT, ""), "instruction": _TEXT, "note_label": (*_TEXT, "")}
_OPTION = {
    "code": _TEXT,
    "text": _TEXT,
    "needs_text": (*_FLAG, False),
    "exclusive": (*_FLAG, False),
    "lead": (*_TEXT, ""),
    "ask_when_combined": (*_FLAG, False),
}
_QUESTION = {"number": _NUMBER, "text": _TEXT, "options": _LIST}
_THEME = {"code": _TEXT, "title": _TEXT, "statement": _TEXT, "comment_label": _TEXT, "questions": _LIST}
_INSTRUMENT = {
    **dict.fromkeys(("version", "title", "subtitle", "source", "scale_question"), _TEXT),
    **dict.fromkeys(("scale", "step3_columns", "themes"), _LIST),
    **dict.fromkeys(("unknown", "step1", "step2", "step3"), _MAPPING),
}


def _scale_point(data: Any, position: int | str) -> ScalePoint:
    where = f"schaal, punt {position}" if isinstance(position, int) else position
    return ScalePoint(**_fields(data, where, _SCALE_POINT))


def _question(data: Any, position: int, theme: str) -> Question:
    where = "vraag " + _name(data, "number", f"nr. {position} van thema {theme}")
    fields = _fields(data, where, _QUESTION)
    number = fields["number"]

    def build_option(raw: Any, pos: int) -> Option:
        return Option(**_fields(raw, f"{where}, optie " + _name(raw, "code", f"nr. {pos}"), _OPTION))

    options = _items(fields["options"], f"{where}: opties", build_option, minimum=2)
    codes = [o.code for o in options]
    for option, letter in zip(options, string.ascii_lowercase + "?" * len(options), strict=False):
        if codes.count(option.code) > 1:
            raise _Invalid(f"{where}, optie {option.code}: optiecode {option.code!r} komt meer dan eens voor")
        if option.code != f"{number}{letter}":
            raise _Invalid(
                f"{where}, optie {option.code}: optiecode '{number}{letter}' verwacht (op volgorde)"
            )
    return Question(code=str(number), number=number, theme=theme, text=fields["text"], options=options)


def _theme(data: Any, position: int) -> Theme:
    where = "thema " + _name(data, "code", f"nr. {position}")
    fields = _fields(data, where, _THEME)
    expected = (string.ascii_uppercase + "?" * position)[position - 1]
    if fields["code"] != expected:
        raise _Invalid(f"{where}: themacode {expected!r} verwacht (A, B, C, ... op volgorde, elk één keer)")
    questions = _items(
        fields["questions"], f"{where}: vragen", lambda raw, pos: _question(raw, pos, expected)
    )
    return Theme(**{**fields, "questions": questions})


def _build_instrument(data: Any, *, expected_version: str) -> Instrument:
    fields = _fields(data, "instrument", _INSTRUMENT)
    if fields["version"] != expected_version:
        raise _Invalid(
            f"versie {fields['version']!r} komt niet overeen met de bestandsnaam ({expected_version})"
        )

    scale = _items(fields["scale"], "schaal", _scale_point, minimum=2)
    values = [point.value for point in scale]
    if values != list(range(SCORE_MIN, SCORE_MAX + 1)):
        raise _Invalid(
            f"schaal: waarden moeten {SCORE_MIN}..{SCORE_MAX} zijn, op volgorde; gevonden {values}"
        )
    unknown = _scale_point(fields["unknown"], "weet niet (unknown)")
    if unknown.value in values:
        raise _Invalid(f"weet niet (unknown): waarde {unknown.value} is al een schaalwaarde")
    if unknown.value != SCORE_UNKNOWN:
        raise _Invalid(f"weet niet (unknown): waarde moet {SCORE_UNKNOWN} zijn; gevonden {unknown.value}")

    themes = _items(fields["themes"], "thema's", _theme)
    for expected, question in enumerate((q for theme in themes for q in theme.questions), start=1):
        if question.number != expected:
            raise _Invalid(f"vraag {question.number}: vraag {expected} verwacht (op volgorde, elk één keer)")

    steps = {
        key: StepText(**_fields(fields[key], f"stap {key[-1]}", _STEP)) for key in ("step1", "step2", "step3")
    }
    columns = _items(
        fields["step3_columns"],
        "actieagenda",
        lambda raw, pos: _check(raw, f"actieagenda, kolom {pos}", *_TEXT),
    )
    return Instrument(
        **{**fields, **steps, "scale": scale, "unknown": unknown, "step3_columns": columns, "themes": themes}
    )
