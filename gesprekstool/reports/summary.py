"""The summary of a round for the report: what stands out and where the group disagrees.

Pure calculations on the step-1 part of `round_results` (no queries). The richer "Wat opvalt"
observations of gesprekstool.rounds.observations are used instead where that module exists;
these simple ones are the fallback and the source of the "main disagreements".
"""

from dataclasses import dataclass
from statistics import mean

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.instrument import Theme
from gesprekstool.lib.numbers import average_text

WIDE_SPREAD = 2  # scores this far apart are worth a conversation
LOW_MEAN = 2.5
HIGH_MEAN = 4.0


@dataclass(frozen=True)
class ThemeStats:
    """Step 1 of one theme, counted over the current scores (revised where revised)."""

    theme: Theme
    scores: tuple[int, ...]  # the known scores 1..5
    unknown: int  # how many chose "weet niet"
    missing: int  # how many gave no score (yet)

    @property
    def low(self) -> int | None:
        return min(self.scores, default=None)

    @property
    def high(self) -> int | None:
        return max(self.scores, default=None)

    @property
    def spread(self) -> int:
        return self.high - self.low if self.scores else 0

    @property
    def mean(self) -> float | None:
        return mean(self.scores) if self.scores else None


@dataclass(frozen=True)
class Point:
    """One line of the summary; the higher the importance, the earlier it is shown."""

    text: str
    importance: float
    theme: str = ""


def theme_stats(step1, *, unknown_value: int) -> list[ThemeStats]:
    """Per theme the known scores, "weet niet" and missing counts, from `RoundResults.step1`;
    `unknown_value` is the instrument's value for "weet niet" (`instrument.unknown.value`)."""
    stats = []
    for row in step1:
        known, unknown, missing = [], 0, 0
        for cell in row.cells:
            value = cell.revised if cell.revised is not None else cell.first
            if value is None:
                missing += 1
            elif value == unknown_value:
                unknown += 1
            else:
                known.append(value)
        stats.append(ThemeStats(theme=row.theme, scores=tuple(known), unknown=unknown, missing=missing))
    return stats


def decimal(value: float) -> str:
    """A mean as the Dutch write it, by the one rounding rule (gesprekstool.lib.numbers): 3,3 for 3,25."""
    return average_text(value)


def disagreements(stats: list[ThemeStats], limit: int = 3) -> list[ThemeStats]:
    """The themes on which scores lie furthest apart (at least WIDE_SPREAD), widest first."""
    wide = [s for s in stats if len(s.scores) >= 2 and s.spread >= WIDE_SPREAD]
    return sorted(wide, key=lambda s: (-s.spread, -s.unknown, s.theme.code))[:limit]


def simple_points(stats: list[ThemeStats], participants: int) -> list[Point]:
    """Wide spreads, "weet niet", and low or high agreement per theme, most important first."""
    points = []
    for s in stats:
        code = s.theme.code
        values = {"theme": s.theme.label}
        if len(s.scores) >= 2 and s.spread >= WIDE_SPREAD:
            text = _("Opinions differ on %(theme)s: the scores run from %(low)s to %(high)s.") % {
                **values,
                "low": s.low,
                "high": s.high,
            }
            points.append(Point(text, 2 + s.spread, code))
        if s.unknown:
            text = ngettext(
                "%(count)s of %(total)s participants does not know how the municipality scores on %(theme)s.",
                "%(count)s of %(total)s participants do not know how the municipality scores on %(theme)s.",
                s.unknown,
            ) % {**values, "count": s.unknown, "total": participants}
            points.append(Point(text, 1 + 3 * s.unknown / max(participants, 1), code))
        if s.scores and s.mean <= LOW_MEAN:
            text = _("%(theme)s scores low: on average %(mean)s out of 5.") % {
                **values,
                "mean": decimal(s.mean),
            }
            points.append(Point(text, 2 + LOW_MEAN - s.mean, code))
        elif len(s.scores) >= 2 and s.mean >= HIGH_MEAN and s.spread < WIDE_SPREAD:
            text = _("Broad agreement that %(theme)s is in order: on average %(mean)s out of 5.") % {
                **values,
                "mean": decimal(s.mean),
            }
            points.append(Point(text, 1, code))
    order = [s.theme.code for s in stats]
    return sorted(points, key=lambda p: (-p.importance, order.index(p.theme)))


def what_stands_out(results, limit: int = 6) -> list[Point]:
    """The summary's "what stands out": the lead's observations where available, else simple_points."""
    rich = _observations(results)
    if rich is None:
        rich = simple_points(
            theme_stats(results.step1, unknown_value=results.instrument.unknown.value),
            len(results.participants),
        )
    return rich[:limit]


def _observations(results) -> list[Point] | None:
    # gesprekstool.rounds.observations ("Wat opvalt", built by the lead) gives richer points; hidden
    # ones (the facilitator's choice on the results page) stay out of the report as well.
    try:
        from gesprekstool.rounds.observations import answers_from_results, observations  # noqa: PLC0415
    except ImportError:
        return None
    found = observations(results.instrument, answers_from_results(results))
    hidden = _hidden_keys(results.round)
    return [Point(o.text, o.importance, o.theme) for o in found if o.key not in hidden]


def _hidden_keys(round_) -> set[str]:
    manager = getattr(round_, "hidden_observations", None)
    return set(manager.values_list("key", flat=True)) if manager is not None else set()
