"""Starting an organisation, invitations and their states."""

import datetime
import threading

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection

from gesprekstool.organisations import services
from gesprekstool.organisations.models import ActivityEntry, Invitation, Membership, Organisation
from tests.factories import (
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    ReaderMembershipFactory,
    UserFactory,
    invite,
    token_of,
)
from tests.organisations.log import log_of

NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC)


# --- Organisations ----------------------------------------------------------------------------------------


def test_start_organisation_creates_it_with_an_invitation_for_the_first_facilitator(db, settings):
    settings.SITE_URL = "https://gesprekstool.example"
    host = UserFactory(first_name="Hanna", last_name="Host", is_staff=True)

    sent = services.start_organisation(
        name="Gemeente Nieuwdorp", slug="nieuwdorp", facilitator_email=" Anna@Nieuwdorp.NL ", created_by=host
    )

    organisation = Organisation.objects.get(slug="nieuwdorp")
    token = token_of(sent.link)
    assert (organisation.name, sent.invitation.email, sent.invitation.role, sent.mailed) == (
        "Gemeente Nieuwdorp",
        "anna@nieuwdorp.nl",
        Membership.Role.FACILITATOR,
        True,
    )
    assert sent.link == f"https://gesprekstool.example/uitnodiging/{token}/"
    assert len(token) >= 43  # 32 random bytes: 256 bits
    assert sent.invitation.token_hash == services.hash_token(token) != token
    assert log_of(organisation) == [
        ("organisation_created", "Hanna Host", "Gemeente Nieuwdorp", ""),
        ("member_invited", "Hanna Host", "anna@nieuwdorp.nl", "Gespreksleider"),
    ]
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["anna@nieuwdorp.nl"], "Uitnodiging voor de Gesprekstool van Gemeente Nieuwdorp")
    ]
    assert sent.link in mail.outbox[0].body
    assert "Hanna Host nodigt u uit voor de Gesprekstool van Gemeente Nieuwdorp, als gespreksleider." in (
        mail.outbox[0].body
    )


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Nieuw Dorp", "De korte naam “Nieuw Dorp” mag alleen kleine letters, cijfers en streepjes bevatten"),
        ("", "De korte naam “” mag alleen"),
        ("testdorp", "De korte naam “testdorp” is al in gebruik."),
    ],
)
def test_start_organisation_refuses_a_bad_or_taken_slug(organisation, slug, message):
    with pytest.raises(services.TeamError) as refused:
        services.start_organisation(
            name="Gemeente Nieuwdorp", slug=slug, facilitator_email="anna@nieuwdorp.nl", created_by=None
        )

    assert str(refused.value.message).startswith(message)
    assert list(Organisation.objects.values_list("slug", flat=True)) == ["testdorp"]
    assert (Invitation.objects.count(), ActivityEntry.objects.count(), len(mail.outbox)) == (0, 0, 0)


def test_start_organisation_with_a_bad_address_creates_nothing(db):
    with pytest.raises(services.TeamError) as refused:
        services.start_organisation(name="Gemeente X", slug="x", facilitator_email="anna@", created_by=None)

    assert refused.value.message == "“anna@” is geen geldig e-mailadres."
    assert Organisation.objects.count() == 0


# --- Inviting ---------------------------------------------------------------------------------------------


def test_invite_a_reader(organisation, facilitator):
    sent = services.invite(
        organisation=organisation, email="Piet@Example.nl", role="meelezer", invited_by=facilitator
    )

    assert (sent.invitation.email, sent.invitation.role, sent.invitation.invited_by) == (
        "piet@example.nl",
        "meelezer",
        facilitator,
    )
    assert sent.invitation.expires_at - sent.invitation.sent_at == datetime.timedelta(days=7)
    assert log_of(organisation)[-1][0::2] == ("member_invited", "piet@example.nl")
    assert mail.outbox[0].to == ["piet@example.nl"]


def test_invitation_days_come_from_the_setting(organisation, settings):
    settings.INVITATION_DAYS = 2

    invitation, _token = invite(organisation)

    assert invitation.expires_at - invitation.sent_at == datetime.timedelta(days=2)


def test_invite_an_existing_member_is_refused(organisation, facilitator):
    facilitator.email = "Lid@Example.nl"
    facilitator.save()

    with pytest.raises(services.TeamError) as refused:
        services.invite(organisation=organisation, email="lid@example.NL", role="meelezer", invited_by=None)

    assert refused.value.message == "lid@example.nl is al lid van Gemeente Testdorp."
    assert Invitation.objects.count() == 0


def test_invite_with_an_unknown_role_is_refused(organisation):
    with pytest.raises(services.TeamError):
        services.invite(organisation=organisation, email="a@example.nl", role="beheerder", invited_by=None)
    assert Invitation.objects.count() == 0


def test_inviting_the_same_address_again_renews_the_open_invitation(organisation, facilitator):
    first, old_token = invite(organisation, "piet@example.nl", role="meelezer")

    second, new_token = invite(organisation, "PIET@example.nl", role="gespreksleider", by=facilitator)

    assert second.pk == first.pk
    assert (Invitation.objects.get().role, old_token != new_token) == ("gespreksleider", True)
    with pytest.raises(services.InvitationUnusable):
        services.find_invitation(old_token)
    assert services.find_invitation(new_token) == second
    assert [line[0] for line in log_of(organisation)] == ["member_invited", "invitation_resent"]


def test_the_same_address_may_be_invited_by_two_organisations(organisation, other_organisation):
    invite(organisation, "adviseur@example.nl")
    invite(other_organisation, "adviseur@example.nl")

    assert Invitation.objects.count() == 2


# --- Resend and withdraw ----------------------------------------------------------------------------------


def test_resend_gives_a_new_link_and_validity_and_kills_the_old_one(organisation, facilitator):
    with time_machine.travel(NOW, tick=False):
        invitation, old_token = invite(organisation)
    with time_machine.travel(NOW + datetime.timedelta(days=10), tick=False):
        sent = services.resend(invitation=invitation, actor=facilitator)

        new_token = token_of(sent.link)
        assert services.find_invitation(new_token).expires_at == NOW + datetime.timedelta(days=17)
        with pytest.raises(services.InvitationUnusable) as old:
            services.find_invitation(old_token)
    assert old.value.reason == "unknown"
    assert [m.to for m in mail.outbox] == [["nieuw@example.nl"]]
    assert log_of(organisation)[-1][:3] == ("invitation_resent", facilitator.username, "nieuw@example.nl")


def test_withdraw_kills_the_link(organisation, facilitator):
    invitation, token = invite(organisation)

    services.withdraw(invitation=invitation, actor=facilitator)

    with pytest.raises(services.InvitationUnusable) as refused:
        services.find_invitation(token)
    assert (refused.value.reason, refused.value.message) == ("withdrawn", "Deze uitnodiging is ingetrokken.")
    assert log_of(organisation)[-1][0] == "invitation_withdrawn"


@pytest.mark.parametrize("done", ["withdrawn", "accepted"])
def test_resend_or_withdraw_a_closed_invitation_is_refused(organisation, done):
    invitation, token = invite(organisation)
    if done == "withdrawn":
        services.withdraw(invitation=invitation, actor=None)
    else:
        services.accept_with_new_account(
            token=token, first_name="A", last_name="B", password="lang-wachtwoord-42"
        )
    lines = ActivityEntry.objects.count()

    for action in (services.resend, services.withdraw):
        with pytest.raises(services.TeamError):
            action(invitation=invitation, actor=None)

    assert ActivityEntry.objects.count() == lines


# --- Invitation links: the states -------------------------------------------------------------------------


def test_find_invitation_of_an_unknown_token(db):
    with pytest.raises(services.InvitationUnusable) as refused:
        services.find_invitation("x" * 43)

    assert refused.value.reason == "unknown"


def test_find_invitation_after_seven_days_has_expired(organisation):
    with time_machine.travel(NOW, tick=False):
        _invitation, token = invite(organisation)
    with time_machine.travel(NOW + datetime.timedelta(days=7, seconds=1), tick=False):
        with pytest.raises(services.InvitationUnusable) as refused:
            services.find_invitation(token)
        with pytest.raises(services.InvitationUnusable):
            services.accept_with_new_account(
                token=token, first_name="A", last_name="B", password="lang-wachtwoord-42"
            )

    assert (refused.value.reason, refused.value.message) == ("expired", "Deze uitnodiging is verlopen.")
    assert get_user_model().objects.filter(email="nieuw@example.nl").count() == 0


def test_find_invitation_just_before_it_expires_works(organisation):
    with time_machine.travel(NOW, tick=False):
        invitation, token = invite(organisation)
    with time_machine.travel(NOW + datetime.timedelta(days=7, seconds=-1), tick=False):
        assert services.find_invitation(token) == invitation


# --- Accepting --------------------------------------------------------------------------------------------


def test_accept_with_a_new_account(organisation):
    invitation, token = invite(organisation, "Nieuw@Example.nl", role="meelezer")

    membership = services.accept_with_new_account(
        token=token, first_name=" Anna ", last_name="de Vries", password="lang-wachtwoord-42"
    )

    user = membership.user
    assert (user.username, user.email, user.get_full_name(), membership.role) == (
        "nieuw@example.nl",
        "nieuw@example.nl",
        "Anna de Vries",
        "meelezer",
    )
    assert user.check_password("lang-wachtwoord-42")
    invitation.refresh_from_db()
    assert (invitation.accepted_by, invitation.status) == (user, "accepted")
    assert log_of(organisation)[-1] == ("member_joined", "Anna de Vries", "Anna de Vries", "Meelezer")


def test_an_invitation_link_works_once(organisation):
    _invitation, token = invite(organisation)
    services.accept_with_new_account(
        token=token, first_name="A", last_name="B", password="lang-wachtwoord-42"
    )

    with pytest.raises(services.InvitationUnusable) as refused:
        services.accept_with_new_account(
            token=token, first_name="C", last_name="D", password="lang-wachtwoord-42"
        )

    assert refused.value.reason == "accepted"
    assert get_user_model().objects.filter(first_name="C").count() == 0


def test_accept_with_a_new_account_when_the_address_has_one_is_refused(organisation):
    UserFactory(email="NIEUW@example.nl")
    _invitation, token = invite(organisation)

    with pytest.raises(services.TeamError) as refused:
        services.accept_with_new_account(
            token=token, first_name="A", last_name="B", password="lang-wachtwoord-42"
        )

    assert refused.value.message == (
        "Er is al een account voor nieuw@example.nl. Log daarmee in en open de link opnieuw."
    )
    assert Invitation.objects.get().accepted_at is None


def test_accept_with_the_account_one_has(organisation, other_organisation):
    adviser = MembershipFactory(organisation=other_organisation, user__email="Adviseur@Example.nl").user
    _invitation, token = invite(organisation, "adviseur@example.nl", role="meelezer")

    membership, joined = services.accept_with_account(token=token, user=adviser)

    assert (membership.organisation, membership.role, joined) == (organisation, "meelezer", True)
    assert sorted(adviser.memberships.values_list("organisation__slug", flat=True)) == ["elders", "testdorp"]


def test_accept_with_another_account_is_refused(organisation, facilitator):
    other = UserFactory(email="iemand@example.nl")
    _invitation, token = invite(organisation, "nieuw@example.nl")

    with pytest.raises(services.TeamError) as refused:
        services.accept_with_account(token=token, user=other)

    assert refused.value.message.startswith(
        "Deze uitnodiging is voor nieuw@example.nl, maar u bent ingelogd als iemand@example.nl."
    )
    assert (Invitation.objects.get().accepted_at, other.memberships.count()) == (None, 0)


def test_accept_by_someone_already_in_the_team_keeps_their_role(organisation):
    member = ReaderMembershipFactory(organisation=organisation, user__email="lid@example.nl")
    invitation = InvitationFactory(organisation=organisation, email="lid@example.nl", token="t" * 43)

    membership, joined = services.accept_with_account(token="t" * 43, user=member.user)

    assert (membership, membership.role, joined) == (member, "meelezer", False)
    invitation.refresh_from_db()
    assert invitation.status == "accepted"


def test_invite_an_address_longer_than_a_user_name_is_refused(organisation):
    email = "a" * 140 + "@example.nl"

    with pytest.raises(services.TeamError):
        services.invite(organisation=organisation, email=email, role="meelezer", invited_by=None)

    assert Invitation.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_one_invitation_link_accepted_twice_at_once_makes_one_account():
    """Both requests find an open invitation; the row lock lets only the first one use it."""
    organisation = OrganisationFactory()
    _invitation, token = invite(organisation)
    barrier = threading.Barrier(2)
    outcomes = []

    def accept(first_name):
        try:
            barrier.wait()
            services.accept_with_new_account(
                token=token, first_name=first_name, last_name="X", password="lang-wachtwoord-42"
            )
            outcomes.append("joined")
        except services.TeamError as error:
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(name,)) for name in ("Eerste", "Tweede")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["InvitationUnusable", "joined"]
    assert get_user_model().objects.filter(email="nieuw@example.nl").count() == 1
    assert organisation.memberships.count() == 1
