"""Every write to a round, its participants and their answers.

Views call these functions only; each one checks that the write is allowed and leaves
what was saved before untouched when it is not.
"""

from contextlib import nullcontext
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from gesprekstool.instrument import CURRENT_VERSION
from gesprekstool.organisations.models import Organisation

from . import addresses, log, prepared, versions
from .models import Comment, Participant, Round, Score, new_token


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


def check_version(
    current: str, expected: str | None, *, stored: list[str], incoming: str | None = None
) -> None:
    """Raise StaleAnswer when the page's version (`expected`, None when the page sent none) is not
    the version of what is stored now (`current`) and the save would change it: when what is stored
    already is what arrives (`incoming`, e.g. this page's own autosave got there first) there is
    nothing to overwrite."""
    if expected is not None and current not in (expected, incoming):
        raise StaleAnswer(stored=stored)


def lock(participant: Participant) -> None:
    """Serialise the writes of one participant, so a version check and its write are one step.

    Inside `transaction.atomic`. On SQLite with `transaction_mode` IMMEDIATE (settings.py) the
    transaction holds the database's write lock from its BEGIN, so every check and write is already
    one step and no statement is needed (SQLite has no row locks: `select_for_update` would run an
    ordinary SELECT)."""
    connection = transaction.get_connection()
    if (
        connection.vendor == "sqlite"
        and connection.settings_dict["OPTIONS"].get("transaction_mode") == "IMMEDIATE"
    ):
        return
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


def next_position(round_: Round, children: str) -> int:
    """The number after the highest `position` of the round's `children` (a related name), 1 for the
    first. Call it inside `transaction.atomic`: it locks the round's row until the new child is saved,
    so two additions at the same moment do not get the same number."""
    last = (
        Round.objects.select_for_update().filter(pk=round_.pk).aggregate(m=Max(f"{children}__position"))["m"]
    )
    return (last or 0) + 1


def add_participant(
    round_: Round,
    *,
    display_name: str,
    domain: str,
    department: str = "",
    email: str = "",
    join_key: str = "",
) -> Participant:
    """Add a participant with a fresh personal link (numbers never reused); raises addresses.EmailTaken."""
    with transaction.atomic():
        addresses.ensure_free(round_, email)
        return Participant.objects.create(
            round=round_,
            position=next_position(round_, "participants"),
            display_name=display_name,
            domain=domain,
            department=department,
            email=email,
            join_key=join_key,
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
    instance as written: its primary key is set, fields not in `values` are not read back.
    One statement, built once per process (rounds.prepared)."""
    return prepared.upsert(model, unique=tuple(unique), fields=tuple(fields), **values)


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
    score, _stored = _write_score(
        participant, theme=theme, field="first", value=value, expected=expected_version
    )
    return score


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
    score, stored = _write_score(
        participant, theme=theme, field="revised", value=value, expected=expected_version
    )
    if stored is not None:
        score.first = stored.first  # read for the check: the page's next version needs it
    return score


def _write_score(
    participant: Participant, *, theme: str, field: str, value: int, expected: str | None
) -> tuple[Score, Score | None]:
    """Write one of the two scores (`field`: "first" or "revised") of a theme after the version
    check: the Score as written, and the score stored before (None without a check)."""
    with _checked(expected):
        stored = _check_score(participant, theme, expected, field=field, value=value)
        score = _upsert(
            Score,
            unique=["participant", "theme"],
            fields=[field],
            participant=participant,
            theme=theme,
            **{field: value},
        )
    return score, stored


def _check_score(
    participant: Participant, theme: str, expected: str | None, *, field: str, value: int
) -> Score | None:
    """Raises StaleAnswer when the stored score is not the one the page showed; returns the stored
    score (None without a check or without a stored score)."""
    if expected is None:
        return None
    lock(participant)
    score = versions.stored_score(participant, theme)
    shown = getattr(score, field, None) if score else None
    if field == "revised" and shown is None and score:
        shown = score.first
    after = Score(first=score.first if score else None, revised=score.revised if score else None)
    setattr(after, field, value)
    check_version(
        versions.of_score(score),
        expected,
        stored=[] if shown is None else [str(shown)],
        incoming=versions.of_score(after),
    )
    return score


def _check_text(participant: Participant, expected_version: str | None, text: str, read_stored) -> None:
    """Under the participant's lock, StaleAnswer when the text stored now is not the version the page showed."""
    if expected_version is not None:
        lock(participant)
        check_version(
            versions.of_text(read_stored()), expected_version, stored=[], incoming=versions.of_text(text)
        )


def save_step1_note(participant: Participant, *, text: str, expected_version: str | None = None) -> None:
    """Side effect: replaces the participant's step-1 note (one UPDATE). Raises AnswerRefused,
    saving nothing, when the participant may not answer; StaleAnswer when the note changed since
    the page showed it."""
    ensure_can_answer(participant)
    with _checked(expected_version):
        note = Participant.objects.values_list("step1_note", flat=True)
        _check_text(participant, expected_version, text, lambda: note.get(pk=participant.pk))
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
            check_version(
                versions.of_choices(stored),
                expected_version,
                stored=sorted(stored),
                incoming=versions.of_choices(choices),
            )
        prepared.replace_choices(participant, question=question, choices=choices)


def save_comment(
    participant: Participant, *, theme: str, text: str, expected_version: str | None = None
) -> None:
    """Side effect: inserts or updates the participant's comment on `theme`. Raises AnswerRefused,
    saving nothing, when the participant may not answer; StaleAnswer when the comment changed since
    the page showed it."""
    ensure_can_answer(participant)
    with _checked(expected_version):
        _check_text(participant, expected_version, text, lambda: versions.stored_comment(participant, theme))
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


def reopen_round(round_: Round) -> None:
    """Open the round again; an announced deletion is off (it is announced again after closing)."""
    round_.closed_at = None
    round_.deletion_warned_at = None
    round_.save(update_fields=["closed_at", "deletion_warned_at"])


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
        log.record(round_, actor=by, action=log.Action.RESULTS_REVEALED)
    return switched_on


def hide_results(round_: Round) -> None:
    """Hide the group results from the participants again; sharing stays allowed, so a later
    reveal needs one click."""
    round_.results_revealed_at = None
    round_.save(update_fields=["results_revealed_at"])
