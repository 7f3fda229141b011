"""The cooperation pages' addresses, and the marks they store."""

from django.urls import reverse

from gesprekstool.futures.models import CooperationMark


def marks_url(participant) -> str:
    return reverse("cooperation_fill:marks", kwargs={"key": participant.token})


def marks_in_db() -> list[tuple[int, str, str]]:
    return list(CooperationMark.objects.order_by("pk").values_list("participant_id", "party_a", "party_b"))


def present_url(round_) -> str:
    return reverse("cooperation:present", kwargs={"pk": round_.pk})


def action_url(round_) -> str:
    return reverse("cooperation:action", kwargs={"pk": round_.pk})


def group_url(round_, change: str = "mark") -> str:
    return reverse(f"cooperation:group_{change}", kwargs={"pk": round_.pk})
