"""Everything the PDF report and the Word memo show, gathered once in a fixed number of queries.

Participants appear only through `Participant.shown_name`, so an anonymised round never shows a
name, and the owner of an action is shown the same way.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.futures.exports import FuturePicture, future_picture
from gesprekstool.indicators.models import Indicator
from gesprekstool.indicators.selection import figures_by_theme
from gesprekstool.instrument import Instrument, Theme
from gesprekstool.rounds.charts import domain_values
from gesprekstool.rounds.charts_print import PrintChart, print_chart
from gesprekstool.rounds.models import Round
from gesprekstool.rounds.observations import answers_from_results
from gesprekstool.rounds.results import RoundResults, round_results

from . import summary

SHORT_WHO_FROM = 12
# With more participants than this, the PDF prints per answer the count and at most TEXTS_SHOWN of
# the texts typed with it (the Word memo and the Excel file hold every one): at 300 participants
# the full lists ran to some 150 pages and 37 s (issue 11), more than anyone reads in a report.
LONG_FROM = 30
TEXTS_SHOWN = 8


@dataclass(frozen=True)
class ActionRow:
    theme: Theme
    description: str
    who: str
    department: str
    due_on: date | None
    status: str = ""  # as shown: "open", "bezig", "gedaan", "vervallen"


@dataclass(frozen=True)
class Inspiration:
    """One suggested practice example; filled from gesprekstool.inspiration when it exists."""

    title: str
    text: str = ""
    reason: str = ""
    theme: str = ""
    url: str = ""


@dataclass
class ReportContent:
    round: Round
    instrument: Instrument
    results: RoundResults
    stats: list[summary.ThemeStats]
    stands_out: list[summary.Point]
    disagreements: list[summary.ThemeStats]
    actions: list[ActionRow]
    agreement: Agreement | None
    chart: PrintChart
    inspiration: list[Inspiration] = field(default_factory=list)
    # Theme code -> the local figures chosen for the round beside that theme (gesprekstool.indicators).
    figures: dict[str, list[Indicator]] = field(default_factory=dict)
    own_observations: list[tuple[str, str]] = field(default_factory=list)  # (theme code or "", text)
    conversation_questions: list[tuple[str, str]] = field(default_factory=list)  # (theme code, text)
    future: FuturePicture | None = None  # the picture of the future (gesprekstool.futures), if any
    made_on: date = field(default_factory=timezone.localdate)

    @property
    def participant_count(self) -> int:
        return len(self.results.participants)

    @property
    def short_who(self) -> bool:
        """With many participants, step 2 names them by number: a list of fifty labels per
        option would drown the answers (the step-1 table says who has which number)."""
        return self.participant_count > SHORT_WHO_FROM

    @property
    def text_limit(self) -> int | None:
        """How many typed texts the PDF shows per list (None: all); see LONG_FROM."""
        return TEXTS_SHOWN if self.participant_count > LONG_FROM else None

    @property
    def lists_who(self) -> bool:
        """Whether the PDF names who ticked each answer: a list of a hundred numbers says nothing."""
        return self.participant_count <= LONG_FROM

    @property
    def actions_by_theme(self) -> list[tuple[Theme, list[ActionRow]]]:
        return [(t, [a for a in self.actions if a.theme.code == t.code]) for t in self.instrument.themes]

    def score_text(self, value: int | None) -> str:
        """A step-1 score as the report prints it: "4", "weet niet", or "–" for none."""
        if value is None:
            return "–"
        return self.instrument.unknown.label if value == self.instrument.unknown.value else str(value)

    @property
    def score_table(self) -> list[tuple[int, str, list[str]]]:
        """Per participant the number, the shown name and per theme "4", or "4 → 3" where revised
        after step 2. The number is the one on the chart's markers."""
        table = []
        for i, participant in enumerate(self.results.participants):
            cells = []
            for row in self.results.step1:
                cell = row.cells[i]
                text = self.score_text(cell.first)
                if cell.revised is not None:
                    text = f"{text} → {self.score_text(cell.revised)}"
                cells.append(text)
            table.append((participant.position, participant.shown_name, cells))
        return table

    @property
    def stats_rows(self) -> list[tuple[summary.ThemeStats, str, str]]:
        """Per theme its stats with the mean ("3,5") and the range ("2–5") as text, "–" where none."""
        rows = []
        for s in self.stats:
            average = summary.decimal(s.mean) if s.mean is not None else "–"
            spread = "–" if not s.scores else (str(s.low) if s.low == s.high else f"{s.low}–{s.high}")
            rows.append((s, average, spread))
        return rows


def action_rows(round_: Round, results: RoundResults) -> list[ActionRow]:
    """The action agenda with each owner shown as in the results (never a name in an anonymised round)."""
    by_id = {p.pk: p for p in results.participants}
    rows = []
    for action in Action.objects.filter(round=round_).order_by("theme", "created_at", "id"):
        owner = by_id.get(action.owner_id)
        try:
            theme = results.instrument.theme(action.theme)
        except KeyError:
            continue  # an action on a theme this instrument does not have cannot be placed
        rows.append(
            ActionRow(
                theme=theme,
                description=action.description,
                who=owner.shown_name if owner else action.owner_name,
                department=action.department,
                due_on=action.due_on,
                status=action.get_status_display(),
            )
        )
    return rows


def _suggestions_function():
    # gesprekstool.inspiration is built by another engineer; it may not be installed.
    try:
        from gesprekstool.inspiration.suggestions import suggestions_for  # noqa: PLC0415
    except ImportError:
        try:
            from gesprekstool.inspiration import suggestions_for  # noqa: PLC0415
        except ImportError:
            return None
    return suggestions_for


def inspiration_for(results: RoundResults) -> list[Inspiration]:
    """HOOK for part 2 of the tool: practice examples suggested for this round's results.

    Uses `suggestions_for(round_results)` of gesprekstool.inspiration when that app is there (each
    suggestion has the library entry, the theme and the reason it was suggested); without it the
    report simply has no inspiration chapter.
    """
    suggestions_for = _suggestions_function()
    if suggestions_for is None:
        return []
    items = []
    for s in suggestions_for(results):
        entry = getattr(s, "entry", s)
        items.append(
            Inspiration(
                title=str(getattr(entry, "title", entry)),
                text=str(getattr(entry, "summary", "") or ""),
                reason=str(getattr(s, "reason", "") or ""),
                theme=str(getattr(s, "theme_label", "") or ""),
                url=str(getattr(entry, "safe_source_url", "") or ""),
            )
        )
    return items


def report_content(round_: Round) -> ReportContent:
    """Collect the report of `round_`: results, summary, chart, action agenda and agreement."""
    results = round_results(round_)
    instrument = results.instrument
    stats = summary.theme_stats(results.step1, unknown_value=instrument.unknown.value)
    return ReportContent(
        round=round_,
        instrument=instrument,
        results=results,
        stats=stats,
        stands_out=summary.what_stands_out(results),
        disagreements=summary.disagreements(stats),
        actions=action_rows(round_, results),
        agreement=Agreement.objects.filter(round=round_).first(),
        chart=print_chart(
            instrument,
            answers_from_results(results),
            domain_values(),
            numbers=[str(p.position) for p in results.participants],
        ),
        inspiration=inspiration_for(results),
        figures=figures_by_theme(round_),
        own_observations=list(
            round_.own_observations.order_by("created_at", "id").values_list("theme", "text")
        ),
        conversation_questions=list(
            round_.conversation_questions.order_by("theme", "position", "id").values_list("theme", "text")
        ),
        future=future_picture(round_),
    )
