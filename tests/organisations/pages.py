"""What the tests of the team pages share: their addresses and the team's state for before/after
comparisons."""

from django.urls import reverse

from gesprekstool.organisations.models import ActivityEntry, Invitation

TEAM = reverse("organisations:team")


def invitation_url(token: str) -> str:
    return reverse("organisations:invitation", kwargs={"token": token})


def invite_url(organisation) -> str:
    return reverse("organisations:invite", kwargs={"organisation_id": organisation.pk})


def team_state(organisation) -> dict:
    """What the team pages can change, for before/after comparisons."""
    return {
        "members": sorted(organisation.memberships.values_list("user_id", "role")),
        "invitations": sorted(
            Invitation.objects.filter(organisation=organisation).values_list(
                "email", "role", "token_hash", "withdrawn_at", "accepted_at"
            )
        ),
        "log": ActivityEntry.objects.filter(organisation=organisation).count(),
    }
