"""Every write to a round, its participants and their answers.

Views call these functions only; each one checks that the write is allowed and leaves
what was saved before untouched when it is not.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from gesprekstool.instrument import CURRENT_VERSION
from gesprekstool.organisations import activity
from gesprekstool.organisations.models import Organisation

from . import cleanup
from .models import Choice, Comment, FailedJoinAttempt, Participant, Round, Score, new_token


class AnswerRefused(Exception):
    """An answer that may not be saved; the message is meant for the participant."""


def create_round(
    *,
    organisation: Organisation,
    title: str,
    held_on: date,
    mode: str,
    created_by=None,
    language: str = settings.LANGUAGE_CODE,
) -> Round:
    """Create a round on the current instrument; a joint round gets its shared form at once.
    `language` is what participants see until they choose another one."""
    with transaction.atomic():
        round_ = Round.objects.create(
            organisation=organisation,
            title=title,
            held_on=held_on,
            mode=mode,
            instrument_version=CURRENT_VERSION,
            created_by=created_by,
            language=language,
        )
        if round_.is_joint:
            Participant.objects.create(
                round=round_,
                position=1,
                display_name=_("Joint form"),
                domain=Participant.Domain.OTHER,
                is_group=True,
            )
    return round_


def add_participant(
    round_: Round, *, display_name: str, domain: str, department: str = "", email: str = ""
) -> Participant:
    """Add a participant with a fresh personal link; numbers are never reused within a round."""
    with transaction.atomic():
        last = (
            Round.objects.select_for_update()
            .filter(pk=round_.pk)
            .aggregate(m=Max("participants__position"))["m"]
        )
        return Participant.objects.create(
            round=round_,
            position=(last or 0) + 1,
            display_name=display_name,
            domain=domain,
            department=department,
            email=email,
        )


def revoke_link(participant: Participant) -> None:
    """The link stops working at once; the answers given so far stay."""
    if participant.link_revoked_at is None:
        participant.link_revoked_at = timezone.now()
        participant.save(update_fields=["link_revoked_at"])


def renew_link(participant: Participant) -> None:
    """A new link replaces the old one, which stops working; the answers stay. A link mailed
    before is dead, so the participant counts as not mailed yet (rounds/invitations.py)."""
    participant.token = new_token()
    participant.link_revoked_at = None
    participant.invited_at = None
    participant.reminded_at = None
    participant.save(update_fields=["token", "link_revoked_at", "invited_at", "reminded_at"])


def ensure_can_answer(participant: Participant) -> None:
    """Raise AnswerRefused when this participant may not change answers now."""
    if participant.round.is_closed:
        raise AnswerRefused(_("This round is closed. Answers can no longer be changed."))
    if participant.is_finished:
        raise AnswerRefused(
            _("You have already handed in your answers. Ask the facilitator if you want to change something.")
        )
    if not participant.link_active:
        raise AnswerRefused(_("This link has been revoked."))


def mark_opened(participant: Participant) -> None:
    """Side effect: the first time only, stores when the participant opened their link (one UPDATE)."""
    if participant.first_opened_at is None:
        participant.first_opened_at = timezone.now()
        participant.save(update_fields=["first_opened_at"])


# Answers are written with one INSERT ... ON CONFLICT DO UPDATE each (SQLite and PostgreSQL): no
# read first, no savepoints, and a double submit writes the same row again. They touch only the
# participant's own rows, never the round's, so simultaneous saves of a workshop never queue for one
# row (docs/performance.md). `updated_at` is set on every write: the presenter's fingerprint
# (rounds/live.py) sees it change.


def _upsert(model, *, unique: list[str], fields: list[str], **values):
    """Insert the row, or update `fields` of the row with the same `unique` values. Returns the
    instance as written: its primary key is set, fields not in `values` are not read back."""
    [row] = model.objects.bulk_create(
        [model(**values)], update_conflicts=True, unique_fields=unique, update_fields=[*fields, "updated_at"]
    )
    return row


def save_score(participant: Participant, *, theme: str, value: int) -> Score:
    """Save a step-1 score. Once step 1 is done the first score is fixed: a change of
    mind after step 2 goes into the revised score, so that both stay visible.

    Side effects: inserts or updates the participant's Score row of `theme` (the revised score, if
    any, stays). Returns the Score as written (the revised score is not read back). Raises
    AnswerRefused, saving nothing, when the participant may not answer."""
    ensure_can_answer(participant)
    if participant.step1_done_at is not None:
        raise AnswerRefused(_("Step 1 is done. You can revise your scores after step 2."))
    return _upsert(
        Score,
        unique=["participant", "theme"],
        fields=["first"],
        participant=participant,
        theme=theme,
        first=value,
    )


def save_revised_score(participant: Participant, *, theme: str, value: int) -> Score:
    """Save the score as revised after step 2; the first score is kept as it was.

    Side effects: inserts or updates the participant's Score row of `theme`. Returns the Score as
    written (the first score is not read back). Raises AnswerRefused, saving nothing, before step 2
    is done or when the participant may not answer."""
    ensure_can_answer(participant)
    if participant.step2_done_at is None:
        raise AnswerRefused(_("You can revise your scores after step 2."))
    return _upsert(
        Score,
        unique=["participant", "theme"],
        fields=["revised"],
        participant=participant,
        theme=theme,
        revised=value,
    )


def save_step1_note(participant: Participant, *, text: str) -> None:
    """Side effect: replaces the participant's step-1 note (one UPDATE). Raises AnswerRefused,
    saving nothing, when the participant may not answer."""
    ensure_can_answer(participant)
    participant.step1_note = text
    participant.save(update_fields=["step1_note"])


def save_question(participant: Participant, *, question: str, choices: dict[str, str]) -> None:
    """Replace the answers to one question by `choices` (option code -> text, "" where the
    option takes no text). The form has already checked the combination.

    Side effects, in one transaction: deletes the participant's ticks of `question` that are not in
    `choices`, then inserts or updates the others in one statement. Raises AnswerRefused, saving
    nothing, when the participant may not answer."""
    ensure_can_answer(participant)
    with transaction.atomic():
        participant.choices.filter(question=question).exclude(option__in=choices).delete()
        if choices:
            Choice.objects.bulk_create(
                [
                    Choice(participant=participant, question=question, option=option, text=text)
                    for option, text in choices.items()
                ],
                update_conflicts=True,
                unique_fields=["participant", "option"],
                update_fields=["question", "text", "updated_at"],
            )


def save_comment(participant: Participant, *, theme: str, text: str) -> None:
    """Side effect: inserts or updates the participant's comment on `theme`. Raises AnswerRefused,
    saving nothing, when the participant may not answer."""
    ensure_can_answer(participant)
    _upsert(
        Comment,
        unique=["participant", "theme"],
        fields=["text"],
        participant=participant,
        theme=theme,
        text=text,
    )


def complete_step(participant: Participant, *, step: int) -> None:
    """Mark step 1 or 2 as done (idempotent: the first moment counts)."""
    ensure_can_answer(participant)
    field = {1: "step1_done_at", 2: "step2_done_at"}[step]
    if getattr(participant, field) is None:
        setattr(participant, field, timezone.now())
        participant.save(update_fields=[field])


def finish(participant: Participant) -> bool:
    """Hand in the answers ("Klaar"). Returns False when they had been handed in already."""
    if participant.is_finished:
        return False
    ensure_can_answer(participant)
    now = timezone.now()
    participant.finished_at = now
    participant.step1_done_at = participant.step1_done_at or now
    participant.step2_done_at = participant.step2_done_at or now
    participant.save(update_fields=["finished_at", "step1_done_at", "step2_done_at"])
    return True


def reopen_participant(participant: Participant) -> None:
    """Only the facilitator reopens: the participant may change answers again."""
    participant.finished_at = None
    participant.save(update_fields=["finished_at"])


def close_round(round_: Round) -> None:
    """Side effect: the join code stops working (it lives at most until the round closes); after
    reopening, the facilitator shows a new one."""
    if round_.closed_at is None:
        round_.closed_at = timezone.now()
        round_.join_code = None
        round_.save(update_fields=["closed_at", "join_code"])


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


def reopen_round(round_: Round) -> None:
    """Open the round again; an announced deletion is off (it is announced again after closing)."""
    round_.closed_at = None
    round_.deletion_warned_at = None
    round_.save(update_fields=["closed_at", "deletion_warned_at"])


def delete_participant(participant: Participant, *, by) -> None:
    """Delete a participant and everything they gave: scores, answers, comments, their note.

    Side effects: what other apps keep about them goes too (rounds.cleanup hooks: sent reminders,
    a personal action link nobody else needs); actions they owned stay, without owner; one line in
    the activity log, naming the round and the participant's number, not their name.
    """
    round_ = participant.round
    with transaction.atomic():
        cleanup.run(
            organisation=round_.organisation,
            round_ids=[],
            participant_ids=[participant.pk],
            deleting=True,
        )
        activity.record(
            organisation=round_.organisation,
            actor=by,
            action=activity.Action.PARTICIPANT_DELETED,
            subject=round_.title,
            detail=participant.label,
        )
        participant.delete()


def delete_round(round_: Round, *, by, reason: str = "") -> None:
    """Delete a round with everything in it: participants and their answers, observations,
    questions, the action agenda and its notes, agreements, calendar feed.

    Side effects: rounds.cleanup hooks (sent reminders, personal action links nobody else needs);
    later rounds that repeat it keep their own data; one line in the activity log. `by` is None
    when the retention run deletes it; `reason` then says so.
    """
    with transaction.atomic():
        cleanup.run(
            organisation=round_.organisation,
            round_ids=[round_.pk],
            participant_ids=list(round_.participants.values_list("pk", flat=True)),
            deleting=True,
        )
        activity.record(
            organisation=round_.organisation,
            actor=by,
            action=activity.Action.ROUND_DELETED,
            subject=round_.title,
            detail=reason,
        )
        round_.delete()


def remove_personal_data(round_: Round, *, by=None) -> int:
    """Anonymise a round for good: every participant's name becomes their number and domain
    ("Participant 3 (Health)"), department and e-mail address are emptied, and the round shows
    participants anonymised from now on. Answers stay. Returns how many participants changed.

    Side effects: rounds.cleanup hooks (sent reminders, personal action links); one line in the
    activity log.
    """
    with transaction.atomic():
        round_.anonymised = True
        round_.personal_data_removed_at = timezone.now()
        round_.save(update_fields=["anonymised", "personal_data_removed_at"])
        people = list(round_.participants.filter(is_group=False))
        cleanup.run(
            organisation=round_.organisation,
            round_ids=[],
            participant_ids=[p.pk for p in people],
            deleting=False,
        )
        for p in people:
            p.round = round_
            p.display_name = p.label
            p.department = ""
            p.email = ""
            p.mail_failed_at = None
        Participant.objects.bulk_update(people, ["display_name", "department", "email", "mail_failed_at"])
        activity.record(
            organisation=round_.organisation,
            actor=by,
            action=activity.Action.PERSONAL_DATA_REMOVED,
            subject=round_.title,
            detail=_("names, departments and e-mail addresses of %(count)s participants")
            % {"count": len(people)},
        )
    return len(people)


def reveal_results(round_: Round, *, by) -> bool:
    """Show the group results to the participants: one step that also switches sharing on
    (Round.results_for_participants) when it was off. Returns whether sharing was switched on.

    Side effects: results_revealed_at set to now; one RESULTS_REVEALED line in the activity log.
    """
    switched_on = not round_.results_for_participants
    round_.results_for_participants = True
    round_.results_revealed_at = timezone.now()
    with transaction.atomic():
        round_.save(update_fields=["results_for_participants", "results_revealed_at"])
        activity.record(
            organisation=round_.organisation,
            actor=by,
            action=activity.Action.RESULTS_REVEALED,
            subject=round_.title,
        )
    return switched_on


def hide_results(round_: Round) -> None:
    """Hide the group results from the participants again; sharing stays allowed, so a later
    reveal needs one click."""
    round_.results_revealed_at = None
    round_.save(update_fields=["results_revealed_at"])
