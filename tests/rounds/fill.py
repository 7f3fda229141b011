"""What the tests of a participant's answer pages share: their addresses, htmx headers and form data."""

from django.urls import reverse

from gesprekstool.rounds.models import Participant, Round
from tests.answers import INSTRUMENT
from tests.factories import first_choice

HTMX = {"HTTP_HX_REQUEST": "true"}


def fill_url(participant: Participant, name: str, **kwargs) -> str:
    return reverse(f"fill:{name}", kwargs={"key": participant.token, **kwargs})


def joint_url(round_: Round, name: str, **kwargs) -> str:
    """The same page of a joint round's shared form, which the facilitator fills in."""
    return reverse(f"joint:{name}", kwargs={"key": round_.pk, **kwargs})


def scores_data(scores: dict[str, int | str]) -> dict[str, int | str]:
    return {f"score-{theme}-score": value for theme, value in scores.items()}


def question_data(code: str, options: list[str], texts: dict[str, str] | None = None) -> dict:
    data: dict = {f"q{code}-options": options}
    data.update({f"q{code}-text_{option}": text for option, text in (texts or {}).items()})
    return data


def theme_data(theme_code: str, *, comment: str = "") -> dict:
    """A whole step-2 page: the first option of every question of the theme, and a comment."""
    data: dict = {f"comment-{theme_code}-text": comment, "go": "next"}
    for question in INSTRUMENT.theme(theme_code).questions:
        choice = first_choice(question)
        data.update(question_data(question.code, list(choice), {o: t for o, t in choice.items() if t}))
    return data
