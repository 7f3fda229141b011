"""Suggestions from the library that answer a round's results.

The rules are data (SuggestionRule records, shipped in data/library.json and editable in the admin);
this module only evaluates them against the plain data of `gesprekstool.rounds.results.round_results`:

    suggestions = suggestions_for(round_results(round_))

On a round's results page they appear as a panel (`results_panel_context`, registered with
`gesprekstool.rounds.panels` in InspirationConfig.ready()). Two database queries, whatever the number of participants, rules or entries.
"""

from dataclasses import dataclass
from statistics import mean

from django.db.models import Prefetch
from django.utils.translation import gettext, ngettext

from gesprekstool.instrument import ScalePoint
from gesprekstool.rounds.analysis import Analysis
from gesprekstool.rounds.models import Round

from .models import Entry, RuleEntry, SuggestionRule

PER_THEME = 3
LOW_BELOW = 3.0  # average score below "neutraal"
DIVERGENT_FROM = 2  # highest minus lowest score


@dataclass(frozen=True)
class Suggestion:
    theme_code: str
    theme_label: str
    entry: Entry
    reason: str
    rule: str


@dataclass(frozen=True)
class ThemeFacts:
    """What the rules can test on one theme of a round."""

    scores: list[int]  # current scores (revised if revised), "weet niet" included, unanswered left out
    ticked: dict[str, int]  # option code -> number of participants who ticked it
    lacking: dict[tuple[str, ...], tuple[int, int]]  # options -> (answered without any of them, answered)
    unknown: ScalePoint  # the instrument's "weet niet": its value and its words

    @property
    def known(self) -> list[int]:
        return [s for s in self.scores if s != self.unknown.value]

    def score_holds(self, condition: str) -> bool:
        known = self.known
        if condition == "low":
            return bool(known) and mean(known) < LOW_BELOW
        if condition == "divergent":
            return len(known) > 1 and max(known) - min(known) >= DIVERGENT_FROM
        if condition == "unknown":
            return self.unknown.value in self.scores
        raise ValueError(condition)


def _participants(n: int) -> str:
    return ngettext("%(n)d participant", "%(n)d participants", n) % {"n": n}


def _score_list(scores: list[int], unknown: ScalePoint) -> str:
    shown = [unknown.label if s == unknown.value else str(s) for s in scores]
    if len(shown) < 2:
        return "".join(shown)
    return gettext("%(list)s and %(last)s") % {"list": ", ".join(shown[:-1]), "last": shown[-1]}


@dataclass(frozen=True)
class Answers:
    """Who ticked and who answered what in step 2, by participant id."""

    ticked: dict[str, set[int]]  # option code -> participants who ticked it
    answered: dict[str, set[int]]  # question code -> participants who answered it
    question_of: dict[str, str]  # option code -> question code


def collect_answers(results) -> Answers:
    everyone = {p.pk for p in results.participants}
    ticked, answered, question_of = {}, {}, {}
    for theme_result in results.step2:
        for q in theme_result.questions:
            answered[q.question.code] = everyone - {p.pk for p in q.unanswered}
            for o in q.options:
                question_of[o.option.code] = q.question.code
                ticked[o.option.code] = {p.pk for p in o.participants}
    return Answers(ticked=ticked, answered=answered, question_of=question_of)


def theme_facts(results, theme_code: str, rules: list[SuggestionRule], answers: Answers) -> ThemeFacts:
    row = next(r for r in results.step1 if r.theme.code == theme_code)
    scores = []
    for cell in row.cells:
        current = cell.revised if cell.revised is not None else cell.first
        if current is not None:
            scores.append(current)
    lacking = {}
    for rule in rules:
        codes = tuple(rule.not_ticked_codes)
        if not codes:
            continue
        questions = {answers.question_of[c] for c in codes if c in answers.question_of}
        answering = set().union(*(answers.answered[q] for q in questions))
        with_any = set().union(*(answers.ticked.get(c, set()) for c in codes))
        lacking[codes] = (len(answering - with_any), len(answering))
    return ThemeFacts(
        scores=scores,
        ticked={code: len(who) for code, who in answers.ticked.items()},
        lacking=lacking,
        unknown=results.instrument.unknown,
    )


def fires(rule: SuggestionRule, facts: ThemeFacts) -> bool:
    conditions = rule.score_conditions
    if conditions and not any(facts.score_holds(c) for c in conditions):
        return False
    if rule.ticked_codes and not any(facts.ticked.get(c, 0) for c in rule.ticked_codes):
        return False
    if rule.not_ticked_codes:
        missing, _answered = facts.lacking.get(tuple(rule.not_ticked_codes), (0, 0))
        if not missing:
            return False
    return bool(conditions or rule.ticked_codes or rule.not_ticked_codes)


def _pattern(rule: SuggestionRule, facts: ThemeFacts) -> str:
    """How the scores look, in words, for the score conditions of this rule that hold."""
    holding = [c for c in rule.score_conditions if facts.score_holds(c)]
    phrases = {
        "low": gettext("are low"),
        "divergent": gettext("diverge"),
        "unknown": gettext("include “don't know”"),
    }
    words = [phrases[c] for c in holding]
    if len(words) < 2:
        return "".join(words)
    return gettext("%(list)s and %(last)s") % {"list": ", ".join(words[:-1]), "last": words[-1]}


def reason_for(rule: SuggestionRule, facts: ThemeFacts) -> str:
    ticked_by = sum(facts.ticked.get(c, 0) for c in rule.ticked_codes)
    missing, answered = facts.lacking.get(tuple(rule.not_ticked_codes), (0, 0))
    values = {
        "pattern": _pattern(rule, facts),
        "scores": _score_list(facts.scores, facts.unknown),
        "ticked_by": _participants(ticked_by),
        "not_ticked_by": gettext("%(n)d of the %(total)s") % {"n": missing, "total": _participants(answered)},
    }
    try:
        return rule.reason.format(**values)
    except (KeyError, IndexError, ValueError):
        return rule.reason  # an adviser's typo must not break the results page


def active_rules() -> list[SuggestionRule]:
    """Active rules with their public, current entries in order: two queries."""
    links = (
        RuleEntry.objects.filter(entry__visibility=Entry.Visibility.PUBLIC, entry__retired_at__isnull=True)
        .select_related("entry")
        .order_by("position", "id")
    )
    return list(
        SuggestionRule.objects.filter(active=True)
        .order_by("theme_id", "priority", "slug")
        .prefetch_related(Prefetch("rule_entries", queryset=links))
    )


def suggestions_for(results) -> list["Suggestion"]:
    """For each theme that needs attention in this round, up to three entries, each with the reason of
    the rule that brought it. Themes in order A–F; within a theme the entries of the firing rules are
    taken in turn (first entry of each rule, then the second, ...) so that each gap gets an answer."""
    if not results.participants:
        return []
    rules = active_rules()
    answers = collect_answers(results)
    by_theme: dict[str, list[SuggestionRule]] = {}
    for rule in rules:
        by_theme.setdefault(rule.theme_id, []).append(rule)
    suggestions: list[Suggestion] = []
    for row in results.step1:
        theme = row.theme
        theme_rules = by_theme.get(theme.code, [])
        if not theme_rules:
            continue
        facts = theme_facts(results, theme.code, theme_rules, answers)
        firing = [(r, [link.entry for link in r.rule_entries.all()]) for r in theme_rules if fires(r, facts)]
        chosen: list[Suggestion] = []
        seen: set[int] = set()
        depth = max((len(entries) for _rule, entries in firing), default=0)
        for n in range(depth):
            for rule, entries in firing:
                if n < len(entries) and entries[n].pk not in seen and len(chosen) < PER_THEME:
                    seen.add(entries[n].pk)
                    chosen.append(
                        Suggestion(
                            theme_code=theme.code,
                            theme_label=theme.label,
                            entry=entries[n],
                            reason=reason_for(rule, facts),
                            rule=rule.slug,
                        )
                    )
        # Entries of the same rule side by side, so the page can show each reason once.
        order = [rule.slug for rule, _entries in firing]
        suggestions.extend(sorted(chosen, key=lambda s: order.index(s.rule)))
    return suggestions


def results_panel_context(*, round_: Round, analysis: Analysis) -> dict:
    """The context of inspiration/suggestions.html as a panel on a round's results page."""
    return {"suggestions": suggestions_for(analysis.results)}
