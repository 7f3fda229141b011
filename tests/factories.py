import datetime

import factory
from django.contrib.auth import get_user_model
from django.db.models import Max
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import strategies as st

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
from gesprekstool.rounds.observations import Answers
from gesprekstool.statements.models import Statement

HELD_ON = datetime.date(2026, 11, 20)
PASSWORD = "geheim-wachtwoord-123"  # every UserFactory user's


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


class OwnObservationFactory(factory.django.DjangoModelFactory):
    """What the facilitator noticed, about the whole round unless `theme` is given."""

    class Meta:
        model = OwnObservation

    round = factory.SubFactory(RoundFactory)
    theme = ""
    text = factory.Sequence(lambda n: f"Eigen observatie {n}")


class HiddenObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HiddenObservation

    round = factory.SubFactory(RoundFactory)
    key = "spread:A"


class ConversationQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConversationQuestion

    round = factory.SubFactory(RoundFactory)
    theme = "A"
    text = factory.Sequence(lambda n: f"Vraag {n}")
    position = factory.Sequence(lambda n: n + 1)


class ReaderMembershipFactory(MembershipFactory):
    role = Membership.Role.READER


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation to be a facilitator, valid for a week, whose link carries `token`
    (the database keeps only its hash)."""

    class Meta:
        model = Invitation

    class Params:
        token = factory.Sequence(lambda n: f"{n:t>43}")

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"genodigde{n}@example.nl")
    role = Membership.Role.FACILITATOR
    token_hash = factory.LazyAttribute(lambda invitation: organisation_services.hash_token(invitation.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class ActionFactory(factory.django.DjangoModelFactory):
    """An open action on theme A of a round, for someone outside the round unless `owner` is given;
    without department or date (as the model has it) unless they are given."""

    class Meta:
        model = Action

    round = factory.SubFactory(RoundFactory)
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


class AgreementFactory(factory.django.DjangoModelFactory):
    """A round's follow-up agreement, undecided and empty unless told."""

    class Meta:
        model = Agreement

    round = factory.SubFactory(RoundFactory)


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    round = factory.SubFactory(RoundFactory)


class OwnerLinkFactory(factory.django.DjangoModelFactory):
    """An action owner's personal link, valid for 90 days unless `expires_at` is given."""

    class Meta:
        model = OwnerLink

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"eigenaar{n}@example.nl")
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=90))


class SentReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SentReminder

    kind = SentReminder.Kind.OVERDUE
    target = factory.Sequence(lambda n: f"action:{n}")
    date = HELD_ON
    recipient = "eigenaar@example.nl"


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programma {n}")
    slug = factory.Sequence(lambda n: f"programma-{n}")


class ProgrammeMemberFactory(factory.django.DjangoModelFactory):
    """An organisation in a programme, sharing its figures anonymously unless `sharing` is given."""

    class Meta:
        model = ProgrammeMember

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    sharing = ProgrammeMember.Sharing.ANONYMOUS


class IndicatorFactory(factory.django.DjangoModelFactory):
    """A figure of the organisation's own (Indicator), as CBS publishes it."""

    class Meta:
        model = Indicator

    organisation = factory.SubFactory(OrganisationFactory)
    name = "Kinderen in armoede"
    value = "9.8"
    unit = "%"
    year = 2023
    area = "Testdorp"
    source = "CBS"


class RoundIndicatorFactory(factory.django.DjangoModelFactory):
    """A figure shown with a round, on theme A unless `themes` is given."""

    class Meta:
        model = RoundIndicator

    round = factory.SubFactory(RoundFactory)
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


class ExportBuildFactory(factory.django.DjangoModelFactory):
    """The row of a PDF of the round's current version being built, last heard of now."""

    class Meta:
        model = ExportBuild

    round = factory.SubFactory(RoundFactory)
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


class FuturePartFactory(factory.django.DjangoModelFactory):
    """A round's picture of the future, open from the start ("before" the results)."""

    class Meta:
        model = FuturePart

    round = factory.SubFactory(RoundFactory)
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


class ScoreFactory(factory.django.DjangoModelFactory):
    """A step-1 score of a participant for theme A (3 unless `first` is given)."""

    class Meta:
        model = Score

    participant = factory.SubFactory(ParticipantFactory)
    theme = "A"
    first = 3


class ChoiceFactory(factory.django.DjangoModelFactory):
    """A ticked option of a step-2 question; `question` and `option` are codes of the instrument."""

    class Meta:
        model = Choice

    participant = factory.SubFactory(ParticipantFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    participant = factory.SubFactory(ParticipantFactory)
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


def password_logs_in(username: str, password: str) -> bool:
    """Whether the login page accepts these credentials. Through the page, not `Client.login`:
    django-axes needs the request to count failures, and refuses an `authenticate()` without one."""
    client = Client()
    client.post(reverse("login"), {"username": username, "password": password})
    return "_auth_user_id" in client.session
