"""The picture of the future: a round's part, its prompts, groups, contributions and dots."""

import factory

from gesprekstool.futures.models import Contribution, FuturePart, Group, Prompt, Vote
from tests.factories.rounds import (
    ParticipantFactory,
    RoundPartFactory,
)


class FuturePartFactory(RoundPartFactory):
    """A round's picture of the future, open from the start ("before" the results)."""

    class Meta:
        model = FuturePart

    position = "before"


class PromptFactory(factory.django.DjangoModelFactory):
    """A prompt on theme B of a picture of the future."""

    class Meta:
        model = Prompt

    part = factory.SubFactory(FuturePartFactory)
    theme = "B"
    text = factory.Sequence(lambda n: f"Over vier jaar {n} …")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    prompt = factory.SubFactory(PromptFactory)
    heading = factory.Sequence(lambda n: f"Kop {n}")


class ContributionFactory(factory.django.DjangoModelFactory):
    """A participant's contribution to a prompt; the participant is of the prompt's round."""

    class Meta:
        model = Contribution

    prompt = factory.SubFactory(PromptFactory)
    participant = factory.SubFactory(ParticipantFactory, round=factory.SelfAttribute("..prompt.part.round"))
    text = factory.Sequence(lambda n: f"Bijdrage {n}")


class VoteFactory(factory.django.DjangoModelFactory):
    """A dot a participant gives a contribution."""

    class Meta:
        model = Vote

    contribution = factory.SubFactory(ContributionFactory)
    participant = factory.SubFactory(
        ParticipantFactory, round=factory.SelfAttribute("..contribution.prompt.part.round")
    )
