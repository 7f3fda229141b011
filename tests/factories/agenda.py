"""Step 3 and its follow-up: actions, their notes, agreements, calendar feeds and reminders."""

import factory

from gesprekstool.agenda.models import Action, ActionNote, Agreement, CalendarFeed, SentReminder
from tests.factories.rounds import (
    HELD_ON,
    RoundPartFactory,
)


class ActionFactory(RoundPartFactory):
    """An open action on theme A of a round, for someone outside the round unless `owner` is given;
    without department or date (as the model has it) unless they are given."""

    class Meta:
        model = Action

    theme = "A"
    description = factory.Sequence(lambda n: f"Actie {n}")
    owner = None
    owner_name = factory.LazyAttribute(lambda action: "" if action.owner else "Mira de Vries")


class ActionNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionNote

    action = factory.SubFactory(ActionFactory)
    text = factory.Sequence(lambda n: f"Voortgang {n}")
    author_name = "Sanne Bakker"


class AgreementFactory(RoundPartFactory):
    """A round's follow-up agreement, undecided and empty unless told."""

    class Meta:
        model = Agreement


class CalendarFeedFactory(RoundPartFactory):
    class Meta:
        model = CalendarFeed


class SentReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SentReminder

    kind = SentReminder.Kind.OVERDUE
    target = factory.Sequence(lambda n: f"action:{n}")
    date = HELD_ON
    recipient = "eigenaar@example.nl"
