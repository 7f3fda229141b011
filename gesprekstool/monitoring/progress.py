"""An organisation's rounds side by side: step-1 scores per theme (the group and per domain),
step-2 options that appeared or disappeared, and what became of the actions.

Everything is read in a fixed number of queries (rounds, scores, choices, actions), whatever the
number of rounds. Rounds made with different instrument versions are compared only on the
themes and options that are the same in every version involved.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import dateformat
from django.utils.translation import gettext as _

from gesprekstool.agenda.models import Action
from gesprekstool.instrument import SCORE_MAX, SCORE_MIN, Instrument, Option, Question, Theme
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.charts import GROUP_STYLE, domain_style
from gesprekstool.rounds.models import Choice, Participant, Round, Score

from .charts import Chart, line_chart, number

GROUP = "group"


@dataclass
class Series:
    """One line of a theme: the group, or the participants of one domain; a value per round."""

    key: str
    label: str
    values: list[float | None]
    counts: list[int]
    unknown: list[int]

    @property
    def has_values(self) -> bool:
        return any(v is not None for v in self.values)

    @property
    def cells(self) -> list[tuple[str, int, int]]:
        """(average as text, "" without one; number of scores; number of "don't know") per round."""
        return [
            (number(v) if v is not None else "", n, u)
            for v, n, u in zip(self.values, self.counts, self.unknown, strict=True)
        ]


@dataclass
class ThemeProgress:
    theme: Theme
    series: list[Series]
    chart: Chart
    summary: str


@dataclass
class OptionChange:
    question: Question
    option: Option
    before: int
    after: int


@dataclass
class Transition:
    """From one round with step-2 answers to the next: options ticked by nobody before and by
    someone now (appeared), and the other way round (disappeared)."""

    before: Round
    after: Round
    appeared: list[OptionChange]
    disappeared: list[OptionChange]


@dataclass
class ActionRow:
    round: Round
    total: int = 0
    carried_in: int = 0
    done: int = 0
    dropped: int = 0
    still_open: int = 0
    carried_on: int = 0


@dataclass
class Progress:
    organisation: Organisation
    rounds: list[Round]
    labels: list[str]
    versions: list[str]
    themes: list[ThemeProgress] = field(default_factory=list)
    left_out_themes: list[str] = field(default_factory=list)
    left_out_options: list[str] = field(default_factory=list)
    transitions: list[Transition] = field(default_factory=list)
    without_answers: list[Round] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)

    @property
    def mixed_versions(self) -> bool:
        return len(self.versions) > 1


def round_label(round_: Round) -> str:
    return dateformat.format(round_.held_on, "b Y")


def mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def shared_items(instruments: list[Instrument]) -> tuple[list[str], list[str], list[str], list[str]]:
    """Theme codes and option codes that are the same in every instrument (same statement; same
    question and option text), and labels of those that are not."""
    theme_codes, left_out_themes = [], []
    all_codes = dict.fromkeys(t.code for i in instruments for t in i.themes)
    for code in all_codes:
        found = [next((t for t in i.themes if t.code == code), None) for i in instruments]
        if all(t is not None and t.statement == found[0].statement for t in found):
            theme_codes.append(code)
        else:
            left_out_themes.append(next(t for t in reversed(found) if t is not None).label)
    option_codes, left_out_options = [], []
    all_options = dict.fromkeys((q.code, o.code) for i in instruments for q in i.questions for o in q.options)
    for question_code, option_code in all_options:
        found = []
        for instrument in instruments:
            question = next((q for q in instrument.questions if q.code == question_code), None)
            option = next((o for o in question.options if o.code == option_code), None) if question else None
            found.append((question.text, option.text) if option else None)
        if all(f is not None and f == found[0] for f in found):
            option_codes.append(option_code)
        else:
            text = next(f[1] for f in reversed(found) if f is not None)
            left_out_options.append(f"{option_code}. {text}")
    return theme_codes, option_codes, left_out_themes, left_out_options


def organisation_progress(organisation: Organisation) -> Progress:
    """Collect the progress of every round of `organisation`, oldest round first."""
    rounds = list(Round.objects.filter(organisation=organisation).order_by("held_on", "pk"))
    labels = [round_label(r) for r in rounds]
    versions = list(dict.fromkeys(r.instrument_version for r in rounds))
    progress = Progress(organisation=organisation, rounds=rounds, labels=labels, versions=versions)
    if not rounds:
        return progress
    instruments = [next(r for r in rounds if r.instrument_version == v).instrument for v in versions]
    reference = rounds[-1].instrument
    theme_codes, option_codes, progress.left_out_themes, progress.left_out_options = shared_items(instruments)
    progress.themes = theme_progress(organisation, rounds, labels, [reference.theme(c) for c in theme_codes])
    progress.transitions, progress.without_answers = option_transitions(
        organisation, rounds, reference, set(option_codes)
    )
    progress.actions = action_rows(organisation, rounds)
    return progress


# A line pattern per domain, so that a line is told apart without its colour; the group's is solid.
DASHES = {
    "armoede": "6 4",
    "gezondheid": "2 3",
    "uitvoering": "8 3 2 3",
    "maatschappelijk": "1 4",
    "aanpalend": "10 4",
}


def series_style(key: str) -> tuple[str, str, str, bool]:
    """(colour, shape, dash, filled) of the group or a domain: a domain has the same shape and
    colour on every theme and as on the results chart (rounds.charts.domain_style)."""
    if key == GROUP:
        shape, colour = GROUP_STYLE
        return colour, shape, "", True
    shape, colour = domain_style(key)
    return colour, shape, DASHES.get(key, "4 2"), True


def theme_progress(
    organisation, rounds: list[Round], labels: list[str], themes: list[Theme]
) -> list[ThemeProgress]:
    """Step 1: the current score (revised where revised) averaged per round, for the group and per
    domain; "weet niet" counted apart. The group is everyone in an individual round, and the
    shared form in a joint one."""
    known: dict[tuple, list[int]] = defaultdict(list)
    unknown: Counter = Counter()
    scores = Score.objects.filter(participant__round__organisation=organisation).values_list(
        "participant__round_id", "participant__domain", "participant__is_group", "theme", "first", "revised"
    )
    for round_id, domain, is_group, theme, first, revised in scores:
        value = revised if revised is not None else first
        if value is None:
            continue
        for key in [(round_id, theme, GROUP)] + ([] if is_group else [(round_id, theme, domain)]):
            if SCORE_MIN <= value <= SCORE_MAX:
                known[key].append(value)
            else:
                unknown[key] += 1

    result = []
    for theme in themes:
        series = []
        for key, label in [(GROUP, None), *Participant.Domain.choices]:
            scored = [known.get((r.pk, theme.code, key), []) for r in rounds]
            item = Series(
                key=key,
                label=str(label or _("Group")),
                values=[mean(values) for values in scored],
                counts=[len(values) for values in scored],
                unknown=[unknown.get((r.pk, theme.code, key), 0) for r in rounds],
            )
            if key == GROUP or item.has_values:
                series.append(item)
        chart = line_chart(
            chart_id=f"thema-{theme.code}",
            x_labels=labels,
            series=[(s.label, s.values) for s in series],
            styles=[series_style(s.key) for s in series],
        )
        summary = "; ".join(
            f"{s.label}: "
            + ", ".join(f"{number(v)} ({x})" for v, x in zip(s.values, labels, strict=True) if v is not None)
            for s in series
            if s.has_values
        )
        result.append(
            ThemeProgress(theme=theme, series=series, chart=chart, summary=summary or _("No scores yet."))
        )
    return result


def option_transitions(
    organisation, rounds: list[Round], reference: Instrument, shared: set[str]
) -> tuple[list[Transition], list[Round]]:
    """Step 2: from each round with answers to the next one, the shared options that appeared or
    disappeared; and the rounds without any step-2 answer, which are skipped."""
    ticked: Counter = Counter()
    answered: set[int] = set()
    choices = Choice.objects.filter(participant__round__organisation=organisation).values_list(
        "participant__round_id", "option"
    )
    for round_id, option in choices:
        ticked[(round_id, option)] += 1
        answered.add(round_id)
    with_answers = [r for r in rounds if r.pk in answered]
    transitions = []
    for before, after in zip(with_answers, with_answers[1:], strict=False):
        appeared, disappeared = [], []
        for question in reference.questions:
            for option in (o for o in question.options if o.code in shared):
                then, now = ticked[(before.pk, option.code)], ticked[(after.pk, option.code)]
                change = OptionChange(question=question, option=option, before=then, after=now)
                if now and not then:
                    appeared.append(change)
                elif then and not now:
                    disappeared.append(change)
        transitions.append(Transition(before=before, after=after, appeared=appeared, disappeared=disappeared))
    return transitions, [r for r in rounds if r.pk not in answered]


def action_rows(organisation, rounds: list[Round]) -> list[ActionRow]:
    """What each round agreed, and what became of it. An action carried into a later round counts
    there; in its own round it counts as "continued"."""
    rows = {r.pk: ActionRow(round=r) for r in rounds}
    actions = list(
        Action.objects.filter(round__organisation=organisation).values_list(
            "pk", "round_id", "status", "carried_from_id"
        )
    )
    carried_on = {carried_from for *_, carried_from in actions if carried_from}
    for pk, round_id, status, carried_from in actions:
        row = rows[round_id]
        row.total += 1
        row.carried_in += carried_from is not None
        if pk in carried_on:
            row.carried_on += 1
        elif status == Action.Status.DONE:
            row.done += 1
        elif status == Action.Status.DROPPED:
            row.dropped += 1
        else:
            row.still_open += 1
    return list(rows.values())
