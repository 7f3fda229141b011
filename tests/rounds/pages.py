"""What the tests of the rounds pages share: their addresses, a message in Dutch, and whether a round
shares its results with the participants."""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from gesprekstool.rounds.models import Participant, Round


def detail_url(round_: Round) -> str:
    return reverse("rounds:detail", kwargs={"pk": round_.pk})


def participant_url(name: str, participant: Participant) -> str:
    return reverse(f"rounds:{name}", kwargs={"pk": participant.round_id, "participant_id": participant.pk})


def url(name: str, round_: Round, **kwargs) -> str:
    return reverse(f"rounds:{name}", kwargs={"pk": round_.pk, **kwargs})


def dutch(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


def results_for_participants(round_, *, allowed: bool, revealed: bool) -> None:
    """Whether the round lets participants see the group's results, and whether they are revealed yet."""
    round_.results_for_participants = allowed
    round_.results_revealed_at = timezone.now() if revealed else None
    round_.save()
