import pytest

from gesprekstool.organisations.models import ActivityEntry, Membership
from gesprekstool.organisations.services import InvitationUnusable, TeamError, hash_token
from gesprekstool.programmes import services
from gesprekstool.programmes.models import ProgrammeInvitation, ProgrammeMember
from tests.factories import ProgrammeMemberFactory, token_of


def new_token(programme, adviser, kind="gemeente") -> str:
    return token_of(
        services.create_invitation(programme=programme, kind=kind, label="Iemand", invited_by=adviser).link
    )


def test_an_invitation_keeps_only_the_hash_of_its_token(programme, adviser):
    token = new_token(programme, adviser)

    invitation = ProgrammeInvitation.objects.get()
    assert (invitation.token_hash, len(token) >= 43, token in str(vars(invitation))) == (
        hash_token(token),
        True,
        False,
    )


def test_two_invitations_have_different_tokens(programme, adviser):
    assert new_token(programme, adviser) != new_token(programme, adviser)


@pytest.mark.parametrize("kind", ["", "alles"])
def test_an_invitation_needs_a_known_kind(programme, adviser, kind):
    with pytest.raises(TeamError):
        services.create_invitation(programme=programme, kind=kind, label="Iemand", invited_by=adviser)


def test_joining_logs_in_the_gemeente_and_uses_the_invitation(programme, adviser, organisation, facilitator):
    token = new_token(programme, adviser)
    membership = Membership.objects.get(user=facilitator)

    member = services.join(token=token, membership=membership, sharing="met-naam", actor=facilitator)

    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PROGRAMME_JOINED)
    assert (member.organisation, member.sharing) == (organisation, "met-naam")
    assert (entry.organisation, entry.subject, entry.actor) == (organisation, programme.name, facilitator)
    with pytest.raises(InvitationUnusable) as used:
        services.find_invitation(token)
    assert used.value.reason == "accepted"


def test_a_gemeente_cannot_join_with_an_adviser_invitation(programme, adviser, facilitator):
    token = new_token(programme, adviser, kind="adviseur")

    with pytest.raises(TeamError):
        services.join(
            token=token,
            membership=Membership.objects.get(user=facilitator),
            sharing="niets",
            actor=facilitator,
        )

    assert ProgrammeMember.objects.count() == 0


def test_nobody_becomes_an_adviser_with_a_gemeente_invitation(programme, adviser, facilitator):
    token = new_token(programme, adviser)

    with pytest.raises(TeamError):
        services.become_adviser(token=token, user=facilitator)

    assert list(programme.advisers.all()) == [adviser]


def test_leaving_deletes_the_membership_and_logs_it(programme, organisation, facilitator):
    member = ProgrammeMemberFactory(programme=programme, organisation=organisation, sharing="anoniem")

    services.leave(member=member, actor=facilitator)

    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PROGRAMME_LEFT)
    assert (ProgrammeMember.objects.count(), entry.organisation, entry.subject) == (
        0,
        organisation,
        programme.name,
    )
