"""The conversation tool's instrument (themes, statements, questions, options) as versioned data.

The definitions live in ``definitions/<version>.yaml``; answers elsewhere refer to theme, question and
option codes ("A", "4", "4c") together with the instrument version they were given under.
"""

from gesprekstool.instrument.loader import (
    CURRENT_VERSION,
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
)

__all__ = [
    "CURRENT_VERSION",
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
]
