"""Removing what a round holds: a participant (deleted, or merged into another), the whole round,
or only the personal data in it. Every removal also asks the other apps to forget what they keep
(rounds.cleanup) and is written to the organisation's activity log."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import cleanup, log
from .models import Choice, Comment, Participant, Round, Score
from .services import lock


def _forget(
    round_: Round,
    *,
    participant_ids: list[int],
    by,
    action: str,
    detail: str,
    deleting: bool = True,
    whole_round: bool = False,
) -> None:
    """What every removal does besides its own change: ask the other apps to forget what they keep
    about the participants (rounds.cleanup; about the round too with `whole_round`: it is deleted, or
    its personal data is removed) and write
    one line in the activity log."""
    cleanup.run(
        organisation=round_.organisation,
        round_ids=[round_.pk] if whole_round else [],
        participant_ids=participant_ids,
        deleting=deleting,
    )
    log.record(round_, actor=by, action=action, detail=detail)


def delete_participant(participant: Participant, *, by) -> None:
    """Delete a participant and everything they gave: scores, answers, comments, their note.

    Side effects: what other apps keep about them goes too (rounds.cleanup hooks: sent reminders,
    a personal action link nobody else needs); actions they owned stay, without owner; one line in
    the activity log, naming the round and the participant's number, not their name.
    """
    round_ = participant.round
    with transaction.atomic():
        _forget(
            round_,
            participant_ids=[participant.pk],
            by=by,
            action=log.Action.PARTICIPANT_DELETED,
            detail=participant.label,
        )
        participant.delete()


class MergeRefused(Exception):
    """Two participants that cannot be merged; the message is meant for the facilitator."""


def merge_participant(duplicate: Participant, *, into: Participant, by) -> int:
    """Merge `duplicate` (for example someone who joined twice) into `into`, then delete it.

    The answers of the duplicate only fill gaps: a theme `into` has no score for gets the duplicate's
    score, likewise a question `into` did not answer, an empty comment, an empty note, and the moments
    a step was done. Where both answered, `into`'s answer stays. Returns how many answers moved.

    Side effects: the duplicate's link stops working; rounds.cleanup hooks run for it as for a
    deletion (actions it owned stay, without owner); one line in the activity log naming both
    participants by number. Raises MergeRefused for a participant of another round, the group
    form, or the same participant twice.
    """
    if duplicate.pk == into.pk:
        raise MergeRefused(_("Choose another participant to merge with."))
    if duplicate.round_id != into.round_id or duplicate.is_group or into.is_group:
        raise MergeRefused(_("Only two participants of the same round can be merged."))
    round_ = duplicate.round
    moved = 0
    with transaction.atomic():
        lock(into)
        lock(duplicate)
        have_scores = set(into.scores.filter(first__isnull=False).values_list("theme", flat=True))
        for score in duplicate.scores.filter(first__isnull=False).exclude(theme__in=have_scores):
            Score.objects.update_or_create(
                participant=into, theme=score.theme, defaults={"first": score.first, "revised": score.revised}
            )
            moved += 1
        answered = set(into.choices.values_list("question", flat=True))
        for choice in duplicate.choices.exclude(question__in=answered):
            Choice.objects.create(
                participant=into, question=choice.question, option=choice.option, text=choice.text
            )
            moved += 1
        have_comments = set(into.comments.exclude(text="").values_list("theme", flat=True))
        for comment in duplicate.comments.exclude(text="").exclude(theme__in=have_comments):
            Comment.objects.update_or_create(
                participant=into, theme=comment.theme, defaults={"text": comment.text}
            )
            moved += 1
        if not into.step1_note and duplicate.step1_note:
            into.step1_note = duplicate.step1_note
            moved += 1
        for field in ("first_opened_at", "step1_done_at", "step2_done_at", "finished_at"):
            if getattr(into, field) is None:
                setattr(into, field, getattr(duplicate, field))
        into.save(
            update_fields=["step1_note", "first_opened_at", "step1_done_at", "step2_done_at", "finished_at"]
        )
        _forget(
            round_,
            participant_ids=[duplicate.pk],
            by=by,
            action=log.Action.PARTICIPANTS_MERGED,
            detail=_("%(duplicate)s into %(into)s") % {"duplicate": duplicate.label, "into": into.label},
        )
        duplicate.delete()
    return moved


def delete_round(round_: Round, *, by, reason: str = "") -> None:
    """Delete a round with everything in it: participants and their answers, observations,
    questions, the action agenda and its notes, agreements, calendar feed.

    Side effects: rounds.cleanup hooks (sent reminders, personal action links nobody else needs);
    later rounds that repeat it keep their own data; one line in the activity log. `by` is None
    when the retention run deletes it; `reason` then says so.
    """
    with transaction.atomic():
        _forget(
            round_,
            participant_ids=list(round_.participants.values_list("pk", flat=True)),
            whole_round=True,
            by=by,
            action=log.Action.ROUND_DELETED,
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
        _forget(
            round_,
            whole_round=True,
            participant_ids=[p.pk for p in people],
            deleting=False,
            by=by,
            action=log.Action.PERSONAL_DATA_REMOVED,
            detail=_("names, departments and e-mail addresses of %(count)s participants")
            % {"count": len(people)},
        )
        for p in people:
            p.round = round_
            p.display_name = p.label
            p.department = ""
            p.email = ""
            p.mail_failed_at = None
        Participant.objects.bulk_update(people, ["display_name", "department", "email", "mail_failed_at"])
    return len(people)
