"""The links `rounds` shows to this app's pages (registered in apps.py, see rounds/panels.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from gesprekstool.rounds.panels import Link

from .models import FuturePart, reachable


def round_link(*, round_, **_page) -> Link:
    """In the round's menu: the wall (which offers the setup to a facilitator). No query."""
    return Link(
        name="futures",
        label=_("Picture of the future"),
        url=reverse("futures:wall", kwargs={"pk": round_.pk}),
    )


def present_link(*, round_, **_page) -> Link:
    """In the presenter's bar: the wall. No query."""
    return Link(
        name="futures",
        label=_("Picture of the future"),
        url=reverse("futures:wall", kwargs={"pk": round_.pk}),
    )


def participant_link(*, round_, participant, key: str, **_page) -> Link | None:
    """On a participant's first and last page, while the picture of the future is open and, placed
    "after" the results, once the participant has handed in or the results were revealed. One query."""
    if round_.is_closed:
        return None
    position = (
        FuturePart.objects.filter(round=round_, enabled=True).values_list("position", flat=True).first()
    )
    if position is None or not reachable(position, participant):
        return None
    return Link(
        name="futures",
        label=_("To the picture of the future"),
        url=reverse("futures_fill:index", kwargs={"key": key}),
        description=_("Write where you want to be together in four years, and give dots to the best ideas."),
    )
