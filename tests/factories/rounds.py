"""Rounds, what belongs to one (a new round unless `round` is given) and participants' answers."""

import datetime

import factory

from gesprekstool.rounds import services
from gesprekstool.rounds.models import (
    Choice,
    Comment,
    ConversationQuestion,
    HiddenObservation,
    OwnObservation,
    Participant,
    Round,
    Score,
)
from tests.factories.organisations import (
    MembershipFactory,
    OrganisationFactory,
    OrganisationPartFactory,
)

HELD_ON = datetime.date(2026, 11, 20)


class RoundFactory(OrganisationPartFactory):
    class Meta:
        model = Round

    title = factory.Sequence(lambda n: f"Ronde {n}")
    held_on = datetime.date(2026, 11, 1)
    mode = Round.Mode.INDIVIDUAL


# --- What belongs to a round (a new one unless `round` is given) -------------------------------------------


class RoundPartFactory(factory.django.DjangoModelFactory):
    round = factory.SubFactory(RoundFactory)


class ParticipantFactory(RoundPartFactory):
    class Meta:
        model = Participant

    position = factory.Sequence(lambda n: n + 1)
    display_name = factory.Sequence(lambda n: f"Deelnemer {n}")
    domain = Participant.Domain.POVERTY


class OwnObservationFactory(RoundPartFactory):
    """What the facilitator noticed, about the whole round unless `theme` is given."""

    class Meta:
        model = OwnObservation

    theme = ""
    text = factory.Sequence(lambda n: f"Eigen observatie {n}")


class HiddenObservationFactory(RoundPartFactory):
    class Meta:
        model = HiddenObservation

    key = "spread:A"


class ConversationQuestionFactory(RoundPartFactory):
    class Meta:
        model = ConversationQuestion

    theme = "A"
    text = factory.Sequence(lambda n: f"Vraag {n}")
    position = factory.Sequence(lambda n: n + 1)


# --- A participant's answers (of a new participant unless `participant` is given) --------------------------


class AnswerFactory(factory.django.DjangoModelFactory):
    participant = factory.SubFactory(ParticipantFactory)


class ScoreFactory(AnswerFactory):
    """A step-1 score of a participant for theme A (3 unless `first` is given)."""

    class Meta:
        model = Score

    theme = "A"
    first = 3


class ChoiceFactory(AnswerFactory):
    """A ticked option of a step-2 question; `question` and `option` are codes of the instrument."""

    class Meta:
        model = Choice


class CommentFactory(AnswerFactory):
    class Meta:
        model = Comment

    theme = "A"
    text = factory.Sequence(lambda n: f"Opmerking {n}")


def created_round(organisation, facilitator, *, title: str, mode: str = "individual") -> Round:
    """A round as the facilitator creates it on the site (a joint round gets its shared form)."""
    return services.create_round(
        organisation=organisation, title=title, held_on=HELD_ON, mode=mode, created_by=facilitator
    )


def sannes_round(*, title: str = "Bijeenkomst armoede en gezondheid") -> Round:
    """An individual round of Gemeente Testdorp on 1 December 2026, created by its facilitator
    "sanne" (password PASSWORD): the browser tests log in as her."""
    organisation = OrganisationFactory(name="Gemeente Testdorp", slug="testdorp")
    sanne = MembershipFactory(organisation=organisation, user__username="sanne").user
    return services.create_round(
        organisation=organisation,
        title=title,
        held_on=datetime.date(2026, 12, 1),
        mode=Round.Mode.INDIVIDUAL,
        created_by=sanne,
    )
