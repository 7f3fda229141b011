import datetime

import factory
from django.contrib.auth import get_user_model

from gesprekstool.organisations.models import Membership, Organisation
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant, Round

HELD_ON = datetime.date(2026, 11, 20)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.FACILITATOR


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Ronde {n}")
    held_on = datetime.date(2026, 11, 1)
    mode = Round.Mode.INDIVIDUAL


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    round = factory.SubFactory(RoundFactory)
    position = factory.Sequence(lambda n: n + 1)
    display_name = factory.Sequence(lambda n: f"Deelnemer {n}")
    domain = Participant.Domain.POVERTY


class ReaderMembershipFactory(MembershipFactory):
    role = Membership.Role.READER


# Answers in a known state, written through the services as a participant would.


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
