"""Questions and statements the tool proposes for the group conversation."""

from functools import cache
from pathlib import Path

import yaml

from gesprekstool.instrument import Instrument

from .observations import Answers, theme_spreads, themes_needing_attention

DATA = Path(__file__).parent / "data" / "conversation.yaml"
KINDS = ("spread", "unknown", "low", "always")


@cache
def prompts() -> dict[str, dict[str, list[str]]]:
    with DATA.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    for theme, kinds in data.items():
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"{DATA.name}: theme {theme}: unknown keys {sorted(unknown)}")
    return data


def proposals(instrument: Instrument, answers: list[Answers], limit: int = 3) -> list[tuple[str, str]]:
    """(theme, question) pairs for the themes that need the conversation most, in that order.
    Which questions depends on why the theme needs attention: spread, "weet niet" or low scores."""
    spreads = {s.theme: s for s in theme_spreads(instrument, answers)}
    result = []
    for theme in themes_needing_attention(instrument, answers, limit=limit):
        spread = spreads[theme]
        texts = prompts().get(theme, {})
        chosen = []
        if spread.range >= 2:
            chosen += texts.get("spread", [])
        if spread.unknown:
            chosen += texts.get("unknown", [])
        if spread.mean is not None and spread.mean <= 3:
            chosen += texts.get("low", [])
        chosen += texts.get("always", [])
        result += [(theme, text) for text in dict.fromkeys(chosen)]
    return result
