"""Every write to the picture of the future: the facilitator's setup, the participants'
contributions and votes, and what the facilitator does on the wall (hide, merge, group, into step 3).

Views call these functions only. Refusals meant for a person raise `Refused` with a Dutch message
and the HTTP status the view answers with; nothing is saved then.
"""

from collections.abc import Iterable
from http import HTTPStatus

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gesprekstool.agenda import services as agenda_services
from gesprekstool.agenda.models import Action
from gesprekstool.rounds import log
from gesprekstool.rounds.models import Participant, Round

from .models import (
    MAX_CONTRIBUTION_LENGTH,
    MAX_HEADING_LENGTH,
    MAX_VOTES,
    Contribution,
    FuturePart,
    Group,
    Prompt,
    Vote,
)


class Refused(Exception):
    """A change that may not be made; `message` is for the person, `status` for the response."""

    def __init__(self, message: str, *, status: int = HTTPStatus.CONFLICT):
        super().__init__(message)
        self.message = message
        self.status = status


# --- The facilitator's setup ---------------------------------------------------------------------------


def save_part(
    round_: Round,
    *,
    prompts: dict[str, str],
    experiences_question: str = "",
    mode: str = FuturePart.Mode.INDIVIDUAL,
    position: str = FuturePart.Position.AFTER,
    anonymous: bool = True,
    enabled: bool = True,
) -> FuturePart:
    """Create or change the round's picture of the future.

    `prompts` maps each chosen theme code to its prompt text, in the instrument's order. Side effects:
    the FuturePart row is created or updated; a chosen theme's prompt is created or its text changed;
    the prompt of a theme no longer chosen is DELETED with its contributions and votes. With an
    `experiences_question`, each chosen theme also gets a prompt asking for experiences (its text
    kept in step with the question); without one, those prompts are deleted.
    """
    codes = [t.code for t in round_.instrument.themes]
    unknown = set(prompts) - set(codes)
    if unknown:
        raise ValueError(f"not themes of the round: {sorted(unknown)}")
    if not prompts:
        raise Refused(_("Choose at least one theme."), status=HTTPStatus.UNPROCESSABLE_ENTITY)
    with transaction.atomic():
        part, _created = FuturePart.objects.update_or_create(
            round=round_,
            defaults={"mode": mode, "position": position, "anonymous": anonymous, "enabled": enabled},
        )
        existing = {(p.theme, p.is_experiences): p for p in part.prompts.all()}
        wanted = {}
        for code, text in prompts.items():
            wanted[(code, False)] = text
            if experiences_question:
                wanted[(code, True)] = experiences_question
        for key, prompt in existing.items():
            if key not in wanted:
                prompt.delete()
        for (code, is_experiences), text in wanted.items():
            position_ = codes.index(code)
            prompt = existing.get((code, is_experiences))
            if prompt is None:
                Prompt.objects.create(
                    part=part, theme=code, text=text, is_experiences=is_experiences, position=position_
                )
            elif (prompt.text, prompt.position) != (text, position_):
                prompt.text, prompt.position = text, position_
                prompt.save(update_fields=["text", "position"])
    return part


def remove_part(part: FuturePart) -> None:
    """Delete the round's picture of the future. Side effect: deletes its prompts, contributions,
    votes, headings and cooperation marks; actions made from them stay on the agenda."""
    part.delete()


# --- Participants ---------------------------------------------------------------------------------------


def not_yet() -> str:
    """Why a part placed "after" the results is not open yet to a participant who has not handed in."""
    return _(
        "The picture of the future opens once you have handed in your answers, or once the facilitator "
        "shows the results."
    )


def ensure_open(participant: Participant, part: FuturePart) -> None:
    """Raise Refused when this participant may not write or vote now."""
    if participant.round.is_closed:
        raise Refused(_("This round is closed. Nothing can be added or changed any more."))
    if not part.enabled:
        raise Refused(_("The facilitator has not opened the picture of the future yet, or has closed it."))
    if not participant.link_active:
        raise Refused(_("This link has been revoked."), status=HTTPStatus.GONE)
    if not part.reachable_by(participant):
        raise Refused(not_yet())


def add_contribution(participant: Participant, *, prompt: Prompt, text: str) -> Contribution:
    """Add a participant's contribution to a prompt. Side effect: one Contribution row."""
    ensure_open(participant, prompt.part)
    text = text.strip()
    if not text or len(text) > MAX_CONTRIBUTION_LENGTH:
        raise Refused(
            _("Write your contribution in at most %(max)s characters.") % {"max": MAX_CONTRIBUTION_LENGTH},
            status=HTTPStatus.UNPROCESSABLE_ENTITY,
        )
    return Contribution.objects.create(prompt=prompt, participant=participant, text=text)


def add_group_contribution(prompt: Prompt, *, text: str) -> Contribution:
    """In a joint part: the facilitator writes down what the group says, as the round's shared form.
    Side effect: one Contribution row of the round's group participant."""
    part = prompt.part
    if part.mode != FuturePart.Mode.JOINT:
        raise Refused(_("In this picture of the future the participants write on their own phones."))
    group = part.round.participants.filter(is_group=True).first()
    if group is None:
        raise Refused(_("Only a round that is filled in jointly has a shared form to write with."))
    group.round = part.round
    return add_contribution(group, prompt=prompt, text=text)


def withdraw_contribution(participant: Participant, *, contribution: Contribution) -> None:
    """Delete the participant's own contribution. Side effects: its votes go (the voters get their
    dots back); contributions merged into it come back on the wall; an action made from it stays."""
    ensure_open(participant, contribution.prompt.part)
    if contribution.participant_id != participant.pk:
        raise Refused(_("You can only withdraw your own contributions."), status=HTTPStatus.FORBIDDEN)
    contribution.delete()


def votes_used(participant: Participant, prompt: Prompt) -> int:
    return Vote.objects.filter(participant=participant, contribution__prompt=prompt).count()


def vote(participant: Participant, *, contribution: Contribution) -> Vote:
    """Give one dot. Refused for a hidden or merged contribution, a second dot on the same one, and a
    fourth dot on one prompt. Side effect: one Vote row. The participant's row is locked meanwhile, so
    that two taps at once cannot both pass the count."""
    prompt = contribution.prompt
    ensure_open(participant, prompt.part)
    with transaction.atomic():
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        current = Contribution.objects.filter(pk=contribution.pk).values("hidden_at", "merged_into").first()
        if current is None or current["hidden_at"] is not None or current["merged_into"] is not None:
            raise Refused(_("This contribution is no longer on the wall."))
        if Vote.objects.filter(participant=participant, contribution=contribution).exists():
            raise Refused(_("You have already given this contribution a dot."))
        if votes_used(participant, prompt) >= MAX_VOTES:
            raise Refused(
                _("You have already given all %(max)s dots for this question. Take one back first.")
                % {"max": MAX_VOTES}
            )
        return Vote.objects.create(participant=participant, contribution=contribution)


def withdraw_vote(participant: Participant, *, contribution: Contribution) -> None:
    """Take a dot back. Side effect: deletes the Vote row."""
    ensure_open(participant, contribution.prompt.part)
    deleted, _rows = Vote.objects.filter(participant=participant, contribution=contribution).delete()
    if not deleted:
        raise Refused(_("You had not given this contribution a dot."))


# --- The facilitator on the wall ----------------------------------------------------------------------


def hide_contribution(contribution: Contribution, *, by) -> None:
    """Hide an improper contribution from everyone but the facilitator. Side effects: sets hidden_at
    and hidden_by; deletes its votes (the voters get their dots back); one line in the activity log
    naming the round, never the text."""
    if contribution.hidden_at is not None:
        return
    round_ = contribution.prompt.part.round
    with transaction.atomic():
        contribution.hidden_at = timezone.now()
        contribution.hidden_by = by
        contribution.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
        contribution.votes.all().delete()
        log.record(round_, actor=by, action=log.Action.CONTRIBUTION_HIDDEN)


def show_contribution(contribution: Contribution, *, by) -> None:
    """Show a hidden contribution again (without the dots it had). Side effects: clears hidden_at and
    hidden_by; one line in the activity log naming the round."""
    if contribution.hidden_at is None:
        return
    round_ = contribution.prompt.part.round
    with transaction.atomic():
        contribution.hidden_at = None
        contribution.hidden_by = None
        contribution.save(update_fields=["hidden_at", "hidden_by", "updated_at"])
        log.record(round_, actor=by, action=log.Action.CONTRIBUTION_SHOWN)


def merge_contributions(*, keep: Contribution, merged: Contribution) -> None:
    """Merge a near-duplicate into the contribution that stays on the wall.

    Side effects: `merged` gets merged_into=`keep` and is no longer shown; its dots move to `keep`,
    counting each participant once (a dot on both becomes one, so nobody goes over the limit);
    contributions merged into `merged` before now point to `keep`; `keep` takes `merged`'s heading
    when it has none.
    """
    if keep.pk == merged.pk or keep.prompt_id != merged.prompt_id:
        raise Refused(_("Choose another contribution of the same question to merge with."))
    if not (keep.is_shown and merged.is_shown):
        raise Refused(_("Only contributions on the wall can be merged."))
    with transaction.atomic():
        voters = set(keep.votes.values_list("participant_id", flat=True))
        merged.votes.filter(participant_id__in=voters).delete()
        merged.votes.update(contribution=keep)
        Contribution.objects.filter(merged_into=merged).update(merged_into=keep)
        merged.merged_into = keep
        merged.save(update_fields=["merged_into", "updated_at"])
        if keep.group_id is None and merged.group_id is not None:
            keep.group_id = merged.group_id
        keep.save(update_fields=["group", "updated_at"])


def set_heading(contribution: Contribution, *, heading: str) -> Group | None:
    """Put a contribution under a short heading of its prompt (made when new); an empty heading takes
    it out of its group. Side effects: Group rows created, and deleted once no contribution is under
    them any more."""
    heading = " ".join(heading.split())
    if len(heading) > MAX_HEADING_LENGTH:
        raise Refused(
            _("A heading has at most %(max)s characters.") % {"max": MAX_HEADING_LENGTH},
            status=HTTPStatus.UNPROCESSABLE_ENTITY,
        )
    with transaction.atomic():
        group = None
        if heading:
            # Compared in Python: SQLite ignores case for ASCII letters only ("É" and "é" differ).
            group = next(
                (g for g in contribution.prompt.groups.all() if g.heading.casefold() == heading.casefold()),
                None,
            )
            if group is None:
                position = contribution.prompt.groups.count() + 1
                group = Group.objects.create(prompt=contribution.prompt, heading=heading, position=position)
        contribution.group = group
        contribution.save(update_fields=["group", "updated_at"])
        remove_empty_groups(contribution.prompt.groups.all())
    return group


def remove_empty_groups(groups: Iterable[Group]) -> None:
    Group.objects.filter(pk__in=[g.pk for g in groups]).annotate(n=Count("contributions")).filter(
        n=0
    ).delete()


def contribution_to_action(contribution: Contribution, *, owner_name: str = "") -> Action:
    """Turn a contribution into an open action on the round's agenda (step 3), with the prompt's theme,
    the contribution's text and an optional proposed owner. Side effects: one Action row (through
    agenda's services) and Contribution.action set. A contribution that already became an action
    returns that action: a second click makes no second action."""
    with transaction.atomic():
        locked = (
            Contribution.objects.select_for_update()
            .select_related("prompt__part__round")
            .get(pk=contribution.pk)
        )
        if locked.action_id is not None:
            return locked.action
        if not locked.is_shown:
            raise Refused(_("Only a contribution on the wall can become an action."))
        action = agenda_services.add_action(
            locked.prompt.part.round,
            theme=locked.prompt.theme,
            description=locked.text,
            owner_name=owner_name.strip(),
        )
        locked.action = action
        locked.save(update_fields=["action", "updated_at"])
    contribution.action = action
    return action


def shown(queryset):
    """Contributions participants see: neither hidden nor merged away."""
    return queryset.filter(Q(hidden_at__isnull=True) & Q(merged_into__isnull=True))
