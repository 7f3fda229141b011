"""The workshop's second part (issue 16): a shared picture of the future.

A round may have one `FuturePart`: a prompt per chosen theme ("In four years residents notice ..."),
and optionally a prompt asking for experiences. Participants write short `Contribution`s through their
own link and give up to three `Vote`s ("dots") per prompt; the facilitator hides, merges and groups
them on the presenter's wall, and turns one into an action of the round's agenda. Participants also
mark which partners should work more closely together (`CooperationMark`).

Step 3 (`agenda`) does not know this app: the link from a contribution or a mark to the action it
became lives here (`Contribution.action`, `CooperationMark.action`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gesprekstool.agenda.models import Action
from gesprekstool.lib.fields import account_reference, optional_reference, parent_reference
from gesprekstool.rounds.models import Participant, Round

# A contribution is a sticky note, not an essay: short enough to read from the back of the room.
MAX_CONTRIBUTION_LENGTH = 280
MAX_PROMPT_LENGTH = 500
MAX_HEADING_LENGTH = 60
MAX_PARTY_LENGTH = 120
# Dots per participant per prompt.
MAX_VOTES = 3


class FuturePart(models.Model):
    """The "Toekomstbeeld" part of one round and how it is held."""

    class Mode(models.TextChoices):
        INDIVIDUAL = "individual", _("Individually: each participant writes on their own phone")
        JOINT = "joint", _("Jointly: the facilitator writes down what the group says")

    class Position(models.TextChoices):
        BEFORE = "before", _("Before the results are discussed")
        AFTER = "after", _("After the results are discussed")

    round = parent_reference(Round, related_name="future_part", verbose_name=_("round"), one_to_one=True)
    enabled = models.BooleanField(_("open for contributions"), default=True)
    mode = models.CharField(_("how it is held"), max_length=20, choices=Mode.choices, default=Mode.INDIVIDUAL)
    position = models.CharField(
        _("when in the meeting"), max_length=10, choices=Position.choices, default=Position.AFTER
    )
    anonymous = models.BooleanField(
        _("contributions without names on the wall"),
        default=True,
        help_text=_("Participants and the wall never show who wrote what."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("picture of the future")
        verbose_name_plural = _("pictures of the future")

    def __str__(self) -> str:
        return str(self.round)

    def reachable_by(self, participant: Participant) -> bool:
        """Whether the participant may open the part now. "Before": from the start. "After": once they
        have handed in (finished) or the results were revealed to the participants, so the picture of
        the future does not colour their own answers. No query (the round is the participant's)."""
        return reachable(self.position, participant)


def reachable(position: str, participant: Participant) -> bool:
    """`FuturePart.reachable_by` for a part of which only the position was read. The round's shared form
    (a joint round) is the facilitator's: they decide when the group gets to the future."""
    if position == FuturePart.Position.BEFORE or participant.is_group:
        return True
    round_ = participant.round
    revealed = round_.results_for_participants and round_.results_revealed_at is not None
    return participant.finished_at is not None or revealed


class Prompt(models.Model):
    """A question or unfinished sentence the participants respond to: one per chosen theme, plus
    optionally the question for experiences (theme "" when it is asked for all themes at once)."""

    part = parent_reference(FuturePart, related_name="prompts", verbose_name=_("part"))
    theme = models.CharField(_("theme"), max_length=2, blank=True)
    text = models.CharField(_("question or statement"), max_length=MAX_PROMPT_LENGTH)
    is_experiences = models.BooleanField(_("asks for experiences"), default=False)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("prompt")
        verbose_name_plural = _("prompts")
        ordering = ["part", "is_experiences", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Group(models.Model):
    """A short heading on the wall under which the facilitator gathers contributions of one prompt."""

    prompt = parent_reference(Prompt, related_name="groups", verbose_name=_("prompt"))
    heading = models.CharField(_("heading"), max_length=MAX_HEADING_LENGTH)
    position = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("heading")
        verbose_name_plural = _("headings")
        ordering = ["prompt", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["prompt", "heading"], name="unique_future_group_heading")
        ]

    def __str__(self) -> str:
        return self.heading


class Contribution(models.Model):
    """What one participant wrote in response to a prompt: a sticky note on the wall."""

    prompt = parent_reference(Prompt, related_name="contributions", verbose_name=_("prompt"))
    participant = parent_reference(
        Participant, related_name="future_contributions", verbose_name=_("participant")
    )
    text = models.CharField(_("contribution"), max_length=MAX_CONTRIBUTION_LENGTH)
    # Hidden by the facilitator (improper): kept, and logged, but shown to nobody but the facilitator.
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = account_reference(_("hidden by"))
    # Merged into a near-duplicate: the kept one carries the votes; this one is no longer shown.
    merged_into = optional_reference("self", related_name="merged", verbose_name=_("merged into"))
    group = optional_reference(Group, related_name="contributions", verbose_name=_("heading"))
    # The action of step 3 this contribution became ("into step 3").
    action = optional_reference(
        Action, related_name="future_contribution", verbose_name=_("action"), one_to_one=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["prompt", "created_at", "id"]
        indexes = [models.Index(fields=["prompt", "hidden_at", "merged_into"])]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_shown(self) -> bool:
        """Whether participants see it and may vote on it: not hidden and not merged away."""
        return self.hidden_at is None and self.merged_into_id is None


class Vote(models.Model):
    """One dot of a participant on a contribution (at most MAX_VOTES per prompt: see services)."""

    contribution = parent_reference(Contribution, related_name="votes", verbose_name=_("contribution"))
    participant = parent_reference(Participant, related_name="future_votes", verbose_name=_("participant"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["contribution", "participant"], name="unique_future_vote")
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} → {self.contribution_id}"


class CooperationMark(models.Model):
    """A participant's mark that two partners or domains should work more closely together.

    A party is a domain code of the round (`Participant.Domain`, e.g. "armoede"), or a name: an
    organisation of the round (a participant's department or organisation) or another partner the
    participant names. The pair is stored in a fixed order (party_a < party_b, see services), so that
    "A with B" and "B with A" are one pair.
    """

    part = parent_reference(FuturePart, related_name="cooperation_marks", verbose_name=_("part"))
    participant = parent_reference(
        Participant, related_name="future_cooperation_marks", verbose_name=_("participant")
    )
    party_a = models.CharField(_("partner"), max_length=MAX_PARTY_LENGTH)
    party_b = models.CharField(_("other partner"), max_length=MAX_PARTY_LENGTH)
    # Others the participant names beyond the listed partners, in their own words.
    others = models.CharField(_("others they name"), max_length=MAX_CONTRIBUTION_LENGTH, blank=True)
    # The action of step 3 this missing link became (several marks of one pair share it).
    action = optional_reference(Action, related_name="future_cooperation_marks", verbose_name=_("action"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("cooperation mark")
        verbose_name_plural = _("cooperation marks")
        ordering = ["part", "party_a", "party_b", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "party_a", "party_b"], name="unique_cooperation_mark"
            ),
        ]
        # The pair is stored in code-point order (cooperation.ordered). No database check says so:
        # `party_a < party_b` in SQL follows the database's collation (nl_NL on a production
        # PostgreSQL sorts "armoede" before "GGD"), which would refuse pairs the services ordered.

    def __str__(self) -> str:
        return f"{self.party_a} – {self.party_b}"
