"""Building the access matrix's scenario (about 200 queries, once per test module)."""

import datetime
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

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
from tests.access_matrix.scenario import (
    PASSWORD,
    Scenario,
)
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
    invite,
    token_of,
)


def spent_invitation_tokens(new_invitation: Callable[[str], tuple], name: str) -> dict[str, str]:
    """The Scenario attributes `expired_<name>` and `used_<name>`: the link tokens of an invitation
    that `new_invitation(label)` makes and that expired yesterday, and of one that was accepted already.
    Team and programme invitations alike: both expire and are accepted the same way."""
    expired, expired_token = new_invitation("verlopen")
    expired.expires_at = timezone.now() - datetime.timedelta(days=1)
    expired.save(update_fields=["expires_at"])
    used, used_token = new_invitation("gebruikt")
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
    foreign_invitation, _token = invite(
        org_b, "nieuw@elders.example", role=Membership.Role.READER, by=users["outsider"]
    )
    facilitator = users["facilitator"]
    setup_device = TOTPDeviceFactory(user=facilitator, confirmed=False)

    def team_invitation(mailbox: str) -> tuple[Invitation, str]:
        return invite(org_a, f"{mailbox}@testdorp.example", role=Membership.Role.READER, by=facilitator)

    invitation, invitation_token = team_invitation("nieuw")
    spent_invitations = spent_invitation_tokens(team_invitation, "invitation_token")
    withdrawn_invitation, withdrawn_invitation_token = team_invitation("ingetrokken")
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
        return new.invitation, token_of(new.link)

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
