"""The round's results as plain data for the results page and later exports.

Everything is read in a fixed number of queries (participants, scores, choices,
comments), whatever the number of participants.
"""

from dataclasses import dataclass, field

from gesprekstool.instrument import Instrument, Option, Question, Theme

from .models import Participant, Round, Score


@dataclass
class ScoreCell:
    participant: Participant
    score: Score | None

    @property
    def first(self) -> int | None:
        return self.score.first if self.score else None

    @property
    def revised(self) -> int | None:
        return self.score.revised if self.score and self.score.was_revised else None


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


def round_results(round_: Round) -> RoundResults:
    """Collect step 1, step 2, comments and notes of every participant of the round."""
    instrument = round_.instrument
    participants = list(
        round_.participants.prefetch_related("scores", "choices", "comments").order_by("position")
    )
    step1 = []
    for theme in instrument.themes:
        cells = []
        for p in participants:
            score = next((s for s in p.scores.all() if s.theme == theme.code), None)
            cells.append(ScoreCell(participant=p, score=score))
        step1.append(ThemeScores(theme=theme, cells=cells))

    ticked: dict[str, list[tuple[Participant, str]]] = {}
    answered: dict[str, set[int]] = {}
    for p in participants:
        for choice in p.choices.all():
            ticked.setdefault(choice.option, []).append((p, choice.text))
            answered.setdefault(choice.question, set()).add(p.pk)

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
            unanswered = [p for p in participants if p.pk not in answered.get(question.code, set())]
            questions.append(QuestionResult(question=question, options=options, unanswered=unanswered))
        comments = [
            (p, c.text) for p in participants for c in p.comments.all() if c.theme == theme.code and c.text
        ]
        step2.append(ThemeResult(theme=theme, questions=questions, comments=comments))

    notes = [(p, p.step1_note) for p in participants if p.step1_note]
    return RoundResults(
        round=round_, instrument=instrument, participants=participants, step1=step1, step2=step2, notes=notes
    )
