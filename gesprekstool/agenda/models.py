import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.fields import account_reference, optional_reference, parent_reference
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Participant, Round, link_token


class ActionQuerySet(models.QuerySet):
    def current(self) -> "ActionQuerySet":
        """Actions that were not carried over into a later round (the copy lives on there)."""
        return self.filter(carried_to__isnull=True)

    def live(self) -> "ActionQuerySet":
        """Current actions somebody still works on: open or in progress."""
        return self.current().filter(status__in=Action.LIVE_STATUSES)

    def overdue(self, today: datetime.date) -> "ActionQuerySet":
        return self.live().filter(due_on__lt=today)

    def for_email(self, email: str) -> "ActionQuerySet":
        """Actions whose owner has this e-mail address: a participant's own, or the one given for
        someone outside the round."""
        return self.filter(Q(owner__email__iexact=email) | Q(owner__isnull=True, owner_email__iexact=email))


class Action(models.Model):
    """One line of the action agenda (step 3): what, who, which department, by when, and how far."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        BUSY = "bezig", _("in progress")
        DONE = "gedaan", _("done")
        DROPPED = "vervallen", _("dropped")

    LIVE_STATUSES = (Status.OPEN, Status.BUSY)

    round = parent_reference(Round, related_name="actions", verbose_name=_("round"))
    theme = models.CharField(_("theme"), max_length=2)
    description = models.TextField(_("what will be done"))
    owner = optional_reference(Participant, related_name="actions", verbose_name=_("participant"))
    owner_name = models.CharField(_("or another person"), max_length=200, blank=True)
    owner_email = models.EmailField(
        _("e-mail address of that person"),
        blank=True,
        help_text=_("Optional. With an e-mail address this person gets reminders and a personal link."),
    )
    department = models.CharField(_("department"), max_length=200, blank=True)
    due_on = models.DateField(_("date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    carried_from = optional_reference("self", related_name="carried_to", verbose_name=_("carried over from"))
    reviewed_at = models.DateTimeField(_("discussed in the review at"), null=True, blank=True)
    # Optimistic locking: every save raises the version; a form that was opened on an older
    # version is refused instead of silently overwriting someone else's change.
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["theme", "created_at", "id"]

    def __str__(self) -> str:
        return self.description[:60]

    def _of_owner(self, attribute: str, typed_in: str) -> str:
        """The owner's `attribute` when the owner is a participant of the round, else what was typed
        in for someone outside the round."""
        return getattr(self.owner, attribute) if self.owner_id else typed_in

    @property
    def who(self) -> str:
        return self._of_owner("display_name", self.owner_name)

    @property
    def shown_who(self) -> str:
        """The owner as results and exports show them: a participant by their shown name (the
        anonymised label in an anonymised round), another person by the name typed in."""
        return self._of_owner("shown_name", self.owner_name)

    @property
    def theme_label(self) -> str:
        """ "D. Focus: ..." from the round's instrument version; the bare code if it has no such theme."""
        try:
            return self.round.instrument.theme(self.theme).label
        except KeyError:
            return self.theme

    @property
    def email(self) -> str:
        """Where reminders for this action go ("" when nobody can be mailed)."""
        return self._of_owner("email", self.owner_email)

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_live and self.due_on is not None and self.due_on < timezone.localdate()


class ActionNote(models.Model):
    """A line in an action's log: a progress note, a status change, or both; with who and when."""

    action = parent_reference(Action, related_name="notes", verbose_name=_("action"))
    text = models.TextField(_("note"), blank=True)
    old_status = models.CharField(_("old status"), max_length=12, choices=Action.Status.choices, blank=True)
    new_status = models.CharField(_("new status"), max_length=12, choices=Action.Status.choices, blank=True)
    author = account_reference(_("written by (account)"))
    author_name = models.CharField(_("written by"), max_length=200)
    via_link = models.BooleanField(_("through the personal link"), default=False)
    in_review = models.BooleanField(_("in the review of a repeated round"), default=False)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"

    @property
    def status_changed(self) -> bool:
        return bool(self.new_status) and self.new_status != self.old_status


class OwnerLink(models.Model):
    """A personal link with which someone updates their own actions without an account.

    One per e-mail address and organisation: it shows every current action of that address.
    """

    organisation = parent_reference(Organisation, related_name="owner_links", verbose_name=_("organisation"))
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    token = link_token()
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("personal action link")
        verbose_name_plural = _("personal action links")
        indexes = [models.Index(fields=["organisation", "email"])]

    def __str__(self) -> str:
        return self.email

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return not self.is_revoked and not self.is_expired


class CalendarFeed(models.Model):
    """A secret address at which a calendar program subscribes to a round's dates."""

    round = parent_reference(Round, related_name="calendar_feed", one_to_one=True)
    token = link_token()
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")

    def __str__(self) -> str:
        return str(self.round)


class SentReminder(models.Model):
    """A reminder that went out; the unique constraint makes sure no reason is mailed twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("an action is due soon")
        OVERDUE = "overdue", _("an action is overdue")
        MEETING = "meeting", _("a follow-up meeting is coming up")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # "action:<id>" or "participant:<id>": what the reminder was about.
    target = models.CharField(_("about"), max_length=40)
    date = models.DateField(_("date it was about"))
    recipient = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(fields=["kind", "target", "date"], name="unique_reminder_per_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} {self.date}"


class Agreement(models.Model):
    """How the group follows the agenda up, and the free text of step 3."""

    class FollowUp(models.TextChoices):
        MEET_AGAIN = "bijeenkomst", _("The group meets again in the same composition")
        DEPARTMENTS = "afdelingen", _("The departments pick up the points themselves")
        UNDECIDED = "", _("Not decided yet")

    round = parent_reference(Round, related_name="agreement", one_to_one=True)
    follow_up = models.CharField(
        _("follow-up"), max_length=20, choices=FollowUp.choices, default=FollowUp.UNDECIDED, blank=True
    )
    next_meeting_on = models.DateField(_("date of the next meeting"), null=True, blank=True)
    accountability = models.TextField(_("how we hold each other to the agreements"), blank=True)
    notes = models.TextField(_("room for explanation"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("follow-up agreement")
        verbose_name_plural = _("follow-up agreements")

    def __str__(self) -> str:
        return str(self.round)
