"""A programme's figures: per theme the distribution of the gemeenten's mean scores, the share of
"weet niet", the actions, the change since the previous rounds.

Computed live from the rounds of the gemeenten that share (nothing is copied), in three queries
whatever the number of gemeenten: the members, the step-1 scores of their rounds, the actions of
the rounds that count. Per gemeente the round that counts is its latest round with step-1 answers
made with the current version of the tool; "the previous round" is the one before it.

The rules (docs/programmes.md): no figure at all with fewer than MINIMUM_GEMEENTEN gemeenten, and
no figure of a theme answered by fewer; gemeenten that share anonymously are never named.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean, quantiles

from gesprekstool.agenda.models import Action
from gesprekstool.instrument import CURRENT_VERSION, SCORE_MAX, SCORE_MIN, Instrument, Theme, load_instrument
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Score

from .models import MINIMUM_GEMEENTEN, Programme, ProgrammeMember

WEAKEST = 2  # how many themes the page names as the weakest region-wide


@dataclass
class RoundScores:
    """The step-1 scores of one round (current score: revised where revised), as plain data."""

    round_id: int
    held_on: datetime.date
    known: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    unknown: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def mean(self, theme: str) -> float | None:
        values = self.known.get(theme)
        return mean(values) if values else None


@dataclass
class GemeenteScores:
    organisation: Organisation
    named: bool
    latest: RoundScores
    previous: RoundScores | None


@dataclass(frozen=True)
class Distribution:
    count: int
    lowest: float
    q1: float
    median: float
    q3: float
    highest: float
    average: float


@dataclass(frozen=True)
class ActionCounts:
    total: int = 0
    live: int = 0  # open or in progress
    done: int = 0
    dropped: int = 0


@dataclass
class ThemeFigures:
    theme: Theme
    answered: int  # gemeenten with a mean score on this theme
    distribution: Distribution | None  # None for fewer than MINIMUM_GEMEENTEN
    unknown_share: float | None  # percentage of "weet niet" among all scores of the theme
    named: list[tuple[str, float]]  # (gemeente, mean) of the gemeenten that share with their name
    actions: ActionCounts
    change: float | None  # average change of the gemeenten's means since their previous round
    change_count: int  # how many gemeenten that average is over

    @property
    def enough(self) -> bool:
        return self.distribution is not None


@dataclass
class ProgrammeFigures:
    programme: Programme
    version: str
    members: int  # every member gemeente, sharing or not
    sharing: int  # gemeenten that share (anonymously or named)
    counted: list[GemeenteScores]  # sharing gemeenten with a round that counts
    themes: list[ThemeFigures]
    weakest: list[ThemeFigures]

    @property
    def enough(self) -> bool:
        return len(self.counted) >= MINIMUM_GEMEENTEN

    @property
    def named(self) -> list[str]:
        return sorted(g.organisation.name for g in self.counted if g.named)

    @property
    def anonymous(self) -> int:
        return sum(1 for g in self.counted if not g.named)

    @property
    def organisations(self) -> list[Organisation]:
        return [g.organisation for g in self.counted]

    @property
    def minimum(self) -> int:
        return MINIMUM_GEMEENTEN


def distribution(values: list[float]) -> Distribution | None:
    """The five-number summary and the average; None for fewer than MINIMUM_GEMEENTEN values."""
    if len(values) < MINIMUM_GEMEENTEN:
        return None
    q1, median, q3 = quantiles(values, n=4, method="inclusive")
    return Distribution(
        count=len(values),
        lowest=min(values),
        q1=q1,
        median=median,
        q3=q3,
        highest=max(values),
        average=mean(values),
    )


def theme_figures(
    instrument: Instrument, gemeenten: list[GemeenteScores], actions: list[tuple[str, str]]
) -> list[ThemeFigures]:
    """Pure: the figures per theme of the gemeenten that count. `actions` are (theme, status) of the
    actions of their latest rounds. With fewer than MINIMUM_GEMEENTEN gemeenten there are none."""
    if len(gemeenten) < MINIMUM_GEMEENTEN:
        return []
    result = []
    for theme in instrument.themes:
        code = theme.code
        means = [(g, g.latest.mean(code)) for g in gemeenten]
        values = [m for _g, m in means if m is not None]
        shown = distribution(values)
        known = sum(len(g.latest.known.get(code, [])) for g in gemeenten)
        unknown = sum(g.latest.unknown.get(code, 0) for g in gemeenten)
        changes = [
            m - before
            for g, m in means
            if m is not None and g.previous is not None and (before := g.previous.mean(code)) is not None
        ]
        statuses = [status for theme_code, status in actions if theme_code == code]
        result.append(
            ThemeFigures(
                theme=theme,
                answered=len(values),
                distribution=shown,
                unknown_share=100 * unknown / (known + unknown) if shown and known + unknown else None,
                named=sorted((g.organisation.name, m) for g, m in means if g.named and m is not None)
                if shown
                else [],
                actions=ActionCounts(
                    total=len(statuses),
                    live=sum(1 for s in statuses if s in Action.LIVE_STATUSES),
                    done=statuses.count(Action.Status.DONE),
                    dropped=statuses.count(Action.Status.DROPPED),
                ),
                change=mean(changes) if shown and len(changes) >= MINIMUM_GEMEENTEN else None,
                change_count=len(changes),
            )
        )
    return result


def weakest(themes: list[ThemeFigures]) -> list[ThemeFigures]:
    """The themes with the lowest median among those with figures (ties: the lower average first)."""
    shown = [t for t in themes if t.enough]
    return sorted(shown, key=lambda t: (t.distribution.median, t.distribution.average, t.theme.code))[
        :WEAKEST
    ]


def load_gemeenten(members: list[ProgrammeMember], version: str) -> list[GemeenteScores]:
    """The latest and previous round with step-1 answers of every sharing member (one query)."""
    sharing = {m.organisation_id: m for m in members if m.shares}
    if not sharing:
        return []
    rounds: dict[int, dict[int, RoundScores]] = defaultdict(dict)
    scores = Score.objects.filter(
        participant__round__organisation_id__in=sharing, participant__round__instrument_version=version
    ).values_list(
        "participant__round__organisation_id",
        "participant__round_id",
        "participant__round__held_on",
        "theme",
        "first",
        "revised",
    )
    for organisation_id, round_id, held_on, theme, first, revised in scores:
        value = revised if revised is not None else first
        if value is None:
            continue
        found = rounds[organisation_id].setdefault(round_id, RoundScores(round_id=round_id, held_on=held_on))
        if SCORE_MIN <= value <= SCORE_MAX:
            found.known[theme].append(value)
        else:
            found.unknown[theme] += 1
    result = []
    for organisation_id, member in sharing.items():
        ordered = sorted(rounds.get(organisation_id, {}).values(), key=lambda r: (r.held_on, r.round_id))
        if not ordered:
            continue
        result.append(
            GemeenteScores(
                organisation=member.organisation,
                named=member.sharing == ProgrammeMember.Sharing.NAMED,
                latest=ordered[-1],
                previous=ordered[-2] if len(ordered) > 1 else None,
            )
        )
    return sorted(result, key=lambda g: g.organisation.pk)


def programme_figures(programme: Programme, *, version: str = CURRENT_VERSION) -> ProgrammeFigures:
    """Everything the programme page and its exports show. Three queries, however many gemeenten."""
    members = list(ProgrammeMember.objects.filter(programme=programme).select_related("organisation"))
    gemeenten = load_gemeenten(members, version)
    actions: list[tuple[str, str]] = []
    if len(gemeenten) >= MINIMUM_GEMEENTEN:
        actions = list(
            Action.objects.current()
            .filter(round_id__in=[g.latest.round_id for g in gemeenten])
            .values_list("theme", "status")
        )
    themes = theme_figures(load_instrument(version), gemeenten, actions)
    return ProgrammeFigures(
        programme=programme,
        version=version,
        members=len(members),
        sharing=sum(1 for m in members if m.shares),
        counted=gemeenten,
        themes=themes,
        weakest=weakest(themes),
    )
