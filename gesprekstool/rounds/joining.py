"""Joining a meeting by its code: one participant per join form, and a throttle on wrong codes."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import FailedJoinAttempt, Participant, Round
from .services import add_participant


def join_by_code(round_: Round, *, display_name: str, domain: str, join_key: str) -> tuple[Participant, bool]:
    """Join `round_` from the join form with key `join_key`; returns (participant, created).

    Idempotent per form: the same form posted twice (a double tap, a reload of the POST, two posts
    racing each other) gives the participant the first post made, never a second one. The database
    holds the guard (one participant per round and key), so it also holds across app servers."""
    existing = round_.participants.filter(join_key=join_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return add_participant(round_, display_name=display_name, domain=domain, join_key=join_key), True
    except IntegrityError:
        # The other post won the race: it made the participant this form stands for.
        existing = round_.participants.filter(join_key=join_key).first()
        if existing is None:
            raise
        return existing, False


def join_code_throttled(*, address: str) -> bool:
    """Whether `address` typed too many wrong join codes within the window (settings
    JOIN_CODE_ATTEMPT_LIMIT and JOIN_CODE_ATTEMPT_WINDOW)."""
    since = timezone.now() - settings.JOIN_CODE_ATTEMPT_WINDOW
    return (
        FailedJoinAttempt.objects.filter(address_hash=_address_hash(address), created_at__gte=since).count()
        >= settings.JOIN_CODE_ATTEMPT_LIMIT
    )


def record_failed_join(*, address: str) -> None:
    """Side effects: stores one failed attempt for the (hashed) address and deletes every attempt
    older than the window, so the table stays small without a separate clean-up job."""
    FailedJoinAttempt.objects.filter(
        created_at__lt=timezone.now() - settings.JOIN_CODE_ATTEMPT_WINDOW
    ).delete()
    FailedJoinAttempt.objects.create(address_hash=_address_hash(address))


def _address_hash(address: str) -> str:
    return salted_hmac("gesprekstool.rounds.join-throttle", address, algorithm="sha256").hexdigest()
