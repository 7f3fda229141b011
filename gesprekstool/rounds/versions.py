"""What a page knew of an answer when it was loaded: a short fingerprint of the stored answer.

Every answer field of the participant's pages carries the version of the answer it shows; saving
compares it with the version of what is stored now (services.check_version). When another tab or
window changed the answer in between, the versions differ and the save is refused instead of
silently overwriting the other change. A fingerprint of the content (not a timestamp or a counter)
needs no extra column and changes exactly when the answer does.
"""

import hashlib

from .models import Participant, Score


def fingerprint(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def of_score(score: Score | None) -> str:
    return fingerprint(score.first, score.revised) if score else fingerprint(None, None)


def of_choices(choices: dict[str, str]) -> str:
    """`choices`: option code -> text of one question's ticked options."""
    return fingerprint(sorted(choices.items()))


def of_text(text: str) -> str:
    return fingerprint(text)


def stored_score(participant: Participant, theme: str) -> Score | None:
    return participant.scores.filter(theme=theme).first()


def stored_choices(participant: Participant, question: str) -> dict[str, str]:
    return dict(participant.choices.filter(question=question).values_list("option", "text"))


def stored_comment(participant: Participant, theme: str) -> str:
    return participant.comments.filter(theme=theme).values_list("text", flat=True).first() or ""
