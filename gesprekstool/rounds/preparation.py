"""Every write of preparing and holding the conversation: what stands out, the conversation
questions and joining with a code (the views are in views_meeting.py).

Each function changes only the round it is given; the caller has checked that the user may manage it.
"""

import secrets

from django.db import IntegrityError, transaction

from .models import ConversationQuestion, HiddenObservation, OwnObservation, Round
from .services import next_position

# Letters and digits that cannot be mistaken for each other on a projector.
JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
JOIN_LENGTH = 6
JOIN_CODE_ATTEMPTS = 5


def change_settings(
    round_: Round, *, anonymised: bool, results_for_participants: bool, language: str
) -> None:
    """The round's settings: names or "Participant 1 (Poverty)", whether participants may see the
    group results once shown, and the language participants see first.

    Side effect: the three fields of the round are saved (a round whose names were removed stays
    anonymised: RoundSettingsForm does not let that change through)."""
    round_.anonymised = anonymised
    round_.results_for_participants = results_for_participants
    round_.language = language
    round_.save(update_fields=["anonymised", "results_for_participants", "language"])


def set_observation_hidden(round_: Round, *, key: str, hidden: bool) -> None:
    """Hide one of the tool's observations (by its key) from the round's pages, or show it again.

    Side effects: a HiddenObservation row is added (at most one per key) or removed."""
    if hidden:
        HiddenObservation.objects.get_or_create(round=round_, key=key)
    else:
        round_.hidden_observations.filter(key=key).delete()


def add_own_observation(round_: Round, *, theme: str, text: str) -> OwnObservation:
    """Add what the facilitator noticed, for one theme or ("") for the whole round.

    Side effect: one OwnObservation row."""
    return OwnObservation.objects.create(round=round_, theme=theme, text=text)


def remove_own_observation(observation: OwnObservation) -> None:
    """Side effect: the observation is deleted."""
    observation.delete()


def add_question(round_: Round, *, theme: str, text: str, proposed: bool = False) -> ConversationQuestion:
    """Add a conversation question after the last one; `proposed` when the tool suggested it.

    Side effect: one ConversationQuestion row."""
    with transaction.atomic():
        position = next_position(round_, "conversation_questions")
        return ConversationQuestion.objects.create(
            round=round_, theme=theme, text=text, position=position, proposed=proposed
        )


def move_question(question: ConversationQuestion, *, up: bool) -> None:
    """Swap a question with the one before it (`up`) or after it; at either end nothing changes.

    Side effect: the positions of the round's questions are renumbered 1, 2, 3, … in the new order."""
    ordered = list(question.round.conversation_questions.all())
    index = ordered.index(question)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(ordered):
        return
    ordered[index], ordered[other] = ordered[other], ordered[index]
    with transaction.atomic():
        for position, item in enumerate(ordered, start=1):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])


def change_question(question: ConversationQuestion, *, text: str) -> None:
    """Side effect: the question's text is replaced."""
    question.text = text
    question.save(update_fields=["text"])


def remove_question(question: ConversationQuestion) -> None:
    """Side effect: the question is deleted; the others keep their positions (the order stays)."""
    question.delete()


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_LENGTH))


def start_joining(round_: Round) -> str:
    """Give the round a new join code (a code it had stops working) and return it.

    Codes are unique: a code another round holds is drawn again, up to JOIN_CODE_ATTEMPTS times.
    Side effect: Round.join_code is saved."""
    for _attempt in range(JOIN_CODE_ATTEMPTS - 1):
        try:
            return _save_new_join_code(round_)
        except IntegrityError:
            continue
    return _save_new_join_code(round_)  # the last attempt's error is not hidden


def _save_new_join_code(round_: Round) -> str:
    round_.join_code = new_join_code()
    with transaction.atomic():
        round_.save(update_fields=["join_code"])
    return round_.join_code


def stop_joining(round_: Round) -> None:
    """Side effect: the join code is removed, so nobody joins with it any more."""
    round_.join_code = None
    round_.save(update_fields=["join_code"])
