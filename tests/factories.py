import datetime

import factory
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from gesprekstool.agenda.models import Action, ActionNote, Agreement, CalendarFeed, OwnerLink, SentReminder
from gesprekstool.futures.models import Contribution, FuturePart, Group, Prompt, Vote
from gesprekstool.indicators.models import Indicator, RoundIndicator
from gesprekstool.inspiration.models import RuleEntry, SuggestionRule
from gesprekstool.organisations import services as organisation_services
from gesprekstool.organisations.models import Invitation, Membership, Organisation
from gesprekstool.programmes.models import Programme, ProgrammeMember
from gesprekstool.reports.formats import FORMATS
from gesprekstool.reports.models import ExportBuild
from gesprekstool.reports.stored import export_version
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
from gesprekstool.statements.models import Statement

# Re-exported: tests import the answer helpers from here as well.
from tests.answers import (  # noqa: F401
    PLAIN_DOMAINS,
    add_answered_in_bulk,
    answer_everything,
    answer_step1,
    answer_theme,
    answered,
    answers_of,
    first_choice,
    plain_round,
)

HELD_ON = datetime.date(2026, 11, 20)
PASSWORD = "geheim-wachtwoord-123"  # every UserFactory user's


def valid_for(days: int) -> factory.LazyFunction:
    """An expiry moment `days` from when the object is made."""
    return factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=days))


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
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.nl")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    """A confirmed authenticator app of a user (an unconfirmed one is half set up)."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "app"
    confirmed = True


def login_with_two_factor(client, user) -> TOTPDevice:
    """Logs `user` in on the test client as if they entered a code from their app: a confirmed app
    device, and a session that django-otp counts as verified (the admin asks for that)."""
    device = TOTPDeviceFactory(user=user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


# --- What belongs to an organisation (a new one unless `organisation` is given) ----------------------------


class OrganisationPartFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)


class MembershipFactory(OrganisationPartFactory):
    """A new user's membership with the model's default role, facilitator (ReaderMembershipFactory's is reader)."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)


class ReaderMembershipFactory(MembershipFactory):
    role = Membership.Role.READER


class InvitationFactory(OrganisationPartFactory):
    """An open invitation to be a facilitator, valid for a week, whose link carries `token`
    (the database keeps only its hash)."""

    class Meta:
        model = Invitation

    class Params:
        token = factory.Sequence(lambda n: f"{n:t>43}")

    email = factory.Sequence(lambda n: f"genodigde{n}@example.nl")
    role = Membership.Role.FACILITATOR
    token_hash = factory.LazyAttribute(lambda invitation: organisation_services.hash_token(invitation.token))
    expires_at = valid_for(days=7)


class OwnerLinkFactory(OrganisationPartFactory):
    """An action owner's personal link, valid for 90 days unless `expires_at` is given."""

    class Meta:
        model = OwnerLink

    email = factory.Sequence(lambda n: f"eigenaar{n}@example.nl")
    expires_at = valid_for(days=90)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programma {n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")


class ProgrammeMemberFactory(OrganisationPartFactory):
    """An organisation in a programme, sharing its figures anonymously unless `sharing` is given."""

    class Meta:
        model = ProgrammeMember

    programme = factory.SubFactory(ProgrammeFactory)
    sharing = ProgrammeMember.Sharing.ANONYMOUS


class IndicatorFactory(OrganisationPartFactory):
    """A figure of the organisation's own (Indicator), as CBS publishes it."""

    class Meta:
        model = Indicator

    name = "Kinderen in armoede"
    value = "9.8"
    unit = "%"
    year = 2023
    area = "Testdorp"
    source = "CBS"


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


class RoundIndicatorFactory(RoundPartFactory):
    """A figure shown with a round, on theme A unless `themes` is given."""

    class Meta:
        model = RoundIndicator

    indicator = factory.SubFactory(
        IndicatorFactory, organisation=factory.SelfAttribute("..round.organisation")
    )
    themes = factory.LazyFunction(lambda: ["A"])


class SuggestionRuleFactory(factory.django.DjangoModelFactory):
    """A suggestion rule; `theme` is an inspiration Theme (the shipped library has them)."""

    class Meta:
        model = SuggestionRule

    slug = factory.Sequence(lambda n: f"regel-{n}")


class RuleEntryFactory(factory.django.DjangoModelFactory):
    """An entry a rule suggests; `entry` is given (entries come from the library or `make_entry`)."""

    class Meta:
        model = RuleEntry

    rule = factory.SubFactory(SuggestionRuleFactory)


class ExportBuildFactory(RoundPartFactory):
    """The row of a PDF of the round's current version being built, last heard of now."""

    class Meta:
        model = ExportBuild

    fmt = "pdf"
    language = "nl"
    version = factory.LazyAttribute(lambda build: export_version(build.round))
    steps = factory.LazyAttribute(lambda build: len(FORMATS[build.fmt].step_names))
    started_at = factory.LazyFunction(timezone.now)
    heartbeat_at = factory.SelfAttribute("started_at")


class StatementFactory(factory.django.DjangoModelFactory):
    """A host's own text for one of the statement pages (the privacy statement unless `kind` is given)."""

    class Meta:
        model = Statement

    kind = Statement.Kind.PRIVACY
    title = "Onze verklaring"
    body = "Tekst"


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


def logged_in_client(user) -> Client:
    """A test client of its own, logged in as `user` (without the second step the admin asks for)."""
    client = Client()
    client.force_login(user)
    return client


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


def invite(organisation, email: str = "nieuw@example.nl", *, role=Membership.Role.FACILITATOR, by=None):
    """An open invitation and the token from its link (which the database does not keep)."""
    sent = organisation_services.invite(
        organisation=organisation, email=email, role=role, invited_by=by, send=False
    )
    return sent.invitation, sent.link.rstrip("/").rsplit("/", 1)[1]


def password_logs_in(username: str, password: str) -> bool:
    """Whether the login page accepts these credentials. Through the page, not `Client.login`:
    django-axes needs the request to count failures, and refuses an `authenticate()` without one."""
    client = Client()
    client.post(reverse("login"), {"username": username, "password": password})
    return "_auth_user_id" in client.session
