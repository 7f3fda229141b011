"""The conversation tool's instrument (themes, statements, questions, options) as versioned data.

The definitions live in ``definitions/<version>.yaml`` (Dutch, the reference) and
``definitions/<language>/<version>.yaml`` (translations); answers elsewhere refer to theme, question and
option codes ("A", "4", "4c") together with the instrument version they were given under.
"""

from django.utils.translation import get_language

from gesprekstool.instrument.loader import (
    CURRENT_VERSION,
    SCORE_MAX,
    SCORE_MIN,
    SCORE_UNKNOWN,
    Instrument,
    InstrumentError,
    Option,
    Question,
    ScalePoint,
    StepText,
    Theme,
    available_versions,
    load_instrument,
    load_instrument_file,
    translations,
)


def active_instrument(version: str | None = None) -> Instrument:
    """Instrument ``version`` (default: the current one) in the active language: what a reader sees."""
    return load_instrument(version, language=get_language())


__all__ = [
    "active_instrument",
    "CURRENT_VERSION",
    "SCORE_MAX",
    "SCORE_MIN",
    "SCORE_UNKNOWN",
    "Instrument",
    "InstrumentError",
    "Option",
    "Question",
    "ScalePoint",
    "StepText",
    "Theme",
    "available_versions",
    "load_instrument",
    "load_instrument_file",
    "translations",
]
