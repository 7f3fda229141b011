"""What stands out in a round ("Wat opvalt"): pure calculations on plain data.

Everything here works on `Answers` (one participant's scores and ticks), so it can be
tested without a database. Each observation carries the evidence it rests on: the
participants, items and values behind its sentence.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from statistics import mean

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _

from gesprekstool.instrument import Instrument
from gesprekstool.lib.numbers import average_text, mean_of, one_decimal

LOW_MEAN = 2.5
WIDE_SPREAD = 2
HIGH_SCORE = 4

# Options that say "no", "none" or "don't know" about a theme: a high step-1 score on the
# same theme sits uneasily with them. Keyed by instrument version.
NEGATIVE_OPTIONS = {
    "2018.1": {"1e", "2e", "3i", "4a", "5e", "9h", "10d", "11d", "12b", "13d"},
}


@dataclass(frozen=True)
class Answers:
    """One participant's answers, as plain data."""

    key: str  # the name shown in results (anonymised label or name)
    domain: str  # the domain's display name, e.g. "Armoede"
    scores: dict[str, tuple[int | None, int | None]]  # theme -> (first, revised)
    ticked: frozenset[str] = frozenset()  # option codes
    answered: frozenset[str] = frozenset()  # question codes with at least one tick
    ident: str = ""  # stable identity (the participant's number), for keys that must survive renaming
    finished: bool = True  # handed in; answers of someone still busy may change
    is_group: bool = False  # the shared form of a joint round: one answer of the whole group

    @property
    def who(self) -> str:
        """The name as sentences use it, marked when the answers were not handed in yet."""
        if self.finished:
            return self.key
        return _("%(who)s (not handed in yet)") % {"who": self.key}

    def score(self, theme: str) -> int | None:
        first, revised = self.scores.get(theme, (None, None))
        return revised if revised is not None else first


@dataclass(frozen=True)
class Evidence:
    participant: str
    item: str  # a theme code ("D") or an option code ("7b")
    value: int | str | None


@dataclass(frozen=True)
class Observation:
    key: str  # stable, to hide it: "spread:D"
    kind: str
    theme: str
    text: str
    importance: float
    evidence: tuple[Evidence, ...] = field(default=())


@dataclass(frozen=True)
class ThemeSpread:
    theme: str
    known: tuple[tuple[str, str, int], ...]  # (participant, domain, score 1..5)
    unknown: tuple[str, ...]  # participants who chose "weet niet"
    missing: tuple[str, ...]  # participants without a score

    @property
    def low(self) -> int | None:
        return min((v for _, _, v in self.known), default=None)

    @property
    def high(self) -> int | None:
        return max((v for _, _, v in self.known), default=None)

    @property
    def range(self) -> int:
        return (self.high - self.low) if self.known else 0

    @property
    def mean(self) -> float | None:
        return mean(v for _, _, v in self.known) if self.known else None


def theme_spreads(instrument: Instrument, answers: list[Answers]) -> list[ThemeSpread]:
    spreads = []
    unknown_value = instrument.unknown.value
    for theme in instrument.themes:
        known, unknown, missing = [], [], []
        for a in answers:
            value = a.score(theme.code)
            if value is None:
                missing.append(a.key)
            elif value == unknown_value:
                unknown.append(a.key)
            else:
                known.append((a.key, a.domain, value))
        spreads.append(ThemeSpread(theme.code, tuple(known), tuple(unknown), tuple(missing)))
    return spreads


def domain_means(instrument: Instrument, answers: list[Answers]) -> dict[str, dict[str, Decimal | None]]:
    """Theme -> domain -> mean of the known scores, rounded by the one rule of lib.numbers (None
    where the domain gave none)."""
    domains = sorted({a.domain for a in answers})
    table: dict[str, dict[str, float | None]] = {}
    for spread in theme_spreads(instrument, answers):
        table[spread.theme] = {}
        for domain in domains:
            values = [v for _, d, v in spread.known if d == domain]
            table[spread.theme][domain] = one_decimal(mean_of(values)) if values else None
    return table


def contradictions(instrument: Instrument, answers: list[Answers]) -> list[tuple[Answers, str, int, str]]:
    """(participant, theme, score, option code): a high score beside a "no"/"don't know" tick."""
    negative = NEGATIVE_OPTIONS.get(instrument.version, set())
    found = []
    for a in answers:
        for question in instrument.questions:
            for option in question.options:
                if option.code in negative and option.code in a.ticked:
                    value = a.score(question.theme)
                    if value is not None and HIGH_SCORE <= value < instrument.unknown.value:
                        found.append((a, question.theme, value, option.code))
    return found


def tidy(text: str) -> str:
    """No doubled punctuation where a quoted text ends a sentence: “Nee.”. becomes “Nee.”"""
    for mark in ".?!":
        text = text.replace(f"{mark}”.", f"{mark}”")
    return text


def _spread_observation(instrument, spread: ThemeSpread, people: dict[str, Answers]) -> Observation | None:
    if len(spread.known) < 2 or spread.range < WIDE_SPREAD:
        return None
    # Read once: each is a pass over every score, and the loops below ask for them per score.
    low, high = spread.low, spread.high
    lows = sorted({d for _, d, v in spread.known if v == low})
    highs = sorted({d for _, d, v in spread.known if v == high})
    ends = [(p, v) for p, _, v in spread.known if v == low] + [
        (p, v) for p, _, v in spread.known if v == high
    ]
    detail = ", ".join(_("%(who)s gives %(score)s") % {"who": people[p].who, "score": v} for p, v in ends)
    text = _("On theme %(theme)s the scores run from %(low)s to %(high)s: %(detail)s.") % {
        "theme": spread.theme,
        "low": low,
        "high": high,
        "detail": detail,
    }
    evidence = tuple(Evidence(p, spread.theme, v) for p, _, v in spread.known if v in (low, high))
    importance = spread.range + (0.5 if set(lows) != set(highs) else 0)
    return Observation(f"spread:{spread.theme}", "spread", spread.theme, text, importance, evidence)


def _unknown_observation(
    instrument, spread: ThemeSpread, total: int, people: dict[str, Answers]
) -> Observation | None:
    count = len(spread.unknown)
    if not count:
        return None
    statement = instrument.theme(spread.theme).statement
    if total == 1 and people[spread.unknown[0]].is_group:
        text = _("The group does not know: “%(statement)s”") % {"statement": statement}
    else:
        text = ngettext(
            "%(count)s of the %(total)s participants does not know (%(who)s): “%(statement)s”",
            "%(count)s of the %(total)s participants do not know (%(who)s): “%(statement)s”",
            count,
        ) % {
            "count": count,
            "total": total,
            "who": ", ".join(people[p].who for p in spread.unknown),
            "statement": statement,
        }
    evidence = tuple(Evidence(p, spread.theme, instrument.unknown.value) for p in spread.unknown)
    return Observation(
        f"unknown:{spread.theme}", "unknown", spread.theme, text, 1 + 3 * count / total, evidence
    )


def _low_observation(spread: ThemeSpread, people: dict[str, Answers]) -> Observation | None:
    if len(spread.known) < 1 or spread.mean > LOW_MEAN:
        return None
    average = average_text(mean_of(v for _, _, v in spread.known))
    if len(people) == 1 and people[spread.known[0][0]].is_group:
        text = _("Theme %(theme)s scores low: the group gives it %(score)s out of 5.") % {
            "theme": spread.theme,
            "score": spread.known[0][2],
        }
    else:
        text = _("Theme %(theme)s scores low: on average %(mean)s out of 5.") % {
            "theme": spread.theme,
            "mean": average,
        }
    evidence = tuple(Evidence(p, spread.theme, v) for p, _, v in spread.known)
    return Observation(
        f"low:{spread.theme}", "low", spread.theme, text, 2 + (LOW_MEAN - spread.mean), evidence
    )


def _revised_observation(theme: str, answers: list[Answers]) -> Observation | None:
    changed = [
        a
        for a in answers
        if (a.scores.get(theme) or (None, None))[1] not in (None, a.scores.get(theme, (None,))[0])
    ]
    if not changed:
        return None
    # A score first given after step 2 has no first score to show: "–", never "None".
    if len(answers) == 1 and answers[0].is_group:
        first, revised = answers[0].scores[theme]
        text = _(
            "After step 2, the group changed the score on theme %(theme)s (%(first)s → %(revised)s)."
        ) % {
            "theme": theme,
            "first": "–" if first is None else first,
            "revised": revised,
        }
        evidence = (Evidence(answers[0].key, theme, revised),)
        return Observation(f"revised:{theme}", "revised", theme, text, 1.4, evidence)
    details = ", ".join(
        f"{a.who} {'–' if a.scores[theme][0] is None else a.scores[theme][0]} → {a.scores[theme][1]}"
        for a in changed
    )
    text = ngettext(
        "After step 2, %(count)s participant changed the score on theme %(theme)s (%(details)s).",
        "After step 2, %(count)s participants changed the score on theme %(theme)s (%(details)s).",
        len(changed),
    ) % {"count": len(changed), "theme": theme, "details": details}
    evidence = tuple(Evidence(a.key, theme, a.scores[theme][1]) for a in changed)
    return Observation(f"revised:{theme}", "revised", theme, text, 1.2 + 0.2 * len(changed), evidence)


def _option_observations(instrument: Instrument, answers: list[Answers]) -> list[Observation]:
    found = []
    # Options nobody chose, per theme: one sentence per theme instead of one per option.
    nobody: dict[str, list[tuple[str, str, list[Answers]]]] = {}
    for question in instrument.questions:
        responders = [a for a in answers if question.code in a.answered]
        if len(responders) < 2:
            continue
        for option in question.options:
            if option.exclusive or option.ask_when_combined or option.needs_text:
                continue
            ticked = [a for a in responders if option.code in a.ticked]
            values = {"option": option.text, "number": question.number}
            if not ticked:
                quoted = _("“%(option)s” (question %(number)s)") % values
                nobody.setdefault(question.theme, []).append((option.code, quoted, responders))
            elif len(ticked) == len(responders):
                text = _("Everyone chooses “%(option)s” (question %(number)s).") % values
                evidence = tuple(Evidence(a.key, option.code, option.text) for a in ticked)
                found.append(Observation(f"all:{option.code}", "all", question.theme, text, 0.7, evidence))
    for theme, options in nobody.items():
        if len(options) == 1:
            text = _("Nobody chooses %(options)s.") % {"options": options[0][1]}
        else:
            text = _("On theme %(theme)s nobody chooses: %(options)s.") % {
                "theme": theme,
                "options": ", ".join(quoted for _code, quoted, _responders in options),
            }
        # The options nobody ticked, "" for each participant who answered without them.
        evidence = tuple(
            Evidence(a.key, code, "") for code, _quoted, responders in options for a in responders
        )
        found.append(Observation(f"none:{theme}", "none", theme, text, 1.0, evidence))
    return found


def observations(instrument: Instrument, answers: list[Answers]) -> list[Observation]:
    """Every observation, the most important for the conversation first."""
    if not answers:
        return []
    found: list[Observation] = []
    people = {a.key: a for a in answers}
    for spread in theme_spreads(instrument, answers):
        for made in (
            _spread_observation(instrument, spread, people),
            _unknown_observation(instrument, spread, len(answers), people),
            _low_observation(spread, people),
            _revised_observation(spread.theme, answers),
        ):
            if made:
                found.append(made)
    for a, theme, value, option_code in contradictions(instrument, answers):
        option = instrument.option(option_code)
        question = next(q for q in instrument.questions if option in q.options)
        text = _(
            "%(who)s gives theme %(theme)s a %(score)s, but ticks “%(option)s” at question %(number)s."
        ) % {
            "who": a.who,
            "theme": theme,
            "score": value,
            "option": option.text,
            "number": question.number,
        }
        evidence = (Evidence(a.key, theme, value), Evidence(a.key, option_code, option.text))
        found.append(
            Observation(f"contradiction:{a.key}:{option_code}", "contradiction", theme, text, 2.5, evidence)
        )
    found.extend(_option_observations(instrument, answers))
    found = [Observation(o.key, o.kind, o.theme, tidy(o.text), o.importance, o.evidence) for o in found]
    themes = [t.code for t in instrument.themes]
    return sorted(found, key=lambda o: (-o.importance, themes.index(o.theme), o.key))


def answers_from_results(results) -> list[Answers]:
    """Adapter from rounds.results.RoundResults to plain Answers."""
    answers = []
    for participant in results.participants:
        scores = dict(results.scores.get(participant.pk, {}))
        ticks = results.ticks.get(participant.pk, [])
        answers.append(
            Answers(
                key=participant.shown_name,
                # The shared form has no domain: the chart's legend and the table say "the group".
                domain=gettext("The group") if participant.is_group else participant.domain_label,
                scores=scores,
                ticked=frozenset(option for _question, option in ticks),
                answered=frozenset(question for question, _option in ticks),
                ident=str(participant.position),
                finished=participant.is_finished,
                is_group=participant.is_group,
            )
        )
    return answers


def themes_needing_attention(instrument: Instrument, answers: list[Answers], limit: int = 3) -> list[str]:
    """Theme codes ordered by need: wide spread, low scores and "weet niet" all count."""
    need = []
    for spread in theme_spreads(instrument, answers):
        score = spread.range + 2 * len(spread.unknown) / max(len(answers), 1)
        if spread.mean is not None:
            score += max(0.0, 3 - spread.mean)
        need.append((score, spread.theme))
    ranked = sorted(need, key=lambda item: (-item[0], item[1]))
    return [theme for score, theme in ranked if score > 0][:limit]
