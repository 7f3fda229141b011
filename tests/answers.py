"""Answers in a known state: written through the services as a participant would, in bulk for
large rounds, or as plain data for property tests of the calculations. `tests.factories` offers
them too."""

from django.db.models import Max
from django.utils import timezone
from hypothesis import strategies as st

from gesprekstool.instrument import load_instrument
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Choice, Comment, Participant, Round, Score
from gesprekstool.rounds.observations import Answers

INSTRUMENT = load_instrument()  # the current version
THEMES = [t.code for t in INSTRUMENT.themes]


def first_choice(question) -> dict[str, str]:
    """A valid answer to `question`: its first option, with words where it asks for them."""
    option = question.options[0]
    return {option.code: f"Toelichting bij {option.code}" if option.needs_text else ""}


def answer_step1(participant: Participant, *, score: int = 3, note: str = "") -> None:
    for theme in participant.round.instrument.themes:
        services.save_score(participant, theme=theme.code, value=score)
    if note:
        services.save_step1_note(participant, text=note)
    services.complete_step(participant, step=1)


def answer_theme(participant: Participant, theme_code: str, *, comment: str = "") -> None:
    theme = participant.round.instrument.theme(theme_code)
    for question in theme.questions:
        services.save_question(participant, question=question.code, choices=first_choice(question))
    if comment:
        services.save_comment(participant, theme=theme_code, text=comment)


def answer_everything(participant: Participant, *, score: int = 3, finish: bool = False) -> Participant:
    """Step 1 and step 2 done, with a note, every question answered and a comment per theme."""
    answer_step1(participant, score=score, note=f"Opvallend {participant.position}")
    for theme in participant.round.instrument.themes:
        answer_theme(participant, theme.code, comment=f"Opmerking {theme.code} van {participant.position}")
    services.complete_step(participant, step=2)
    if finish:
        services.finish(participant)
    return participant


def answered(
    round_: Round, name: str, *, domain: str = "armoede", scores=None, revised=None, choices=None
) -> Participant:
    """A new participant with step-1 `scores` (theme -> value), step 1 done, step-2 `choices`
    (question -> option codes, without words) and, if given, `revised` scores after step 2."""
    participant = services.add_participant(round_, display_name=name, domain=domain)
    for theme, value in (scores or {}).items():
        services.save_score(participant, theme=theme, value=value)
    services.complete_step(participant, step=1)
    for question, options in (choices or {}).items():
        services.save_question(participant, question=question, choices=dict.fromkeys(options, ""))
    if revised:
        services.complete_step(participant, step=2)
        for theme, value in revised.items():
            services.save_revised_score(participant, theme=theme, value=value)
    return participant


def answers_of(participant: Participant) -> dict:
    """Everything a participant has saved, read back from the database, for before/after comparisons."""
    fresh = Participant.objects.get(pk=participant.pk)
    return {
        "scores": {s.theme: (s.first, s.revised) for s in fresh.scores.all()},
        "choices": {c.option: (c.question, c.text) for c in fresh.choices.all()},
        "comments": {c.theme: c.text for c in fresh.comments.all()},
        "note": fresh.step1_note,
        "first_opened_at": fresh.first_opened_at,
        "step1_done_at": fresh.step1_done_at,
        "step2_done_at": fresh.step2_done_at,
        "finished_at": fresh.finished_at,
        "token": fresh.token,
        "link_revoked_at": fresh.link_revoked_at,
    }


def add_answered_in_bulk(round_: Round, count: int) -> list[Participant]:
    """`count` handed-in participants of every domain, with every theme scored (some revised, some
    "weet niet"), one option ticked per question, a comment per theme and a note; written in bulk,
    so a round of 50 costs a few queries instead of thousands."""
    instrument = round_.instrument
    now = timezone.now()
    domains = list(Participant.Domain.values)
    first = (round_.participants.aggregate(m=Max("position"))["m"] or 0) + 1
    participants = Participant.objects.bulk_create(
        Participant(
            round=round_,
            position=n,
            display_name=f"Naam {n}",
            domain=domains[n % len(domains)],
            step1_note=f"Opvallend {n}",
            step1_done_at=now,
            step2_done_at=now,
            finished_at=now,
        )
        for n in range(first, first + count)
    )
    Score.objects.bulk_create(
        Score(
            participant=p,
            theme=theme.code,
            first=1 + (p.position + i) % 6,
            revised=1 + (p.position + i + 2) % 6 if (p.position + i) % 4 == 0 else None,
        )
        for p in participants
        for i, theme in enumerate(instrument.themes)
    )
    choices = []
    for p in participants:
        for question in instrument.questions:
            option = question.options[p.position % len(question.options)]
            text = f"Toelichting {p.position}" if option.needs_text else ""
            choices.append(Choice(participant=p, question=question.code, option=option.code, text=text))
    Choice.objects.bulk_create(choices)
    Comment.objects.bulk_create(
        Comment(participant=p, theme=theme.code, text=f"Opmerking {theme.code} van {p.position}")
        for p in participants
        for theme in instrument.themes
    )
    return participants


# One participant's answers as plain data, and the observations found in such answers, by key.


def person(key: str, domain: str = "Armoede", *, ticked=(), **scores) -> Answers:
    """A participant's answers; a score is `first` or `(first, revised)`, ticks are option codes."""
    return Answers(
        key=key,
        domain=domain,
        scores={
            theme: value if isinstance(value, tuple) else (value, None) for theme, value in scores.items()
        },
        ticked=frozenset(ticked),
        answered=frozenset(question_of(code) for code in ticked),
    )


def question_of(option_code: str) -> str:
    return next(q.code for q in INSTRUMENT.questions if any(o.code == option_code for o in q.options))


def by_key(found, key: str):
    return next(o for o in found if o.key == key)


def keys(found) -> list[str]:
    return [o.key for o in found]


# Random rounds as plain data, for property tests of the calculations on answers.

# Domain display names as they reach the calculations, and the value each maps to; "Onderwijs"
# stands for a name the chart does not know.
PLAIN_DOMAINS = {
    "Armoede": "armoede",
    "Gezondheid": "gezondheid",
    "Uitvoering": "uitvoering",
    "Onderwijs": "",
}


@st.composite
def plain_round(draw, instrument, max_participants: int = 12) -> list[Answers]:
    """0..max_participants participants with random domains, first and revised scores (1..6 or
    None, or no score at all) and ticks that respect the instrument's exclusive options.

    Each theme and each question is one drawn number, decoded below: far fewer draws than one per
    choice, which keeps a property test of 12 participants fast."""
    themes = instrument.themes
    questions = instrument.questions
    answers = []
    for number in range(1, draw(st.integers(0, max_participants)) + 1):
        domain = draw(st.sampled_from(sorted(PLAIN_DOMAINS)))
        # 0..48: (first, revised) with 0 standing for None; 49 and up: no score for the theme at all.
        codes = draw(st.lists(st.integers(0, 55), min_size=len(themes), max_size=len(themes)))
        scores = {
            theme.code: (code // 7 or None, code % 7 or None)
            for theme, code in zip(themes, codes, strict=True)
            if code < 49
        }
        # pick % 5 == 0: not answered; == 1: an exclusive option alone (when the question has one);
        # otherwise pick // 5 is a bit mask of the other options (at least one).
        picks = draw(st.lists(st.integers(0, 5 * 2**8), min_size=len(questions), max_size=len(questions)))
        ticked: set[str] = set()
        answered: set[str] = set()
        for question, pick in zip(questions, picks, strict=True):
            exclusive = [o.code for o in question.options if o.exclusive]
            others = [o.code for o in question.options if not o.exclusive]
            if pick % 5 == 0:
                continue
            if pick % 5 == 1 and exclusive:
                ticked.add(exclusive[pick // 5 % len(exclusive)])
            else:
                mask = pick // 5 % 2 ** len(others) or 1
                ticked.update(code for bit, code in enumerate(others) if mask >> bit & 1)
            answered.add(question.code)
        answers.append(
            Answers(
                key=f"Deelnemer {number} ({domain})",
                domain=domain,
                scores=scores,
                ticked=frozenset(ticked),
                answered=frozenset(answered),
            )
        )
    return answers
