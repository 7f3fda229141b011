"""Every write to a round, its participants and their answers.

Views call these functions only; each one checks that the write is allowed and leaves
what was saved before untouched when it is not.
"""

from contextlib import nullcontext
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from gesprekstool.instrument import CURRENT_VERSION
from gesprekstool.organisations import activity
from gesprekstool.organisations.models import Organisation

from . import cleanup, versions
from .models import Choice, Comment, FailedJoinAttempt, Participant, Round, Score, new_token


class AnswerRefused(Exception):
    """An answer that may not be saved; the message is meant for the participant."""


class StaleAnswer(AnswerRefused):
    """The answer was changed elsewhere (another tab, window or device) after the page was loaded.

    `stored` is what is stored now, for the page to show: the score's value(s) or the ticked
    option codes."""

    def __init__(self, *, stored: list[str]):
        super().__init__(
            _(
                "This answer was changed in another window or tab after you opened this page. "
                "Reload the page to see what is stored (copy your own text first if you want to keep it)."
            )
        )
        self.stored = stored


def check_version(current: str, expected: str | None, *, stored: list[str]) -> None:
    """Raise StaleAnswer when the page's version (`expected`, None when the page sent none) is not
    the version of what is stored now (`current`)."""
    if expected is not None and expected != current:
        raise StaleAnswer(stored=stored)


def lock(participant: Participant) -> None:
    """Serialise the writes of one participant, so a version check and its write are one step."""
    Participant.objects.select_for_update().filter(pk=participant.pk).values_list("pk").first()


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
    round_: Round,
    *,
    display_name: str,
    domain: str,
    department: str = "",
    email: str = "",
    join_key: str = "",
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
            join_key=join_key,
        )


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
# read first and a double submit writes the same row again. They touch only the participant's own
# rows, never the round's, so simultaneous saves of a workshop never queue for one row
# (docs/performance.md). `updated_at` is set on every write: the presenter's fingerprint
# (rounds/live.py) sees it change.
#
# Every save_* below takes `expected_version`: the version (rounds.versions) of the answer as the
# page showed it. When given and the stored answer has changed since, StaleAnswer is raised and
# nothing is written (the check and the write share one transaction, with the participant locked).
# None skips the check and the transaction (scripts, the demo, tests of other things).


def _upsert(model, *, unique: list[str], fields: list[str], **values):
    """Insert the row, or update `fields` of the row with the same `unique` values. Returns the
    instance as written: its primary key is set, fields not in `values` are not read back."""
    [row] = model.objects.bulk_create(
        [model(**values)], update_conflicts=True, unique_fields=unique, update_fields=[*fields, "updated_at"]
    )
    return row


def _checked(expected_version: str | None):
    """One transaction around a version check and its write; nothing when there is no check."""
    return transaction.atomic() if expected_version is not None else nullcontext()


def save_score(
    participant: Participant, *, theme: str, value: int, expected_version: str | None = None
) -> Score:
    """Save a step-1 score. Once step 1 is done the first score is fixed: a change of
    mind after step 2 goes into the revised score, so that both stay visible.

    Side effects: inserts or updates the participant's Score row of `theme` (the revised score, if
    any, stays). Returns the Score as written (the revised score is not read back). Raises
    AnswerRefused, saving nothing, when the participant may not answer."""
    ensure_can_answer(participant)
    if participant.step1_done_at is not None:
        raise AnswerRefused(_("Step 1 is done. You can revise your scores after step 2."))
    with _checked(expected_version):
        _check_score(participant, theme, expected_version, field="first")
        return _upsert(
            Score,
            unique=["participant", "theme"],
            fields=["first"],
            participant=participant,
            theme=theme,
            first=value,
        )


def save_revised_score(
    participant: Participant, *, theme: str, value: int, expected_version: str | None = None
) -> Score:
    """Save the score as revised after step 2; the first score is kept as it was.

    Side effects: inserts or updates the participant's Score row of `theme`. Returns the Score as
    written (the first score is not read back). Raises AnswerRefused, saving nothing, before step 2
    is done or when the participant may not answer; StaleAnswer when the score changed since the
    page showed it."""
    ensure_can_answer(participant)
    if participant.step2_done_at is None:
        raise AnswerRefused(_("You can revise your scores after step 2."))
    with _checked(expected_version):
        stored = _check_score(participant, theme, expected_version, field="revised")
        score = _upsert(
            Score,
            unique=["participant", "theme"],
            fields=["revised"],
            participant=participant,
            theme=theme,
            revised=value,
        )
    if stored is not None:
        score.first = stored.first  # read for the check: the page's next version needs it
    return score


def _check_score(participant: Participant, theme: str, expected: str | None, *, field: str) -> Score | None:
    """Raises StaleAnswer when the stored score is not the one the page showed; returns the stored
    score (None without a check or without a stored score)."""
    if expected is None:
        return None
    lock(participant)
    score = versions.stored_score(participant, theme)
    shown = getattr(score, field, None) if score else None
    if field == "revised" and shown is None and score:
        shown = score.first
    check_version(versions.of_score(score), expected, stored=[] if shown is None else [str(shown)])
    return score


def save_step1_note(participant: Participant, *, text: str, expected_version: str | None = None) -> None:
    """Side effect: replaces the participant's step-1 note (one UPDATE). Raises AnswerRefused,
    saving nothing, when the participant may not answer; StaleAnswer when the note changed since
    the page showed it."""
    ensure_can_answer(participant)
    with _checked(expected_version):
        if expected_version is not None:
            lock(participant)
            stored = Participant.objects.values_list("step1_note", flat=True).get(pk=participant.pk)
            check_version(versions.of_text(stored), expected_version, stored=[])
        participant.step1_note = text
        participant.save(update_fields=["step1_note"])


def save_question(
    participant: Participant, *, question: str, choices: dict[str, str], expected_version: str | None = None
) -> None:
    """Replace the answers to one question by `choices` (option code -> text, "" where the
    option takes no text). The form has already checked the combination.

    Side effects, in one transaction: deletes the participant's ticks of `question` that are not in
    `choices`, then inserts or updates the others in one statement. Raises AnswerRefused, saving
    nothing, when the participant may not answer."""
    ensure_can_answer(participant)
    with transaction.atomic():
        if expected_version is not None:
            lock(participant)
            stored = versions.stored_choices(participant, question)
            check_version(versions.of_choices(stored), expected_version, stored=sorted(stored))
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


def save_comment(
    participant: Participant, *, theme: str, text: str, expected_version: str | None = None
) -> None:
    """Side effect: inserts or updates the participant's comment on `theme`. Raises AnswerRefused,
    saving nothing, when the participant may not answer; StaleAnswer when the comment changed since
    the page showed it."""
    ensure_can_answer(participant)
    with _checked(expected_version):
        if expected_version is not None:
            lock(participant)
            stored = versions.stored_comment(participant, theme)
            check_version(versions.of_text(stored), expected_version, stored=[])
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
        cleanup.run(
            organisation=round_.organisation, round_ids=[], participant_ids=[duplicate.pk], deleting=True
        )
        activity.record(
            organisation=round_.organisation,
            actor=by,
            action=activity.Action.PARTICIPANTS_MERGED,
            subject=round_.title,
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
