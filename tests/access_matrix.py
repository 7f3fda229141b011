"""The access matrix: who may open or change what, for every URL of the app (issue 9).

`MATRIX` below has one row per URL name ("namespace:name"). tests/test_access_matrix.py walks the URL
resolver and fails when a URL has no row here, or a row names a URL that no longer exists; then it
requests every row as every role in `ROLES`, with GET and (where the row has `post`) POST, and
checks the status of each cell. Every refused cell also checks that the database did not change,
and every allowed POST that it did (so the payload is one the view would really have saved).
No page without a token in its URL may show anyone but the facilitator a link to write with
(`WRITE_CREDENTIALS`): a reader who could copy a participant's link could answer in their name.

How to add a row for a new URL
------------------------------
1. Does the URL need an object that the scenario does not have yet (an invitation, a statement...)?
   Make it in `build_scenario()` and keep its id, slug or token in a new `Scenario` attribute.
2. Add a line to `MATRIX` under the name of the URL:

       "organisations:invite": Row({"organisation_id": "organisation_id"}, get=POST_ONLY,
                                   post=FACILITATOR_WRITE,
                                   data=lambda s: {"email": "nog-een@testdorp.example", "role": "meelezer"}),

   - The first argument maps each URL keyword argument to the `Scenario` attribute that fills it.
   - `get` and `post` give the expected outcome per role; most rows use a shorthand (`PUBLIC`,
     `LOGGED_IN`, `MEMBERS_READ`, `FACILITATOR_ONLY`, `FACILITATOR_WRITE`, `POST_ONLY`, `by_token()`).
     Otherwise write `cells(anonymous, participant, reader, facilitator, outsider, staff)`.
     A cell is a status (`200`, `302`, `403`...), `LOGIN` (redirected to the login page),
     `unchanged(status)` (answered with that status while saving nothing, e.g. a form error) or
     `counted(status, *tables)` (a write by design in exactly those tables that is not what the
     request asked for: django-axes recording a failed login, a wrong join code counted by the join
     throttle, a session remembering something).
     A plain 302 must not lead to the login page; 403, 404, 405, 409 and 410 must change nothing;
     any other status of a POST must change something.
   - `post=None` (the default) means the URL is not tried with POST: use it for pages that only read.
   - `data` is the POST payload: what a valid form would send, so that the facilitator's cell shows
     the write really happens and the other cells show it was refused, not just malformed.
3. A URL with a token, code or link in it (a "credential" attribute, see `WRONG_CREDENTIALS`) is also
   requested with wrong credentials (random, revoked, of another kind); say in `WRONG_CREDENTIALS`
   what a new kind of credential should answer when wrong.
4. A URL that names an object inside a round or link (`action_id`, `participant_id`...) is also
   requested with organisation B's object of that kind (see `FOREIGN`): 404, nothing changed. Add
   the attribute of a new kind of object there, with a foreign one in the scenario.

The scenario is built once per test module, inside a transaction rolled back at its end; every test
runs in a savepoint of its own, so a cell's writes never reach the next cell. A failing cell is named
after its URL, role and method: `test_cell[rounds:close-reader-post]`. Run the whole matrix with
`.venv/bin/pytest -q tests/test_access_matrix.py`, one URL with `-k "rounds:close"`.

The roles: "anonymous" (not logged in), "participant" (not logged in, but has opened their personal
link), "reader" (role "meelezer" in organisation A), "facilitator" (of organisation A), "outsider"
(a facilitator of organisation B) and "staff" (is_staff, member of no organisation, logged in with
the second step: the admin asks staff for an OTP-verified session, and a host's staff member has
one; tests/test_access_matrix.py checks an unverified staff session at the admin separately).
Every 200 or 4xx HTML answer must carry a Content-Security-Policy header and, unless the URL is in
`CACHEABLE`, `Cache-Control: no-store`.
A URL with a token is its own key: whoever holds the link gets in, logged in or not, so for token
URLs every role holds the right token, and the wrong-credential cells test the refusals.
"""

import datetime
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import TOTP

from gesprekstool.agenda import services as agenda_services
from gesprekstool.futures import cooperation
from gesprekstool.futures import services as future_services
from gesprekstool.futures.models import FuturePart
from gesprekstool.indicators.models import Indicator
from gesprekstool.inspiration import library
from gesprekstool.inspiration import services as inspiration_services
from gesprekstool.inspiration.models import Entry, Theme
from gesprekstool.organisations import services as organisation_services
from gesprekstool.organisations.models import Invitation, Membership, Organisation
from gesprekstool.programmes import services as programme_services
from gesprekstool.programmes.models import ProgrammeInvitation, ProgrammeMember
from gesprekstool.rounds import services
from gesprekstool.rounds.models import new_token
from tests.factories import (
    HELD_ON,
    ActionFactory,
    ConversationQuestionFactory,
    IndicatorFactory,
    MembershipFactory,
    OrganisationFactory,
    OwnerLinkFactory,
    OwnObservationFactory,
    ProgrammeFactory,
    ProgrammeMemberFactory,
    TOTPDeviceFactory,
    answer_everything,
)

ROLES = ("anonymous", "participant", "reader", "facilitator", "outsider", "staff")


# --- Outcomes and shorthands -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a cell expects: the status, whether a redirect goes to the login page, and whether the
    request must change the database (True), must not (False), or may (None)."""

    status: int
    to_login: bool = False
    writes: bool | None = None
    # With `writes`: exactly these tables must change (a write by design that is not the request's
    # purpose, e.g. django-axes recording a failed login, or a wrong join code being counted).
    only: tuple[str, ...] = ()


REFUSED = frozenset({403, 404, 405, 409, 410})
LOGIN = Outcome(302, to_login=True, writes=False)


def unchanged(status: int) -> Outcome:
    """Answered with `status`, but nothing saved: a form error, or a redirect away with a message."""
    return Outcome(status, writes=False)


def counted(status: int, *tables: str) -> Outcome:
    """Refused or answered, and recorded by design in exactly `tables` (a failed login for django-axes,
    a wrong join code for the join throttle, a session for a redirect that remembers something)."""
    return Outcome(status, writes=True, only=tables)


FAILED_LOGIN = "axes_accessattempt"
FAILED_JOIN = "rounds_failedjoinattempt"
SESSION = "django_session"


Cell = int | Outcome
Expect = dict[str, Cell]


def cells(anonymous: Cell, participant: Cell, reader: Cell, facilitator: Cell, outsider: Cell, staff: Cell):
    return dict(zip(ROLES, (anonymous, participant, reader, facilitator, outsider, staff), strict=True))


def everyone(cell: Cell) -> Expect:
    return cells(*[cell] * len(ROLES))


def facilitator_only(ok: Cell) -> Expect:
    """Only the organisation's facilitator; a reader is refused (403), another organisation 404."""
    return cells(LOGIN, LOGIN, 403, ok, 404, 404)


def by_token(ok: Cell) -> Expect:
    """The link is the key: everyone holding it gets the same answer."""
    return everyone(ok)


PUBLIC = everyone(200)
LOGGED_IN = cells(LOGIN, LOGIN, 200, 200, 200, 200)
# Members of the organisation (readers too) may look; another organisation gets 404.
MEMBERS_READ = cells(LOGIN, LOGIN, 200, 200, 404, 404)
FACILITATOR_ONLY = facilitator_only(200)
FACILITATOR_WRITE = facilitator_only(302)
# Logging out ends the session (a write) and lands on the login page.
LOGGED_OUT = Outcome(302, to_login=True, writes=True)
STAFF_ONLY = cells(LOGIN, LOGIN, 404, 404, 404, 200)
# GET on a view that only takes POST, behind login_required.
POST_ONLY = cells(LOGIN, LOGIN, 405, 405, 405, 405)


def outcome(cell: Cell, method: str) -> Outcome:
    """A cell as an Outcome. A refusal must change nothing; an allowed POST must change something."""
    if isinstance(cell, Outcome):
        return cell
    if cell in REFUSED:
        return Outcome(cell, writes=False)
    return Outcome(cell, writes=True if method == "post" else None)


# --- The scenario ----------------------------------------------------------------------------------------


@dataclass
class Scenario:
    """Everything the URLs point at, built once per test module (see `build_scenario`)."""

    users: dict  # role -> User (anonymous and participant: None)
    organisation: str  # slug of organisation A
    organisation_id: int
    round: int  # individual round of A: open, with a join code, an action, a calendar feed
    token: str  # Fatima: answered steps 1 and 2, not handed in yet
    fresh_token: str  # Joost: has not opened his link yet
    done_token: str  # Dirk: handed in
    participant: int  # Joost's id (revoke, renew)
    fatima: int  # Fatima's id (owner of the action)
    finished_participant: int  # Dirk's id (reopen)
    join_code: str
    action: int  # action of `round`, owned by Fatima (who has an e-mail address)
    owner_token: str  # Fatima's personal action link
    feed_token: str  # calendar subscription of `round`
    observation: int  # own observation on `round`
    conversation_question: int  # conversation question on `round`
    repeated: int  # a repeat of `round`, with one carried-over action
    carried_action: int
    joint: int  # joint round of A, its shared form not opened yet
    joint_review: int  # joint round of A, its shared form past steps 1 and 2
    joint_done: int  # joint round of A, its shared form handed in
    entry: str  # slug of a private inspiration entry of A
    indicator: int  # a local figure of A
    colleague: int  # membership of a second reader of A (change role, remove)
    future_prompt: int  # the picture of the future of `round`: its prompt for theme B
    future_contribution: int  # Fatima's contribution to it
    future_other_contribution: int  # Joost's contribution to it (dots, merging into)
    future_joint_prompt: int  # the prompt of a joint picture of the future on `joint`
    invitation: int  # an open invitation to A, for nieuw@testdorp.example
    invitation_token: str  # its link's token
    reset_uid: str  # a password reset link for the colleague (who never logs in here)
    reset_token: str
    setup_key: bytes  # secret of the facilitator's app device waiting to be confirmed
    # Wrong credentials (see WRONG_CREDENTIALS)
    revoked_token: str  # a participant whose link was revoked
    group_token: str  # the token of a joint round's shared form: not a personal link
    revoked_owner_token: str
    expired_owner_token: str
    closed_join_code: str  # join code of a closed round
    joint_join_code: str  # a join code on a joint round (its shared form is not joined by code)
    expired_invitation_token: str
    used_invitation_token: str
    withdrawn_invitation_token: str
    # Objects of organisation B, for URLs that name an object inside a round or link (see FOREIGN)
    foreign_participant: int
    foreign_action: int  # owned by someone with Fatima's e-mail address, in organisation B
    foreign_observation: int
    foreign_question: int
    foreign_organisation: str  # slug of organisation B
    foreign_organisation_id: int
    foreign_member: int  # the outsider's membership of B
    foreign_invitation: int  # an open invitation to B
    foreign_indicator: int  # a local figure of B
    foreign_future_prompt: int  # a prompt of a picture of the future of B
    foreign_future_contribution: int  # a contribution to it
    # Programmes: the facilitator advises `programme`, in which A and B take part (A anonymously)
    programme: str  # its slug
    programme_member: int  # A's membership of it
    foreign_programme_member: int  # B's membership of it
    programme_invitation_token: str  # a gemeente invitation to a second programme, without A
    expired_programme_invitation_token: str
    used_programme_invitation_token: str
    # Fixed values for URL arguments
    theme: str = "B"
    theme_code: str = "D"  # an inspiration theme
    question_code: str = "1"
    fmt: str = "json"
    programme_fmt: str = "xlsx"

    def kwargs(self, mapping: dict[str, str]) -> dict:
        return {name: getattr(self, attribute) for name, attribute in mapping.items()}

    def setup_code(self) -> str:
        """The code the facilitator's phone shows now for the app device waiting to be confirmed."""
        totp = TOTP(self.setup_key)
        totp.time = time.time()
        return f"{totp.token():06d}"


# The facilitator's and the staff member's password (the others have none that works).
PASSWORD = "Een-lang-wachtwoord-42"


def spent_invitation_tokens(invite: Callable[[str], tuple], name: str) -> dict[str, str]:
    """The Scenario attributes `expired_<name>` and `used_<name>`: the link tokens of an invitation
    that `invite(label)` makes and that expired yesterday, and of one that was accepted already.
    Team and programme invitations alike: both expire and are accepted the same way."""
    expired, expired_token = invite("verlopen")
    expired.expires_at = timezone.now() - datetime.timedelta(days=1)
    expired.save(update_fields=["expires_at"])
    used, used_token = invite("gebruikt")
    used.accepted_at = timezone.now()
    used.save(update_fields=["accepted_at"])
    return {f"expired_{name}": expired_token, f"used_{name}": used_token}


def build_scenario() -> Scenario:
    """Organisation A with its people, rounds, links and library entry; organisation B with its
    facilitator; a staff member without organisation. About 200 queries."""
    if not Entry.objects.filter(slug="rotterdam-goed-bezig").exists():
        # Migration 0003 ships the library; a browser test elsewhere may have flushed it.
        library.import_library(library.read(library.SHIPPED))
    user_model = get_user_model()

    def user(username: str, *, password: bool = False, **fields):
        person = user_model(username=username, **fields)
        if password:
            # The fast hasher the tests use (conftest switches to it per test, after this is built).
            person.password = MD5PasswordHasher().encode(PASSWORD, MD5PasswordHasher().salt())
        else:
            person.set_unusable_password()  # force_login needs none; hashing costs time
        person.save()
        return person

    org_a = OrganisationFactory(name="Gemeente Testdorp", slug="testdorp")
    org_b = OrganisationFactory(name="Gemeente Elders", slug="elders")
    users = {
        "reader": user("meelezer"),
        "facilitator": user("gespreksleider", password=True, email="gespreksleider@testdorp.example"),
        "outsider": user("elders"),
        "staff": user("adviseur", password=True, is_staff=True),
    }
    MembershipFactory(user=users["reader"], organisation=org_a, role=Membership.Role.READER)
    colleague_user = user("collega", password=True, email="collega@testdorp.example")
    colleague = MembershipFactory(user=colleague_user, organisation=org_a, role=Membership.Role.READER)
    MembershipFactory(user=users["facilitator"], organisation=org_a)
    foreign_member = MembershipFactory(user=users["outsider"], organisation=org_b)
    foreign_invitation = organisation_services.invite(
        organisation=org_b,
        email="nieuw@elders.example",
        role=Membership.Role.READER,
        invited_by=users["outsider"],
        send=False,
    ).invitation
    facilitator = users["facilitator"]
    setup_device = TOTPDeviceFactory(user=facilitator, confirmed=False)

    def invite(mailbox: str) -> tuple[Invitation, str]:
        sent = organisation_services.invite(
            organisation=org_a,
            email=f"{mailbox}@testdorp.example",
            role=Membership.Role.READER,
            invited_by=facilitator,
            send=False,
        )
        return sent.invitation, sent.link.rstrip("/").rsplit("/", 1)[-1]

    invitation, invitation_token = invite("nieuw")
    spent_invitations = spent_invitation_tokens(invite, "invitation_token")
    withdrawn_invitation, withdrawn_invitation_token = invite("ingetrokken")
    organisation_services.withdraw(invitation=withdrawn_invitation, actor=facilitator)

    round_ = services.create_round(
        organisation=org_a, title="Armoede en gezondheid", held_on=HELD_ON, mode="individual"
    )
    fatima = services.add_participant(
        round_, display_name="Fatima", domain="armoede", email="fatima@testdorp.example"
    )
    services.mark_opened(fatima)
    answer_everything(fatima)
    joost = services.add_participant(round_, display_name="Joost", domain="gezondheid")
    dirk = services.add_participant(round_, display_name="Dirk", domain="uitvoering")
    answer_everything(dirk, finish=True)
    revoked = services.add_participant(round_, display_name="Ingetrokken", domain="armoede")
    services.revoke_link(revoked)
    round_.join_code = "TESTDP"
    round_.save(update_fields=["join_code"])

    action = ActionFactory(
        round=round_, theme="B", description="Cijfers per wijk", owner=fatima, due_on=HELD_ON
    )
    carried = ActionFactory(round=round_, theme="C", description="Spreekuur", owner_name="Wethouder")
    owner_link = agenda_services.ensure_owner_link(org_a, email=fatima.email, name="Fatima")
    revoked_link = agenda_services.renew_owner_link(org_a, email="oud@testdorp.example")
    agenda_services.revoke_owner_links(org_a, email="oud@testdorp.example")
    expired_link = OwnerLinkFactory(
        organisation=org_a,
        email="verlopen@testdorp.example",
        expires_at=timezone.now() - datetime.timedelta(days=1),
    )
    feed = agenda_services.renew_calendar_feed(round_)
    observation = OwnObservationFactory(round=round_, theme="", text="Valt op")
    question = ConversationQuestionFactory(round=round_, theme="A", text="Wat nu?", position=1)
    # The picture of the future (futures): open, and Fatima marked one pair (cooperation).
    FuturePart.objects.get_or_create(round=round_, defaults={"position": "before"})
    cooperation.add_mark(fatima, party_a="armoede", party_b="gezondheid")
    repeated = agenda_services.repeat_round(
        round_, title="Herhaling", held_on=HELD_ON, participants=[], actions=[carried]
    )
    future_prompt = future_services.save_part(
        round_, prompts={"B": "Over vier jaar …"}, position="before"
    ).prompts.get()
    future_contribution = future_services.add_contribution(fatima, prompt=future_prompt, text="Eén loket")
    future_other = future_services.add_contribution(joost, prompt=future_prompt, text="Wijkteams")

    joint = services.create_round(organisation=org_a, title="Samen", held_on=HELD_ON, mode="joint")
    future_joint_prompt = future_services.save_part(
        joint, prompts={"C": "Over vier jaar …"}, mode="joint"
    ).prompts.get()
    # The group (the joint round's shared form) marked one pair: the facilitator wrote it down.
    cooperation.add_mark(joint.participants.get(is_group=True), party_a="armoede", party_b="gezondheid")
    joint_review = services.create_round(organisation=org_a, title="Samen 2", held_on=HELD_ON, mode="joint")
    answer_everything(joint_review.participants.get(is_group=True))
    joint_done = services.create_round(organisation=org_a, title="Samen 3", held_on=HELD_ON, mode="joint")
    answer_everything(joint_done.participants.get(is_group=True), finish=True)
    # The facilitator cannot switch joining on for a joint round; a code left from before must not
    # let anyone in either.
    joint_done.join_code = "SAMEN3"
    joint_done.save(update_fields=["join_code"])

    closed = services.create_round(organisation=org_a, title="Gesloten", held_on=HELD_ON, mode="individual")
    closed.join_code = "DICHT2"
    closed.save(update_fields=["join_code"])
    services.close_round(closed)

    elsewhere = services.create_round(organisation=org_b, title="Elders", held_on=HELD_ON, mode="individual")
    foreign_participant = services.add_participant(elsewhere, display_name="Bram", domain="armoede")
    answer_everything(foreign_participant, finish=True)
    foreign_action = ActionFactory(
        round=elsewhere, theme="B", description="Elders", owner_name="Fatima", owner_email=fatima.email
    )
    foreign_observation = OwnObservationFactory(round=elsewhere, theme="", text="Elders")
    foreign_question = ConversationQuestionFactory(round=elsewhere, theme="A", text="Elders?", position=1)
    foreign_future_prompt = future_services.save_part(elsewhere, prompts={"B": "Elders …"}).prompts.get()
    foreign_future_contribution = future_services.add_contribution(
        foreign_participant, prompt=foreign_future_prompt, text="Elders"
    )

    def figure(organisation: Organisation) -> Indicator:
        return IndicatorFactory(
            organisation=organisation,
            name="Kinderen in armoede",
            value=9.8,
            unit="%",
            year=2023,
            area=organisation.name,
            source="CBS",
        )

    indicator, foreign_indicator = figure(org_a), figure(org_b)
    entry = inspiration_services.create_entry(
        user=facilitator,
        organisation=org_a,
        themes=list(Theme.objects.filter(code="D")),
        tags=[],
        visibility=Entry.Visibility.PRIVATE,
        title="Eigen aanpak Testdorp",
        organisation_name=org_a.name,
        kind="example",
        summary="Een samenvatting.",
        lessons="Een les.",
        source="",
        source_url="",
    )
    programme = ProgrammeFactory(name="Regio Oost", slug="regio-oost")
    programme.advisers.add(facilitator)
    programme_member = ProgrammeMemberFactory(
        programme=programme, organisation=org_a, sharing=ProgrammeMember.Sharing.ANONYMOUS
    )
    foreign_programme_member = ProgrammeMemberFactory(
        programme=programme, organisation=org_b, sharing=ProgrammeMember.Sharing.NAMED
    )
    other_programme = ProgrammeFactory(name="Regio West", slug="regio-west")

    def programme_invitation(label: str) -> tuple[ProgrammeInvitation, str]:
        new = programme_services.create_invitation(
            programme=other_programme, kind="gemeente", label=label, invited_by=None
        )
        return new.invitation, new.link.rstrip("/").rsplit("/", 1)[-1]

    _open, programme_invitation_token = programme_invitation("Een gemeente")

    return Scenario(
        users={"anonymous": None, "participant": None, **users},
        organisation=org_a.slug,
        organisation_id=org_a.pk,
        round=round_.pk,
        token=fatima.token,
        future_prompt=future_prompt.pk,
        future_contribution=future_contribution.pk,
        future_other_contribution=future_other.pk,
        future_joint_prompt=future_joint_prompt.pk,
        foreign_future_prompt=foreign_future_prompt.pk,
        foreign_future_contribution=foreign_future_contribution.pk,
        fresh_token=joost.token,
        done_token=dirk.token,
        participant=joost.pk,
        fatima=fatima.pk,
        finished_participant=dirk.pk,
        join_code=round_.join_code,
        action=action.pk,
        owner_token=owner_link.token,
        feed_token=feed.token,
        observation=observation.pk,
        conversation_question=question.pk,
        repeated=repeated.pk,
        carried_action=repeated.actions.get().pk,
        joint=joint.pk,
        joint_review=joint_review.pk,
        joint_done=joint_done.pk,
        entry=entry.slug,
        indicator=indicator.pk,
        colleague=colleague.pk,
        invitation=invitation.pk,
        invitation_token=invitation_token,
        reset_uid=urlsafe_base64_encode(force_bytes(colleague_user.pk)),
        reset_token=default_token_generator.make_token(colleague_user),
        setup_key=setup_device.bin_key,
        revoked_token=revoked.token,
        group_token=joint.participants.get(is_group=True).token,
        revoked_owner_token=revoked_link.token,
        expired_owner_token=expired_link.token,
        closed_join_code=closed.join_code,
        joint_join_code=joint_done.join_code,
        **spent_invitations,
        withdrawn_invitation_token=withdrawn_invitation_token,
        foreign_participant=foreign_participant.pk,
        foreign_action=foreign_action.pk,
        foreign_observation=foreign_observation.pk,
        foreign_question=foreign_question.pk,
        foreign_organisation=org_b.slug,
        foreign_organisation_id=org_b.pk,
        foreign_member=foreign_member.pk,
        foreign_invitation=foreign_invitation.pk,
        foreign_indicator=foreign_indicator.pk,
        programme=programme.slug,
        programme_member=programme_member.pk,
        foreign_programme_member=foreign_programme_member.pk,
        programme_invitation_token=programme_invitation_token,
        **spent_invitation_tokens(programme_invitation, "programme_invitation_token"),
    )


# --- Wrong credentials -----------------------------------------------------------------------------------

# Per credential attribute of the scenario: the wrong values to try instead, each with what it must
# get (from any role) and the methods it is tried with. A value is a Scenario attribute name, or None
# for a fresh random token. A row may expect something else for a variant: `Row(wrong={...})`.
BOTH = ("get", "post")
PARTICIPANT_LINK = {
    "random": (None, 404, BOTH),
    "owner_link": ("owner_token", 404, BOTH),
    "group_form": ("group_token", 404, BOTH),
    "revoked": ("revoked_token", 410, BOTH),
    # Not wrong, but too late: whoever handed in may no longer change anything.
    "handed_in": ("done_token", 409, ("post",)),
}
# Any random token, and a participant's link where another kind of link belongs: not found.
NOT_THIS_LINK = {"random": (None, 404, BOTH), "participant_link": ("token", 404, BOTH)}
WRONG_CREDENTIALS: dict[str, dict[str, tuple[str | None, Cell, tuple[str, ...]]]] = {
    "token": PARTICIPANT_LINK,
    "fresh_token": PARTICIPANT_LINK,
    "done_token": PARTICIPANT_LINK,
    "owner_token": {
        **NOT_THIS_LINK,
        "revoked": ("revoked_owner_token", 410, BOTH),
        "expired": ("expired_owner_token", 410, BOTH),
    },
    "feed_token": NOT_THIS_LINK,
    # A code that opens no round is counted (FailedJoinAttempt) to slow guessing down: a write by design.
    "join_code": {
        "random": (None, counted(404, FAILED_JOIN), BOTH),
        "closed_round": ("closed_join_code", counted(404, FAILED_JOIN), BOTH),
        "joint_round": ("joint_join_code", 409, BOTH),
    },
    "invitation_token": {
        **NOT_THIS_LINK,
        "expired": ("expired_invitation_token", 410, BOTH),
        "used": ("used_invitation_token", 410, BOTH),
        "withdrawn": ("withdrawn_invitation_token", 410, BOTH),
    },
    # Checked before the login: a wrong programme invitation says so to anyone.
    "programme_invitation_token": {
        **NOT_THIS_LINK,
        "team_invitation": ("invitation_token", 404, BOTH),
        "expired": ("expired_programme_invitation_token", 410, BOTH),
        "used": ("used_programme_invitation_token", 410, BOTH),
    },
    # The reset view answers a wrong link with a page saying the link does not work (404).
    "reset_token": NOT_THIS_LINK,
}

# Pages that may be cached by the browser (no `Cache-Control: no-store` required): none so far; the
# middleware gives every page from Django `no-store`, the public ones too.
CACHEABLE: frozenset[str] = frozenset()

# Links that let their holder change something. Only a facilitator's pages may show them: a reader who
# saw one could answer for a participant or update an owner's actions.
WRITE_CREDENTIALS = (
    "token",
    "fresh_token",
    "done_token",
    "owner_token",
    "invitation_token",
    "reset_token",
    "programme_invitation_token",
)

# Objects named in a URL next to the round or link that must own them, and organisation-level objects
# (the organisation itself, its members and invitations). The same URL with organisation B's object
# instead must get 404 from organisation A's facilitator and change nothing.
FOREIGN = {
    "organisation": "foreign_organisation",
    "organisation_id": "foreign_organisation_id",
    "colleague": "foreign_member",
    "invitation": "foreign_invitation",
    "indicator": "foreign_indicator",
    "participant": "foreign_participant",
    "finished_participant": "foreign_participant",
    "fatima": "foreign_participant",
    "action": "foreign_action",
    "observation": "foreign_observation",
    "conversation_question": "foreign_question",
    "programme_member": "foreign_programme_member",
    "future_prompt": "foreign_future_prompt",
    "future_contribution": "foreign_future_contribution",
    "future_other_contribution": "foreign_future_contribution",
    "future_joint_prompt": "foreign_future_prompt",
}


def wrong_value(scenario: Scenario, source: str | None) -> str:
    return new_token() if source is None else getattr(scenario, source)


# --- Payloads --------------------------------------------------------------------------------------------


def scores(**values: int) -> dict:
    return {f"score-{theme}-score": value for theme, value in values.items()}


def action_edit(s: Scenario) -> dict:
    return {
        "status": "bezig",
        "theme": "B",
        "description": "Cijfers per wijk, met de GGD",
        "owner": s.fatima,
        "owner_name": "",
        "owner_email": "",
        "department": "",
        "due_on": "",
        "version": 1,
        "note": "Gestart",
    }


def progress(action_attribute: str) -> Callable[[Scenario], dict]:
    def data(s: Scenario) -> dict:
        prefix = f"actie-{getattr(s, action_attribute)}"
        return {f"{prefix}-status": "bezig", f"{prefix}-note": "Loopt", f"{prefix}-version": 1}

    return data


def entry_form(s: Scenario) -> dict:
    return {
        "title": "Financieel spreekuur bij de huisarts",
        "organisation_name": "Gemeente Testdorp",
        "organisation": s.organisation_id,
        "kind": "example",
        "summary": "Elke dinsdag een schuldhulpmaatje in het gezondheidscentrum.",
        "lessons": "Begin klein.",
        "themes": ["D"],
        "source": "",
        "source_url": "",
        "visibility": "private",
    }


ALL_SCORES = scores(A=3, B=4, C=2, D=5, E=6, F=1)


# --- The matrix ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    kwargs: dict[str, str]  # URL keyword argument -> Scenario attribute
    get: Expect
    post: Expect | None = None
    data: Callable[[Scenario], dict] | None = None  # the POST payload
    query: str = ""  # appended to the URL, e.g. "thema=B"
    wrong: dict[str, Cell] | None = None  # a wrong-credential variant that gets another answer here


NONE: dict[str, str] = {}
ROUND = {"pk": "round"}
ACTION = {"pk": "round", "action_id": "action"}
LINK = {"key": "token"}
FRESH_LINK = {"key": "fresh_token"}
JOINT = {"key": "joint"}
FUTURE_CONTRIBUTION = {"pk": "round", "contribution_id": "future_contribution"}
JOINT_REVIEW = {"key": "joint_review"}
ORGANISATION = {"slug": "organisation"}
FIGURE_URL = {"slug": "organisation", "indicator_id": "indicator"}
FIGURE = {
    "name": "Ervaren gezondheid",
    "value": "71,5",
    "unit": "%",
    "year": "2022",
    "area": "Testdorp",
    "source": "GGD",
    "link": "",
}


def fill_rows(namespace: str, fresh: dict, answered: dict, done: dict, access: Callable[[Cell], Expect]):
    """The answering journey, mounted under a participant's link and under a joint round."""
    return {
        f"{namespace}:intro": Row(fresh, access(200)),
        f"{namespace}:start": Row(
            fresh,
            access(405),
            access(302),
        ),
        f"{namespace}:step1": Row(fresh, access(200), access(302), data=lambda s: ALL_SCORES),
        f"{namespace}:score": Row(
            {**fresh, "theme": "theme"}, access(405), access(200), data=lambda s: scores(B=4)
        ),
        f"{namespace}:note": Row(fresh, access(405), access(200), data=lambda s: {"note-text": "Opvallend"}),
        f"{namespace}:step2": Row(
            {**answered, "theme": "theme"},
            access(200),
            access(302),
            data=lambda s: {"q2-options": ["2b"], "q3-options": ["3b"], "comment-B-text": "Nieuw"},
        ),
        f"{namespace}:question": Row(
            {**answered, "question": "question_code"},
            access(405),
            access(200),
            data=lambda s: {"q1-options": ["1b"]},
        ),
        f"{namespace}:comment": Row(
            {**answered, "theme": "theme"},
            access(405),
            access(200),
            data=lambda s: {"comment-B-text": "Nieuw"},
        ),
        f"{namespace}:review": Row(
            answered,
            access(200),
            access(302),
            data=lambda s: ALL_SCORES,
            # Handed in already: back to the done page with a message, nothing saved.
            wrong={"handed_in": unchanged(302)},
        ),
        f"{namespace}:revise": Row(
            {**answered, "theme": "theme"}, access(405), access(200), data=lambda s: scores(B=1)
        ),
        f"{namespace}:done": Row(done, access(200)),
        f"{namespace}:group_results": Row(answered, access(200)),
        # What one gave, to read and to download (the right of access).
        f"{namespace}:own_answers": Row(answered, access(200)),
        f"{namespace}:own_answers_json": Row(answered, access(200)),
    }


MATRIX: dict[str, Row] = {
    # Site
    "home": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 302)),
    "login": Row(
        NONE,
        cells(200, 200, 302, 302, 302, 302),
        # A wrong password is recorded by django-axes (throttling); the logged-in are sent on first.
        cells(counted(200, FAILED_LOGIN), counted(200, FAILED_LOGIN), *[unchanged(302)] * 4),
        data=lambda s: {"username": "gespreksleider", "password": "fout-wachtwoord"},
    ),
    # The code step without a password step before it: back to the login page, for everyone.
    # (The code step itself is tested in tests/twofactor.)
    "login_code": Row(NONE, everyone(LOGIN), everyone(LOGIN), data=lambda s: {"code": "123456"}),
    # The admin's login: to the site's login, to the app setup for an unverified session; verified
    # staff go on to the admin.
    "admin_login": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 302)),
    "password_reset": Row(
        NONE,
        PUBLIC,
        # The same answer whether the address has an account or not; only a mail is sent.
        everyone(unchanged(302)),
        data=lambda s: {"email": "collega@testdorp.example"},
    ),
    "password_reset_done": Row(NONE, PUBLIC),
    # The link from the mail is its own key; it moves the token into the session and redirects.
    "password_reset_confirm": Row(
        {"uidb64": "reset_uid", "token": "reset_token"},
        by_token(counted(302, SESSION)),
        by_token(counted(302, SESSION)),
        data=lambda s: {"new_password1": "Nog-een-wachtwoord-7", "new_password2": "Nog-een-wachtwoord-7"},
    ),
    "password_reset_complete": Row(NONE, PUBLIC),
    "password_change": Row(
        NONE,
        LOGGED_IN,
        # Only the facilitator knows the old password the payload gives.
        cells(LOGIN, LOGIN, unchanged(422), 302, unchanged(422), 302),
        data=lambda s: {
            "old_password": PASSWORD,
            "new_password1": "Nog-een-wachtwoord-7",
            "new_password2": "Nog-een-wachtwoord-7",
        },
    ),
    "password_change_done": Row(NONE, LOGGED_IN),
    "statements:privacy": Row(NONE, PUBLIC),
    "statements:accessibility": Row(NONE, PUBLIC),
    # Team and account
    # The team of the current organisation: the outsider sees B's; staff belong to none.
    "organisations:team": Row(NONE, cells(LOGIN, LOGIN, 200, 200, 200, 404)),
    "organisations:invite": Row(
        {"organisation_id": "organisation_id"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"email": "nog-een@testdorp.example", "role": "meelezer"},
    ),
    "organisations:invitation_resend": Row({"invitation_id": "invitation"}, POST_ONLY, FACILITATOR_WRITE),
    "organisations:invitation_withdraw": Row({"invitation_id": "invitation"}, POST_ONLY, FACILITATOR_WRITE),
    "organisations:member_role": Row(
        {"member_id": "colleague"}, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"role": "gespreksleider"}
    ),
    "organisations:member_remove": Row({"member_id": "colleague"}, POST_ONLY, FACILITATOR_WRITE),
    # The invitation link is its own key: without an account one makes one; logged in with another
    # address than the invited one, one is refused (403) and nothing is accepted.
    "organisations:invitation": Row(
        {"token": "invitation_token"},
        cells(200, 200, 403, 403, 403, 403),
        cells(302, 302, 403, 403, 403, 403),
        data=lambda s: {
            "first_name": "Nieuwe",
            "last_name": "Collega",
            "password1": "Nog-een-wachtwoord-7",
            "password2": "Nog-een-wachtwoord-7",
        },
    ),
    # Choosing organisation A as the current one: remembered in the session for its members; refused
    # (a form error) for whoever is not a member of A.
    "organisations:switch": Row(
        NONE,
        POST_ONLY,
        cells(LOGIN, LOGIN, counted(302, SESSION), counted(302, SESSION), unchanged(422), unchanged(422)),
        data=lambda s: {"organisation": s.organisation_id, "next": "/team/"},
    ),
    "organisations:account": Row(NONE, LOGGED_IN),
    # The host's pages: staff only; to anyone else they do not exist (404).
    "organisations:staff_list": Row(NONE, STAFF_ONLY),
    "organisations:staff_create": Row(
        NONE,
        STAFF_ONLY,
        cells(LOGIN, LOGIN, 404, 404, 404, 302),
        data=lambda s: {
            "name": "Gemeente Nieuwdorp",
            "slug": "nieuwdorp",
            "email": "start@nieuwdorp.example",
        },
    ),
    "organisations:staff_invite": Row(
        ORGANISATION,
        STAFF_ONLY,
        cells(LOGIN, LOGIN, 404, 404, 404, 302),
        data=lambda s: {"email": "tweede@testdorp.example"},
    ),
    # Two-step login: every logged-in user for their own account.
    "two_factor:overview": Row(NONE, LOGGED_IN),
    "two_factor:setup": Row(
        NONE,
        # Showing the page makes a new secret to scan (a write, not checked for GET).
        LOGGED_IN,
        # The facilitator has a secret waiting and the code of it; for the others the POST starts a
        # new secret (written) and the code is wrong.
        cells(
            LOGIN, LOGIN, Outcome(422, writes=True), 200, Outcome(422, writes=True), Outcome(422, writes=True)
        ),
        data=lambda s: {"code": s.setup_code()},
    ),
    # New recovery codes for whoever has two-step login on (only staff here); the others are sent back.
    "two_factor:recovery_codes": Row(
        NONE,
        POST_ONLY,
        cells(LOGIN, LOGIN, unchanged(302), unchanged(302), unchanged(302), 200),
    ),
    "two_factor:disable": Row(
        NONE,
        LOGGED_IN,
        # Staff (two-step login on) turn it off; the facilitator knows the password and so drops the
        # secret waiting to be confirmed; the others do not know the password.
        cells(LOGIN, LOGIN, unchanged(422), 302, unchanged(422), 302),
        data=lambda s: {"password": PASSWORD},
    ),
    # Privacy of the organisation: for its facilitators only.
    # Local figures: members see them; facilitators import, add, change, delete and choose them.
    # The picture of the future (futures): the facilitator sets it up and works on the wall; members
    # (readers too) may look at the wall.
    "futures:setup": Row(
        ROUND,
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {
            "enabled": "on",
            "mode": "individual",
            "position": "after",
            "anonymous": "on",
            "themes": ["B", "D"],
            "prompt_B": "Over vier jaar …",
            "prompt_D": "Over vier jaar merken inwoners dat …",
            "experiences": "",
        },
    ),
    "futures:remove": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "futures:wall": Row(ROUND, MEMBERS_READ, query="thema=B"),
    "futures:wall_live": Row(ROUND, MEMBERS_READ, query="thema=B"),
    # In a joint part the facilitator writes down what the group says.
    "futures:add": Row(
        {"pk": "joint", "prompt_id": "future_joint_prompt"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"text": "Eén loket"},
    ),
    "futures:hide": Row(FUTURE_CONTRIBUTION, POST_ONLY, FACILITATOR_WRITE),
    "futures:merge": Row(
        FUTURE_CONTRIBUTION,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"into": s.future_other_contribution},
    ),
    "futures:heading": Row(
        FUTURE_CONTRIBUTION, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"heading": "Dichtbij"}
    ),
    "futures:to_action": Row(
        FUTURE_CONTRIBUTION, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"owner_name": "Wethouder"}
    ),
    # A participant's pages, under their own link. Whoever handed in their answers may still take part.
    "futures_fill:index": Row(LINK, by_token(200)),
    "futures_fill:prompt": Row(
        {**LINK, "prompt_id": "future_prompt"},
        by_token(200),
        by_token(302),
        data=lambda s: {"text": "Samen één loket"},
        wrong={"handed_in": 302},
    ),
    "futures_fill:live": Row({**LINK, "prompt_id": "future_prompt"}, by_token(200)),
    "futures_fill:vote": Row(
        {**LINK, "contribution_id": "future_other_contribution"},
        by_token(405),
        by_token(302),
        wrong={"handed_in": 302},
    ),
    # Fatima withdraws her own; Dirk (handed in) may not withdraw hers.
    "futures_fill:withdraw": Row(
        {**LINK, "contribution_id": "future_contribution"},
        by_token(405),
        by_token(302),
        wrong={"handed_in": 403},
    ),
    "indicators:list": Row(ORGANISATION, MEMBERS_READ),
    "indicators:import": Row(
        ORGANISATION,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {
            "file": SimpleUploadedFile(
                "cijfers.csv", b"indicator;waarde;jaar;gebied;bron\nSchulden;6,4;2022;Testdorp;CBS\n"
            )
        },
    ),
    "indicators:create": Row(ORGANISATION, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: FIGURE),
    "indicators:edit": Row(FIGURE_URL, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: FIGURE),
    "indicators:delete": Row(FIGURE_URL, POST_ONLY, FACILITATOR_WRITE),
    "indicators:round": Row(
        ROUND,
        MEMBERS_READ,
        FACILITATOR_WRITE,
        data=lambda s: {f"shown-{s.indicator}": "on", f"themes-{s.indicator}": ["B", "D"]},
    ),
    "organisation_privacy:log": Row(ORGANISATION, FACILITATOR_ONLY),
    "organisation_privacy:retention": Row(
        ORGANISATION,
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"participant_data_days": "60", "round_delete_days": "400", "owner_email_days": "90"},
    ),
    "logout": Row(NONE, everyone(405), cells(LOGIN, LOGIN, *[LOGGED_OUT] * 4)),
    "health": Row(NONE, PUBLIC),
    # The language switch: a cookie for everyone; a member's choice is also kept on their memberships.
    "set_language": Row(
        NONE,
        everyone(405),
        cells(unchanged(302), unchanged(302), 302, 302, 302, unchanged(302)),
        data=lambda s: {"language": "en", "next": "/"},
    ),
    "join_start": Row(NONE, PUBLIC),
    "join_round": Row(
        {"code": "join_code"},
        by_token(200),
        by_token(302),
        data=lambda s: {
            "display_name": "Via de code",
            "domain": "armoede",
            "join_key": "via-de-code-0123456789",
        },
    ),
    # Rounds
    "rounds:list": Row(NONE, LOGGED_IN),
    "rounds:create": Row(
        NONE,
        cells(LOGIN, LOGIN, unchanged(302), 200, 200, unchanged(302)),
        # Organisation A chosen: the outsider, a facilitator elsewhere, may not create it there.
        cells(LOGIN, LOGIN, unchanged(302), 302, 404, unchanged(302)),
        data=lambda s: {
            "title": "Nieuw",
            "held_on": "2027-01-15",
            "mode": "individual",
            "organisation": s.organisation_id,
        },
    ),
    "rounds:detail": Row(
        ROUND,
        MEMBERS_READ,
        FACILITATOR_WRITE,
        data=lambda s: {"display_name": "Nieuw", "domain": "armoede", "department": "", "email": ""},
    ),
    "rounds:results": Row(ROUND, MEMBERS_READ),
    "rounds:prepare": Row(ROUND, MEMBERS_READ),
    "rounds:observation_toggle": Row(ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"key": "obs-1"}),
    "rounds:own_observation_add": Row(
        ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"text": "Ook dit", "theme": ""}
    ),
    "rounds:own_observation_delete": Row(
        {**ROUND, "observation_id": "observation"}, POST_ONLY, FACILITATOR_WRITE
    ),
    "rounds:question_add": Row(
        ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"theme": "A", "text": "Wie doet wat?"}
    ),
    "rounds:question_update": Row(
        {**ROUND, "question_id": "conversation_question"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"text": "Wat doen we nu?"},
    ),
    "rounds:settings": Row(
        ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"results_for_participants": "on"}
    ),
    "rounds:reveal": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "rounds:joining": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "rounds:present": Row(ROUND, MEMBERS_READ),
    "rounds:present_live": Row(ROUND, MEMBERS_READ, query="thema=B"),
    "rounds:close": Row(ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE),
    "rounds:revoke": Row({**ROUND, "participant_id": "participant"}, FACILITATOR_ONLY, FACILITATOR_WRITE),
    "rounds:renew": Row({**ROUND, "participant_id": "participant"}, FACILITATOR_ONLY, FACILITATOR_WRITE),
    "rounds:reopen": Row({**ROUND, "participant_id": "finished_participant"}, POST_ONLY, FACILITATOR_WRITE),
    "rounds:participant_delete": Row(
        {**ROUND, "participant_id": "participant"}, FACILITATOR_ONLY, FACILITATOR_WRITE
    ),
    "rounds:participant_merge": Row(
        {**ROUND, "participant_id": "participant"},
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"into": s.finished_participant},
    ),
    "rounds:delete": Row(
        ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: {"title": "Armoede en gezondheid"}
    ),
    # Mailing links: Fatima has an e-mail address, was not mailed yet and has not handed in.
    "rounds:invite": Row(ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: {"intro": "Welkom."}),
    "rounds:invite_one": Row(
        {**ROUND, "participant_id": "fatima"},
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"intro": "Welkom."},
    ),
    "rounds:remind": Row(ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: {"intro": "Nog even."}),
    # Answering: a participant's link, and the shared form of a joint round
    **fill_rows("fill", FRESH_LINK, LINK, {"key": "done_token"}, by_token),
    **fill_rows("joint", JOINT, JOINT_REVIEW, {"key": "joint_done"}, facilitator_only),
    # Step 3: the action agenda
    "agenda:edit": Row(ROUND, MEMBERS_READ),
    "agenda:action_add": Row(
        ROUND,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"theme": "A", "description": "Iets", "owner_name": "Wethouder", "due_on": ""},
    ),
    "agenda:action": Row(ACTION, MEMBERS_READ, FACILITATOR_WRITE, data=action_edit),
    "agenda:action_delete": Row(ACTION, POST_ONLY, FACILITATOR_WRITE),
    "agenda:owner_link": Row(ACTION, POST_ONLY, FACILITATOR_WRITE),
    "agenda:agreement": Row(
        ROUND,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"follow_up": "afdelingen", "notes": "Elk kwartaal"},
    ),
    "agenda:ics": Row(ROUND, MEMBERS_READ),
    "agenda:feed": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "agenda:repeat": Row(
        ROUND,
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"title": "Nog een keer", "held_on": "2027-06-01"},
    ),
    "agenda:review": Row(
        {"pk": "repeated"}, MEMBERS_READ, FACILITATOR_WRITE, data=progress("carried_action")
    ),
    # Follow-up across rounds
    "follow_up:actions_home": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 200)),
    "follow_up:actions": Row(ORGANISATION, MEMBERS_READ),
    "follow_up:owner": Row({"token": "owner_token"}, by_token(200)),
    "follow_up:owner_update": Row(
        {"token": "owner_token", "action_id": "action"}, everyone(405), by_token(302), data=progress("action")
    ),
    "follow_up:feed": Row({"token": "feed_token"}, by_token(200)),
    "monitoring:home": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 200)),
    "monitoring:progress": Row(ORGANISATION, MEMBERS_READ),
    "reports:downloads": Row(ROUND, MEMBERS_READ),
    "reports:download": Row({**ROUND, "fmt": "fmt"}, MEMBERS_READ),
    # The page of an export being prepared; POST starts a failed build again (none failed here:
    # nothing changes). Readers may download, so they may wait for and retry a build too.
    "reports:prepare": Row(
        {**ROUND, "fmt": "fmt"},
        MEMBERS_READ,
        post=cells(LOGIN, LOGIN, unchanged(302), unchanged(302), 404, 404),
    ),
    # Programmes across gemeenten. The facilitator advises the programme; nobody else sees it (404).
    "programmes:list": Row(NONE, LOGGED_IN),
    "programmes:detail": Row({"slug": "programme"}, cells(LOGIN, LOGIN, 404, 200, 404, 404)),
    "programmes:invite": Row(
        {"slug": "programme"},
        POST_ONLY,
        cells(LOGIN, LOGIN, 404, 200, 404, 404),
        data=lambda s: {"kind": "gemeente", "label": "Gemeente Nieuwdorp"},
    ),
    # Fewer than 5 gemeenten share: the file says so and no gemeente's log gets a line.
    "programmes:export": Row(
        {"slug": "programme", "fmt": "programme_fmt"}, cells(LOGIN, LOGIN, 404, unchanged(200), 404, 404)
    ),
    # The link is checked before the login; with a good link one logs in first. Everyone logged in may
    # read the invitation; only a facilitator of the organisation sent may accept for it.
    "programmes:invitation": Row(
        {"token": "programme_invitation_token"},
        cells(LOGIN, LOGIN, 200, 200, 200, 200),
        cells(LOGIN, LOGIN, 403, 302, 404, 404),
        data=lambda s: {"organisation": s.organisation_id, "sharing": "anoniem"},
    ),
    "programmes:organisation": Row(ORGANISATION, MEMBERS_READ),
    "programmes:member_sharing": Row(
        {"member_id": "programme_member"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"sharing": "met-naam"},
    ),
    "programmes:member_leave": Row({"member_id": "programme_member"}, POST_ONLY, FACILITATOR_WRITE),
    # Inspiration library
    # Part 2 of the tool (the background and the published library) is open without an account (issue 12).
    "inspiration:index": Row(NONE, PUBLIC),
    "inspiration:search": Row(NONE, PUBLIC, query="q=schuld"),
    "inspiration:theme": Row({"code": "theme_code"}, PUBLIC),
    "inspiration:background": Row(NONE, PUBLIC),
    "inspiration:create": Row(
        NONE,
        cells(LOGIN, LOGIN, 403, 200, 200, 200),
        # For organisation A: a form error for whoever is not its facilitator.
        cells(LOGIN, LOGIN, 403, 302, unchanged(422), unchanged(422)),
        data=entry_form,
    ),
    # A private entry of A: its members read it, anyone else (without an account too) gets 404.
    "inspiration:entry": Row({"slug": "entry"}, cells(404, 404, 200, 200, 404, 404)),
    "inspiration:edit": Row({"slug": "entry"}, FACILITATOR_ONLY, FACILITATOR_WRITE, data=entry_form),
    # Cooperation (picture of the future): the presenter's missing links are the facilitator's; a
    # participant marks and withdraws pairs through their own link, also after handing in.
    "cooperation:present": Row(ROUND, FACILITATOR_ONLY),
    "cooperation:live": Row(ROUND, FACILITATOR_ONLY),
    "cooperation:action": Row(
        ROUND,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"party_a": "armoede", "party_b": "gezondheid", "theme": "E"},
    ),
    # A joint part: the facilitator writes down (and withdraws) the pairs the group names.
    "cooperation:group_mark": Row(
        {"pk": "joint"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"party_a": "armoede", "party_b": "uitvoering"},
    ),
    "cooperation:group_withdraw": Row(
        {"pk": "joint"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"party_a": "armoede", "party_b": "gezondheid"},
    ),
    "cooperation_fill:marks": Row(
        LINK,
        by_token(200),
        by_token(302),
        data=lambda s: {"party_a": "armoede", "party_b": "uitvoering"},
        wrong={"handed_in": 302},
    ),
    "cooperation_fill:withdraw": Row(
        LINK,
        by_token(405),
        by_token(302),
        data=lambda s: {"party_a": "armoede", "party_b": "gezondheid"},
        # Dirk marked nothing: nothing to withdraw, the page says so.
        wrong={"handed_in": unchanged(302)},
    ),
}
