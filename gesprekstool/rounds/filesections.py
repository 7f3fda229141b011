"""Sections that apps built on `rounds` add to the round file (reports/roundfile, docs/round-file.md),
so that an app carries its own part of a round into the file without the file's code importing it,
and without the app importing `reports` (dependencies point one way: see docs/architecture.md).

An app registers its section in its AppConfig.ready():

    from gesprekstool.rounds import filesections
    filesections.register(
        "futures", schema=SCHEMA, dump=dump_futures, load=load_futures, check=check_futures, order=100
    )

- `schema`: the JSON Schema of the section's value (a dict). It may refer to the round file's own
  definitions ("$ref": "#/$defs/text", "#/$defs/theme", "#/$defs/optional_date", ...).
- `dump(round_) -> dict | list | None`: the section's value for `round_`, plain JSON; None when the
  round has nothing of this section (the key is then left out of the file). It must hold no
  database ids, tokens or times of export, and order its items by something stable, so that export,
  import and export again give the same bytes. In a round that hides names (`round_.anonymised`) it
  holds no names, departments or e-mail addresses.
- `check(value, *, instrument, numbers, actions)`: what the schema cannot say (codes the instrument must know,
  participant `numbers` that must exist, actions referred to by their place in the file's "actions"
  (`actions`: how many there are), dates within the accepted years: `check_day`). Refuse with
  `refuse(["futures", 2, "theme"], _("..."), ...)` (SectionError): the whole file is then refused.
- `load(round_, value, *, participants)`: write the section for the newly imported `round_`, inside
  the import's transaction (`participants`: the new Participant per number). Only called when the
  file has the section: a section is optional, so files made before it existed still import.

The file writes registered sections after the sections of format version 1, in (order, key) order.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.utils.translation import gettext as _

from gesprekstool.lib.dates import FIRST_DAY, LAST_DAY
from gesprekstool.lib.jsonfile import where


class SectionError(Exception):
    """A round file that cannot be imported because of a section; the message names the place and the
    problem. The importer refuses the file with it (reports.roundfile.RoundFileError)."""


def refuse(path: list, message: str, **values) -> None:
    """Raise SectionError for the place `path` (from the top of the file: ["futures", 2, "theme"]);
    `message` is translated, with %(name)s for `values`."""
    raise SectionError(f"{where(path)}: " + message % values)


@dataclass(frozen=True)
class Section:
    key: str  # the section's key at the top level of the file
    schema: dict[str, Any]
    dump: Callable[..., Any]
    load: Callable[..., None]
    check: Callable[..., None] | None
    order: int


_sections: dict[str, Section] = {}


def register(
    key: str,
    *,
    schema: dict[str, Any],
    dump: Callable[..., Any],
    load: Callable[..., None],
    check: Callable[..., None] | None = None,
    order: int = 100,
) -> None:
    """Add a section to the round file; registering a key again replaces it (module reloads in tests)."""
    _sections[key] = Section(key=key, schema=schema, dump=dump, load=load, check=check, order=order)


def unregister(key: str) -> None:
    """Take a section out again (tests)."""
    _sections.pop(key, None)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def moment(value: datetime | None) -> str | None:
    """A moment as the round file writes it: ISO 8601 in UTC with its offset (None stays None)."""
    return value.astimezone(UTC).isoformat() if value else None


def parse_moment(value: str | None) -> datetime | None:
    """A moment of the round file as an aware datetime; one without an offset (the schema asks for
    one) is read as UTC."""
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def check_day(value: str | None, path: list, *, moment: bool = False) -> None:
    """A date ("2027-01-04") or, with `moment`, an ISO moment with offset, that exists and lies within
    FIRST_DAY..LAST_DAY, also in UTC: 0001-01-01 or 9999-12-31 would overflow as soon as a time zone,
    a reminder or a calendar adds a day to it. None passes; SectionError otherwise."""
    if value is None:
        return
    try:
        parsed = parse_moment(value) if moment else date.fromisoformat(value)
    except ValueError:
        raise SectionError(
            _("%(where)s is not a real date: %(value)s") % {"where": where(path), "value": value}
        ) from None
    try:
        day = parsed.astimezone(UTC).date() if isinstance(parsed, datetime) else parsed
    except OverflowError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise SectionError(
            _("%(where)s: %(value)s is outside the years %(first)s to %(last)s.")
            % {"where": where(path), "value": value, "first": FIRST_DAY.year, "last": LAST_DAY.year}
        )
