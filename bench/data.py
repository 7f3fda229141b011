"""Generated rounds for the benchmark (Django side; imported by bench.tasks and bench.local)."""

import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.organisations.models import Membership, Organisation
from gesprekstool.rounds.models import Choice, Comment, Participant, Round, Score

FACILITATOR = "gespreksleider@benchmark.invalid"


def organisation_with_facilitator(password: str) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        slug="benchmark", defaults={"name": "Gemeente Benchmark"}
    )
    user = get_user_model().objects.create_user(username=FACILITATOR, email=FACILITATOR, password=password)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.FACILITATOR)
    return organisation


def new_round(organisation: Organisation, title: str) -> Round:
    return Round.objects.create(
        organisation=organisation, title=title, held_on=timezone.localdate(), mode=Round.Mode.INDIVIDUAL
    )


def fresh_round(organisation: Organisation, participants: int, title: str) -> tuple[Round, list[str]]:
    """A round whose participants have not opened their links yet; returns it and their tokens."""
    round_ = new_round(organisation, title)
    domains = Participant.Domain.values
    people = Participant.objects.bulk_create(
        Participant(round=round_, position=n, display_name=f"Persoon {n}", domain=domains[n % len(domains)])
        for n in range(1, participants + 1)
    )
    return round_, [p.token for p in people]


def finished_round(organisation: Organisation, participants: int, seed: int = 2026) -> Round:
    """A round in which everyone handed in random but valid answers, with comments on about a third
    of the themes and an action per theme (bench.local uses it too)."""
    rng = random.Random(seed)
    round_ = new_round(organisation, f"Benchmark {participants} deelnemers")
    instrument = round_.instrument
    now = timezone.now()
    people = Participant.objects.bulk_create(
        Participant(
            round=round_,
            position=n,
            display_name=f"Persoon {n}",
            domain=rng.choice(Participant.Domain.values),
            step1_note=rng.choice(["", "Wat mij opvalt is dat we elkaar nog weinig weten te vinden."]),
            first_opened_at=now,
            step1_done_at=now,
            step2_done_at=now,
            finished_at=now,
        )
        for n in range(1, participants + 1)
    )
    scores, choices, comments = [], [], []
    for p in people:
        for theme in instrument.themes:
            first = rng.choice([1, 2, 3, 3, 4, 4, 5, 6])
            revised = rng.choice([None, None, None, rng.randint(1, 6)])
            scores.append(Score(participant=p, theme=theme.code, first=first, revised=revised))
            if rng.random() < 0.3:
                comments.append(
                    Comment(participant=p, theme=theme.code, text="Een opmerking over dit thema. " * 3)
                )
        for question in instrument.questions:
            options = [o for o in question.options if not (o.exclusive or o.ask_when_combined)]
            for option in rng.sample(options, k=rng.randint(1, min(3, len(options)))):
                text = "Toelichting in eigen woorden." if option.needs_text else ""
                choices.append(Choice(participant=p, question=question.code, option=option.code, text=text))
    Score.objects.bulk_create(scores)
    Choice.objects.bulk_create(choices)
    Comment.objects.bulk_create(comments)
    for i, theme in enumerate(instrument.themes):
        Action.objects.create(
            round=round_,
            theme=theme.code,
            description=f"Actie voor thema {theme.code}",
            owner=people[i % len(people)],
        )
    Agreement.objects.create(round=round_, follow_up="bijeenkomst", accountability="Elke maand even bellen.")
    return round_


def instrument_outline(round_: Round) -> list[dict]:
    """The themes, questions and options the simulated participants answer (plain data for locust)."""
    return [
        {
            "code": theme.code,
            "questions": [
                {
                    "code": q.code,
                    "options": [
                        {
                            "code": o.code,
                            "exclusive": o.exclusive or o.ask_when_combined,
                            "text": o.needs_text,
                        }
                        for o in q.options
                    ],
                }
                for q in theme.questions
            ],
        }
        for theme in round_.instrument.themes
    ]
