"""What a translation of the instrument must keep: every item, code, number, value and flag of the
Dutch reference, with only the words different. Pure Python, like the loader."""

from typing import Any

# Keys whose values are words in the instrument's language; everything else (version, codes, numbers,
# values, flags) must be equal in a translation.
_TEXT_KEYS = frozenset(
    {"title", "subtitle", "source", "scale_question", "label", "instruction", "note_label", "text"}
    | {"statement", "comment_label", "lead", "step3_columns"}
)


def _shape(value: Any, key: str = "") -> Any:
    """The definition with every text replaced by whether it is given: what a translation must keep."""
    if isinstance(value, dict):
        return {k: _shape(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(item, key) for item in value]
    if key in _TEXT_KEYS and isinstance(value, str):
        return bool(value)
    return value


def _first_difference(left: Any, right: Any, where: str = "instrument") -> str:
    if isinstance(left, dict) and isinstance(right, dict):
        for key in left.keys() | right.keys():
            if left.get(key) != right.get(key):
                return _first_difference(left.get(key), right.get(key), f"{where}.{key}")
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return f"{where}: {len(right)} in plaats van {len(left)}"
        for position, (a, b) in enumerate(zip(left, right, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{where}[{position}]")
    return f"{where}: {right!r} in plaats van {left!r}"


def first_difference(reference: dict, translated: dict) -> str | None:
    """Where ``translated`` (a definition as a dict) first differs from ``reference`` in anything but
    its words, e.g. ``instrument.themes[2].questions[0].options[0].exclusive: True in plaats van
    False``; None when it keeps everything."""
    expected, found = _shape(reference), _shape(translated)
    return None if expected == found else _first_difference(expected, found)
