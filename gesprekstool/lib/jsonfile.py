"""Reading a JSON file that people bring in (a round file, a library export) without trusting it.

The file is size-limited before it is parsed, parsed strictly (no duplicate keys, no NaN), checked
against a JSON Schema, and every problem is said in words that name the place in the file
(`entries[3].links[0].url: ...`), never with a traceback. The format modules (reports/roundfile/,
inspiration/library.py) add their own checks on top and pass their own error class.
"""

import functools
import json
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _


class JsonFileError(Exception):
    """A file that cannot be read; the message names the problem and where it is."""


def _no_duplicate_keys(error: type[Exception]):
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = {}
        for key, value in pairs:
            if key in result:
                raise error(_("The key “%(key)s” appears twice in one object.") % {"key": key[:50]})
            result[key] = value
        return result

    return hook


def parse(raw: bytes, *, error: type[Exception] = JsonFileError, what: str) -> Any:
    """The parsed JSON of `raw` (whose size the caller has limited), or `error` naming the problem.
    `what` names the kind of file in the message about nesting ("a round file")."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(_("The file is not UTF-8 text (byte %(position)s).") % {"position": exc.start}) from None

    def no_constant(name: str):
        raise error(_("The file contains %(value)s, which is not a number in JSON.") % {"value": name})

    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys(error), parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise error(
            _("The file is not valid JSON: %(error)s (line %(line)s, column %(column)s).")
            % {"error": exc.msg, "line": exc.lineno, "column": exc.colno}
        ) from None
    except RecursionError:
        raise error(_("The file is nested too deeply to be %(what)s.") % {"what": what}) from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise error(_("The file is not valid JSON: %(error)s") % {"error": str(exc)[:200]}) from None


@functools.cache
def validator(path: Path):
    """A checked Draft 2020-12 validator for the schema at `path` (read once per process)."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def where(path) -> str:
    """A JSON path as people read it: participants[2].answers[0].option."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or _("the top level")


def check_schema(
    data: Any, schema: Path | dict, *, error: type[Exception], message: str, at: tuple = ()
) -> None:
    """Raise `error` for the most telling schema error; `message` takes %(where)s and %(problem)s.
    `schema` is a schema file or a schema as a dict; `at` is where `data` sits in the whole file."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415
    from jsonschema.exceptions import best_match  # noqa: PLC0415

    if isinstance(schema, dict):
        Draft202012Validator.check_schema(schema)
        checker = Draft202012Validator(schema)
    else:
        checker = validator(schema)
    found = best_match(checker.iter_errors(data))
    if found is not None:
        raise error(message % {"where": where([*at, *found.absolute_path]), "problem": describe(found)})


def _type_names(types) -> str:
    names = {
        "string": _("a text"),
        "integer": _("a whole number"),
        "array": _("a list"),
        "object": _("an object"),
        "boolean": _("true or false"),
        "null": "null",
    }
    types = [types] if isinstance(types, str) else types
    return _(" or ").join(names.get(t, t) for t in types)


def _unknown_keys(error) -> str:
    known = set(error.schema.get("properties", {}))
    unknown = sorted(k for k in error.instance if k not in known)
    return _("has unknown keys: %(keys)s.") % {"keys": ", ".join(f"“{k[:40]}”" for k in unknown[:5])}


def _missing_keys(error) -> str:
    missing = [k for k in error.validator_value if k not in error.instance]
    return _("misses %(keys)s.") % {"keys": ", ".join(f"“{k}”" for k in missing)}


_DESCRIPTIONS = {
    "type": lambda e: _("must be %(types)s.") % {"types": _type_names(e.validator_value)},
    "maxLength": lambda e: _("is longer than %(limit)s characters.") % {"limit": e.validator_value},
    "minLength": lambda e: _("is empty."),
    "maxItems": lambda e: _("has more than %(limit)s items.") % {"limit": e.validator_value},
    "uniqueItems": lambda e: _("has an item twice."),
    "minimum": lambda e: _("is out of range."),
    "maximum": lambda e: _("is out of range."),
    "enum": lambda e: (
        _("must be one of: %(values)s.") % {"values": ", ".join(json.dumps(v) for v in e.validator_value)}
    ),
    "const": lambda e: _("must be %(value)s.") % {"value": json.dumps(e.validator_value)},
    "pattern": lambda e: _("does not have the right form."),
    "required": _missing_keys,
    "additionalProperties": _unknown_keys,
}


def describe(error) -> str:
    """A schema error in words, without echoing the (possibly huge) value from the file."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        # "null or X": say what X wanted, or which types were allowed.
        other = [e for e in error.context if e.validator != "type"]
        if other:
            return describe(other[0])
        types = [e.validator_value for e in error.context]
        return _("must be %(types)s.") % {"types": _type_names(types)}
    explain = _DESCRIPTIONS.get(error.validator)
    return explain(error) if explain else error.message[:200]


def check_strings(value: Any, path: list, *, error: type[Exception]) -> None:
    """Refuse a NUL (PostgreSQL cannot store it) and a lone surrogate ("\\ud800", no database can
    store it as UTF-8) anywhere in the parsed data."""
    if isinstance(value, str):
        if "\x00" in value:
            raise error(_("%(where)s contains a NUL character.") % {"where": where(path)})
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise error(_("%(where)s contains an invalid character.") % {"where": where(path)}) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            check_strings(item, [*path, key], error=error)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            check_strings(item, [*path, i], error=error)
