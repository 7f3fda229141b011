"""A round with everything an export must carry: scores (revised and "weet niet"), ticks with
texts, comments, a note, actions and the follow-up agreement. Names, departments and e-mail
addresses are distinctive words that appear in no text, so an export can be searched for them."""

import datetime

import pytest

from gesprekstool.agenda.models import Agreement
from gesprekstool.rounds import services
from tests.factories import ActionFactory, AgreementFactory

NAMES = ["Wilhelmina Brandsma", "Quirijn Oosterbeek"]
DEPARTMENTS = ["Team Inkomensregelingen Noord", "Jeugdgezondheidszorg Zuidwest"]
EMAILS = ["w.brandsma@gemeente.example", "q.oosterbeek@ggd.example"]

SCORES = [
    {"A": 4, "B": 2, "C": 3, "D": 1, "E": 6, "F": 5},
    {"A": 2, "B": 5, "C": 3, "D": 4, "E": 3, "F": 6},
]
REVISED = [{"B": 3}, {"F": 4}]
CHOICES = [
    {
        "1": {"1a": "", "1f": "Armoede komt vaak samen met schulden en stress"},
        "2": {"2e": "Geen monitor per wijk"},
    },
    {"1": {"1e": ""}, "2": {"2a": "", "2d": "Cijfers uit de jeugdmonitor"}},
]
COMMENTS = [{"A": "Visie staat alleen op papier"}, {"D": "Bereik via huisartsen werkt goed"}]
NOTES = ["Opvallend weinig zicht op de wijken", ""]
ACTION_TEXTS = [
    "Monitor per wijk samenvoegen met de schuldhulpcijfers",
    "Notitie aan het college over bereik",
]
AGREEMENT_TEXTS = ["Elke drie maanden een kort overleg", "Vervolg gepland na de zomer"]


def build_round(round_) -> list:
    """Fill `round_` with two participants, their answers, two actions and an agreement."""
    people = []
    for i, name in enumerate(NAMES):
        p = services.add_participant(
            round_,
            display_name=name,
            domain=["armoede", "gezondheid"][i],
            department=DEPARTMENTS[i],
            email=EMAILS[i],
        )
        for theme, value in SCORES[i].items():
            services.save_score(p, theme=theme, value=value)
        if NOTES[i]:
            services.save_step1_note(p, text=NOTES[i])
        services.complete_step(p, step=1)
        for question, choices in CHOICES[i].items():
            services.save_question(p, question=question, choices=choices)
        for theme, text in COMMENTS[i].items():
            services.save_comment(p, theme=theme, text=text)
        services.complete_step(p, step=2)
        for theme, value in REVISED[i].items():
            services.save_revised_score(p, theme=theme, value=value)
        services.finish(p)
        people.append(p)
    ActionFactory(
        round=round_,
        theme="B",
        description=ACTION_TEXTS[0],
        owner=people[0],
        department="Beleidsteam Sociaal Domein",
        due_on=datetime.date(2027, 3, 1),
    )
    ActionFactory(
        round=round_, theme="D", description=ACTION_TEXTS[1], owner_name="Wethouder Zorg", department=""
    )
    AgreementFactory(
        round=round_,
        follow_up=Agreement.FollowUp.MEET_AGAIN,
        next_meeting_on=datetime.date(2027, 2, 1),
        accountability=AGREEMENT_TEXTS[0],
        notes=AGREEMENT_TEXTS[1],
    )
    return people


@pytest.fixture
def full_round(round_):
    """Anonymised (the default of a new round)."""
    build_round(round_)
    return round_


@pytest.fixture
def named_round(round_):
    round_.anonymised = False
    round_.save(update_fields=["anonymised"])
    build_round(round_)
    return round_


def private_words() -> list[str]:
    """Every name part, department and e-mail address of the participants."""
    return [*(part for name in NAMES for part in name.split()), *DEPARTMENTS, *EMAILS]


def all_texts() -> list[str]:
    texts = [t for c in CHOICES for q in c.values() for t in q.values() if t]
    texts += [t for c in COMMENTS for t in c.values()]
    texts += [n for n in NOTES if n] + ACTION_TEXTS + AGREEMENT_TEXTS
    return texts


def texts_missing_or_private(text: str) -> tuple[list[str], list[str]]:
    """The texts of the round that `text` lacks, and the private words it holds (both should be [])."""
    return [t for t in all_texts() if t not in text], [w for w in private_words() if w in text]
