"""Export → import into an empty database → export again gives the same bytes, for random rounds."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gesprekstool.lib.text import clean_line, clean_text
from gesprekstool.organisations.models import Organisation
from gesprekstool.reports.roundfile import import_round_file, render_round_file
from gesprekstool.rounds.models import Participant, Round
from tests.answers import INSTRUMENT, THEMES
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    ChoiceFactory,
    CommentFactory,
    OrganisationFactory,
    ParticipantFactory,
    RoundFactory,
    ScoreFactory,
)

SCORES = st.none() | st.sampled_from(INSTRUMENT.score_values)
# Any text a database keeps as it is: no NUL (PostgreSQL refuses it) and no lone surrogates.
# What the app can hold: its forms strip control characters (gesprekstool.lib.text) before saving.
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40).map(
    clean_text
)
WORDS = TEXT.filter(lambda s: s.strip())
MOMENTS = st.none() | st.datetimes(
    min_value=datetime.datetime(2020, 1, 1),
    max_value=datetime.datetime(2035, 1, 1),
    timezones=st.just(datetime.UTC),
)
DAYS = st.none() | st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2035, 12, 31))


@st.composite
def answers(draw, question) -> dict[str, str]:
    """A valid answer: an exclusive option alone, or any other options; words where an option asks."""
    exclusive = [o for o in question.options if o.exclusive]
    others = [o for o in question.options if not o.exclusive]
    if exclusive and draw(st.booleans()):
        chosen = [draw(st.sampled_from(exclusive))]
    else:
        chosen = draw(st.lists(st.sampled_from(others), unique=True, max_size=3))
    return {o.code: draw(WORDS) if o.needs_text else "" for o in chosen}


@st.composite
def participants(draw) -> dict:
    return {
        "domain": draw(st.sampled_from(Participant.Domain.values)),
        "name": draw(
            st.text(
                st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1, max_size=30
            )
            .map(clean_line)
            .filter(bool)
        ),
        "scores": {
            t: (draw(SCORES), draw(SCORES)) for t in draw(st.lists(st.sampled_from(THEMES), unique=True))
        },
        "answers": {
            q.code: draw(answers(q))
            for q in draw(st.lists(st.sampled_from(INSTRUMENT.questions), unique=True, max_size=5))
        },
        "comments": {
            t: draw(WORDS) for t in draw(st.lists(st.sampled_from(THEMES), unique=True, max_size=2))
        },
        "note": draw(TEXT),
        "moments": [draw(MOMENTS) for _ in range(4)],
    }


@st.composite
def rounds(draw) -> dict:
    people = draw(st.lists(participants(), min_size=0, max_size=4))
    actions = [
        {
            "theme": draw(st.sampled_from(THEMES)),
            "description": draw(WORDS),
            "owner": draw(st.none() | st.integers(0, len(people) - 1)) if people else None,
            "owner_name": draw(TEXT),
            "department": draw(TEXT),
            "due_on": draw(DAYS),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return {
        "title": draw(WORDS),
        "held_on": draw(st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2035, 1, 1))),
        "anonymised": draw(st.booleans()),
        "results_for_participants": draw(st.booleans()),
        "closed_at": draw(MOMENTS),
        "people": people,
        "actions": actions,
        "agreement": draw(
            st.none()
            | st.fixed_dictionaries(
                {
                    "follow_up": st.sampled_from(["bijeenkomst", "afdelingen", ""]),
                    "next_meeting_on": DAYS,
                    "accountability": TEXT,
                    "notes": TEXT,
                }
            )
        ),
    }


def make_round(spec: dict) -> Round:
    organisation = OrganisationFactory(name="Gemeente Hypothese", slug="hypothese")
    round_ = RoundFactory(
        organisation=organisation,
        title=spec["title"].strip()[:200] or "Ronde",
        held_on=spec["held_on"],
        mode=Round.Mode.INDIVIDUAL,
        anonymised=spec["anonymised"],
        results_for_participants=spec["results_for_participants"],
        closed_at=spec["closed_at"],
    )
    people = []
    for position, p in enumerate(spec["people"], start=1):
        opened, step1, step2, finished = p["moments"]
        participant = ParticipantFactory(
            round=round_,
            position=position,
            display_name=p["name"],
            domain=p["domain"],
            department=f"Afdeling {position}",
            email=f"deelnemer{position}@example.org",
            step1_note=p["note"],
            first_opened_at=opened,
            step1_done_at=step1,
            step2_done_at=step2,
            finished_at=finished,
        )
        for theme, (first, revised) in p["scores"].items():
            ScoreFactory(participant=participant, theme=theme, first=first, revised=revised)
        for question, chosen in p["answers"].items():
            for option, text in chosen.items():
                ChoiceFactory(participant=participant, question=question, option=option, text=text)
        for theme, text in p["comments"].items():
            CommentFactory(participant=participant, theme=theme, text=text)
        people.append(participant)
    for a in spec["actions"]:
        ActionFactory(
            round=round_,
            theme=a["theme"],
            description=a["description"],
            owner=people[a["owner"]] if a["owner"] is not None else None,
            owner_name=a["owner_name"],
            department=a["department"],
            due_on=a["due_on"],
        )
    if spec["agreement"] is not None:
        AgreementFactory(round=round_, **spec["agreement"])
    return round_


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=rounds())
def test_export_import_export_gives_the_same_file(spec):
    Organisation.objects.all().delete()  # every example starts from an empty database
    exported = render_round_file(make_round(spec))
    Organisation.objects.all().delete()
    assert Round.objects.count() == 0 and Participant.objects.count() == 0

    imported = import_round_file(exported)

    assert render_round_file(imported) == exported
