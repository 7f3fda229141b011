import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from gesprekstool.instrument import CURRENT_VERSION, SCORE_MIN, SCORE_UNKNOWN, Instrument, active_instrument
from gesprekstool.lib.fields import account_reference, optional_reference, parent_reference
from gesprekstool.lib.querysets import UserScopedQuerySet
from gesprekstool.organisations.models import Organisation


def new_token() -> str:
    """256 random bits, URL-safe: a participant link cannot be guessed."""
    return secrets.token_urlsafe(32)


def link_token() -> models.CharField:
    """The token of a personal link (a participant's, an action owner's, a calendar feed's): made
    with `new_token`, unique, and never shown in a form."""
    return models.CharField(_("link token"), max_length=64, unique=True, default=new_token, editable=False)


class RoundQuerySet(UserScopedQuerySet):
    # A user's rounds are those of the organisations they are a member of.
    user_path = "organisation__memberships__user"


class Round(models.Model):
    """One use of the tool by a group: a gespreksronde."""

    class Mode(models.TextChoices):
        INDIVIDUAL = "individual", _("Individually: each participant through a personal link")
        JOINT = "joint", _("Jointly: one shared form, filled in together in a meeting")

    organisation = parent_reference(Organisation, related_name="rounds", verbose_name=_("organisation"))
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    mode = models.CharField(_("how it is filled in"), max_length=20, choices=Mode.choices)
    instrument_version = models.CharField(_("instrument version"), max_length=20, default=CURRENT_VERSION)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language participants see when they open their link, until they choose another one "
            "with the switch at the top of the page."
        ),
    )
    created_by = account_reference(_("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    previous = optional_reference("self", related_name="repeats", verbose_name=_("repeat of"))
    anonymised = models.BooleanField(
        _("show participants anonymised"),
        default=True,
        help_text=_("Results show “Participant 1 (Poverty)” instead of names."),
    )
    results_for_participants = models.BooleanField(
        _("participants may see the group results"),
        default=False,
    )
    results_revealed_at = models.DateTimeField(_("results revealed at"), null=True, blank=True)
    join_code = models.CharField(_("join code"), max_length=12, unique=True, null=True, blank=True)
    # Retention (rounds/retention.py): when names, departments and e-mail addresses were removed,
    # and when the facilitators were told the round will be deleted.
    personal_data_removed_at = models.DateTimeField(_("personal data removed at"), null=True, blank=True)
    deletion_warned_at = models.DateTimeField(_("deletion announced at"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def instrument(self) -> Instrument:
        """The round's instrument version in the active language (Dutch or English); the codes are the
        same in both, so answers given in either language belong to one round."""
        return active_instrument(self.instrument_version)

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_joint(self) -> bool:
        return self.mode == self.Mode.JOINT


class Participant(models.Model):
    """Someone who fills in the tool, or, in a joint round, the group's shared form."""

    class Domain(models.TextChoices):
        POVERTY = "armoede", _("Poverty")
        HEALTH = "gezondheid", _("Health")
        EXECUTION = "uitvoering", _("Implementation")
        SOCIETY = "maatschappelijk", _("Civil society organisation")
        ADJACENT = "aanpalend", _("Adjacent domain (sport, care, education, physical)")
        OTHER = "anders", _("Other")

    round = parent_reference(Round, related_name="participants", verbose_name=_("round"))
    position = models.PositiveIntegerField(_("number"))
    display_name = models.CharField(_("name"), max_length=100)
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    department = models.CharField(_("department or organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    is_group = models.BooleanField(_("shared form of the group"), default=False)
    token = link_token()
    link_revoked_at = models.DateTimeField(_("link revoked at"), null=True, blank=True)
    # The language the participant last used on their pages: mails to them are in it.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)
    step1_note = models.TextField(_("what stands out"), blank=True)
    first_opened_at = models.DateTimeField(_("first opened at"), null=True, blank=True)
    step1_done_at = models.DateTimeField(_("step 1 done at"), null=True, blank=True)
    step2_done_at = models.DateTimeField(_("step 2 done at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Mail about the link (rounds/invitations.py): when the link was last mailed, when the last
    # reminder went, and when the last attempt failed (None once a later mail got through).
    invited_at = models.DateTimeField(_("invitation mailed at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder mailed at"), null=True, blank=True)
    mail_failed_at = models.DateTimeField(_("mail failed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The random key of the join form this participant came from (joining by code): a second post
    # of the same form (a double tap) finds this participant instead of making another one.
    join_key = models.CharField(_("join form key"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="unique_participant_position"),
            models.UniqueConstraint(
                fields=["round", "join_key"],
                condition=~models.Q(join_key=""),
                name="unique_participant_join_key",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def label(self) -> str:
        """How the participant is shown in results: "Deelnemer 1 (Armoede)"."""
        return self._remembered("label", (self.is_group, self.position, self.domain), self._label)

    def _label(self) -> str:
        if self.is_group:
            return gettext("The group (joint form)")
        return gettext("Participant %(number)s (%(domain)s)") % {
            "number": self.position,
            "domain": self.domain_label,
        }

    @property
    def shown_name(self) -> str:
        """The name used wherever results appear: the anonymised label, or the name when
        the round shows participants by name. Every results page and export uses this."""
        anonymised = self.is_group or self.round.anonymised
        key = (anonymised, self.is_group, self.position, self.domain, self.display_name)
        return self._remembered("shown_name", key, self._shown_name)

    def _shown_name(self) -> str:
        if self.is_group or self.round.anonymised:
            return self.label
        return f"{self.display_name} ({self.domain_label})"

    @property
    def domain_label(self) -> str:
        """The domain's name in the active language: get_domain_display() without its general
        machinery, which the results pages called for every participant in every table."""
        label = DOMAIN_LABELS.get(self.domain)
        return str(label) if label is not None else self.domain

    def _remembered(self, name: str, key: tuple, compute) -> str:
        """`compute()`, kept on the instance while `key` and the language stay the same. A results
        page of 300 participants shows each name in every table cell; translating the label and the
        domain each time took most of its rendering time (docs/performance.md)."""
        key = (get_language(), *key)
        memo = self.__dict__.setdefault("_names", {})
        if name not in memo or memo[name][0] != key:
            memo[name] = (key, compute())
        return memo[name][1]

    @property
    def link_active(self) -> bool:
        return self.link_revoked_at is None

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


DOMAIN_LABELS = dict(Participant.Domain.choices)


class Score(models.Model):
    """A step-1 score for one theme: the first one, and the one revised after step 2."""

    participant = parent_reference(Participant, related_name="scores")
    theme = models.CharField(_("theme"), max_length=2)
    first = models.PositiveSmallIntegerField(_("first score"), null=True, blank=True)
    revised = models.PositiveSmallIntegerField(_("revised score"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["participant", "theme"], name="unique_score_per_theme"),
            models.CheckConstraint(
                condition=models.Q(first__isnull=True)
                | models.Q(first__gte=SCORE_MIN, first__lte=SCORE_UNKNOWN),
                name="score_first_in_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(revised__isnull=True)
                | models.Q(revised__gte=SCORE_MIN, revised__lte=SCORE_UNKNOWN),
                name="score_revised_in_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.theme}: {self.first} → {self.revised}"

    @property
    def current(self) -> int | None:
        return self.revised if self.revised is not None else self.first

    @property
    def was_revised(self) -> bool:
        return self.revised is not None and self.revised != self.first


class Choice(models.Model):
    """A ticked option of a step-2 question, with its words where the option asks for them."""

    participant = parent_reference(Participant, related_name="choices")
    question = models.CharField(_("question"), max_length=4)
    option = models.CharField(_("option"), max_length=8)
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["participant", "option"], name="unique_choice")]

    def __str__(self) -> str:
        return self.option


class Comment(models.Model):
    """The comment field ("Opmerkingenveld") of a theme."""

    participant = parent_reference(Participant, related_name="comments")
    theme = models.CharField(_("theme"), max_length=2)
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [models.UniqueConstraint(fields=["participant", "theme"], name="unique_comment")]

    def __str__(self) -> str:
        return f"{self.theme}: {self.text[:40]}"


class HiddenObservation(models.Model):
    """A generated observation the facilitator chose not to show."""

    round = parent_reference(Round, related_name="hidden_observations")
    key = models.CharField(_("observation"), max_length=120)

    class Meta:
        verbose_name = _("hidden observation")
        verbose_name_plural = _("hidden observations")
        constraints = [models.UniqueConstraint(fields=["round", "key"], name="unique_hidden_observation")]

    def __str__(self) -> str:
        return self.key


class OwnObservation(models.Model):
    """An observation the facilitator wrote down."""

    round = parent_reference(Round, related_name="own_observations")
    theme = models.CharField(_("theme"), max_length=2, blank=True)
    text = models.TextField(_("what stands out"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("own observation")
        verbose_name_plural = _("own observations")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ConversationQuestion(models.Model):
    """A question or statement for the group, proposed by the tool or written by the facilitator."""

    round = parent_reference(Round, related_name="conversation_questions")
    theme = models.CharField(_("theme"), max_length=2)
    text = models.TextField(_("question or statement"))
    position = models.PositiveIntegerField(_("order"), default=0)
    proposed = models.BooleanField(_("proposed by the tool"), default=False)

    class Meta:
        verbose_name = _("conversation question")
        verbose_name_plural = _("conversation questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class FailedJoinAttempt(models.Model):
    """A join code typed from some address that matched no open round; counted to slow guessing down.

    In the database, not a local cache, so that every app server behind a load balancer counts the
    same attempts. The address is kept only as a keyed hash (not personal data in the clear), and
    rows older than the throttle window are deleted as new ones arrive."""

    address_hash = models.CharField(_("address (hashed)"), max_length=64, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed join attempt")
        verbose_name_plural = _("failed join attempts")

    def __str__(self) -> str:
        return f"{self.address_hash[:8]} {self.created_at:%Y-%m-%d %H:%M}"
