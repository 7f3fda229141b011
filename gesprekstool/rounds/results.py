"""The round's results as plain data for the results page and later exports.

Everything is read in a fixed number of queries (participants, scores, choices,
comments), whatever the number of participants. Ticks and comments are read as plain rows, not
model instances: a round of 300 holds some 8,000 ticks, and building a model instance for each
took most of the time of the results and presenter pages (docs/performance.md).
"""

from dataclasses import dataclass, field

from gesprekstool.instrument import Instrument, Option, Question, Theme

from .models import Choice, Comment, Participant, Round, Score


@dataclass
class ScoreCell:
    participant: Participant
    first: int | None
    revised: int | None  # only when it differs from the first score (Score.was_revised)


@dataclass
class ThemeScores:
    theme: Theme
    cells: list[ScoreCell]


@dataclass
class OptionResult:
    option: Option
    participants: list[Participant] = field(default_factory=list)
    texts: list[tuple[Participant, str]] = field(default_factory=list)


@dataclass
class QuestionResult:
    question: Question
    options: list[OptionResult]
    unanswered: list[Participant]


@dataclass
class ThemeResult:
    theme: Theme
    questions: list[QuestionResult]
    comments: list[tuple[Participant, str]]


@dataclass
class RoundResults:
    round: Round
    instrument: Instrument
    participants: list[Participant]
    step1: list[ThemeScores]
    step2: list[ThemeResult]
    notes: list[tuple[Participant, str]]
    # Participant id -> the options they ticked, as (question code, option code).
    ticks: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # Participant id -> theme code -> (first score, revised score as stored).
    scores: dict[int, dict[str, tuple[int | None, int | None]]] = field(default_factory=dict)


def _step1(round_: Round) -> tuple[list[Participant], dict, list[ThemeScores]]:
    """The participants (by position), their scores by id and theme, and step 1 per theme."""
    participants = list(round_.participants.order_by("position"))
    scores: dict[int, dict[str, tuple[int | None, int | None]]] = {p.pk: {} for p in participants}
    rows = Score.objects.filter(participant__round=round_).values_list(
        "participant_id", "theme", "first", "revised"
    )
    for participant_id, theme_code, first, revised in rows:
        scores[participant_id][theme_code] = (first, revised)
    step1 = []
    for theme in round_.instrument.themes:
        cells = []
        for p in participants:
            first, revised = scores[p.pk].get(theme.code, (None, None))
            shown_revised = revised if revised is not None and revised != first else None
            cells.append(ScoreCell(participant=p, first=first, revised=shown_revised))
        step1.append(ThemeScores(theme=theme, cells=cells))
    return participants, scores, step1


def round_scores(round_: Round) -> RoundResults:
    """Only the participants and step 1 (no step 2, comments, notes or ticks): what the presenter's
    live overview draws, in two queries instead of five and at a third of the cost of
    `round_results` for a round of 300 (docs/performance.md)."""
    participants, scores, step1 = _step1(round_)
    return RoundResults(
        round=round_,
        instrument=round_.instrument,
        participants=participants,
        step1=step1,
        step2=[],
        notes=[],
        scores=scores,
    )


def round_results(round_: Round) -> RoundResults:
    """Collect step 1, step 2, comments and notes of every participant of the round."""
    instrument = round_.instrument
    participants, scores, step1 = _step1(round_)
    by_id = {p.pk: p for p in participants}
    ids = list(by_id)

    ticked: dict[str, list[tuple[Participant, str]]] = {}
    answered: dict[str, set[int]] = {}
    ticks: dict[int, list[tuple[str, str]]] = {p.pk: [] for p in participants}
    rows = (
        Choice.objects.filter(participant__round=round_)
        .order_by("participant__position", "pk")
        .values_list("participant_id", "question", "option", "text")
    )
    for participant_id, question, option, text in rows:
        ticked.setdefault(option, []).append((by_id[participant_id], text))
        answered.setdefault(question, set()).add(participant_id)
        ticks[participant_id].append((question, option))
    comments_by_theme: dict[str, list[tuple[Participant, str]]] = {}
    rows = (
        Comment.objects.filter(participant__round=round_)
        .exclude(text="")
        .order_by("participant__position", "pk")
        .values_list("participant_id", "theme", "text")
    )
    for participant_id, theme_code, text in rows:
        comments_by_theme.setdefault(theme_code, []).append((by_id[participant_id], text))

    step2 = []
    for theme in instrument.themes:
        questions = []
        for question in theme.questions:
            options = []
            for option in question.options:
                hits = ticked.get(option.code, [])
                options.append(
                    OptionResult(
                        option=option,
                        participants=[p for p, _ in hits],
                        texts=[(p, text) for p, text in hits if text],
                    )
                )
            done = answered.get(question.code, set())
            unanswered = [p for p, pk in zip(participants, ids, strict=True) if pk not in done]
            questions.append(QuestionResult(question=question, options=options, unanswered=unanswered))
        comments = comments_by_theme.get(theme.code, [])
        step2.append(ThemeResult(theme=theme, questions=questions, comments=comments))

    notes = [(p, p.step1_note) for p in participants if p.step1_note]
    return RoundResults(
        round=round_,
        instrument=instrument,
        participants=participants,
        step1=step1,
        step2=step2,
        notes=notes,
        ticks=ticks,
        scores=scores,
    )
