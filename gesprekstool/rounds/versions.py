"""What a page knew of an answer when it was loaded: a short fingerprint of the stored answer.

Every answer field of the participant's pages carries the version of the answer it shows; saving
compares it with the version of what is stored now (services.check_version). When another tab or
window changed the answer in between, the versions differ and the save is refused instead of
silently overwriting the other change. A fingerprint of the content (not a timestamp or a counter)
needs no extra column and changes exactly when the answer does.
"""

import hashlib

from . import prepared
from .models import Choice, Comment, Participant, Score


def fingerprint(*parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def of_score(score: Score | None) -> str:
    return fingerprint(score.first, score.revised) if score else fingerprint(None, None)


def of_choices(choices: dict[str, str]) -> str:
    """`choices`: option code -> text of one question's ticked options."""
    return fingerprint(sorted(choices.items()))


def of_text(text: str) -> str:
    return fingerprint(text)


# The stored answers for the version check of a save (services), read with statements built once
# per process: they run inside every autosave that carries a version (rounds.prepared).


def stored_score(participant: Participant, theme: str) -> Score | None:
    found = prepared.rows(Score, ("first", "revised"), participant_id=participant.pk, theme=theme)
    return (
        Score(participant=participant, theme=theme, first=found[0][0], revised=found[0][1]) if found else None
    )


def stored_choices(participant: Participant, question: str) -> dict[str, str]:
    return dict(prepared.rows(Choice, ("option", "text"), participant_id=participant.pk, question=question))


def stored_comment(participant: Participant, theme: str) -> str:
    found = prepared.rows(Comment, ("text",), participant_id=participant.pk, theme=theme)
    return found[0][0] if found else ""
