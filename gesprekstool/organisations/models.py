from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.fields import Named, account_reference, parent_reference
from gesprekstool.lib.querysets import UserScopedQuerySet


# Defaults for a new organisation's retention periods come from the host's settings (docs/privacy.md).
def default_participant_data_days() -> int:
    return settings.RETENTION_PARTICIPANT_DAYS


def default_round_delete_days() -> int | None:
    return settings.RETENTION_ROUND_DAYS


def default_owner_email_days() -> int:
    return settings.RETENTION_OWNER_EMAIL_DAYS


class Organisation(Named):
    """A gemeente (or another organisation) that runs rounds; the unit of access."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "gemeente", _("Municipality")
        OTHER = "anders", _("Other organisation")

    slug = models.SlugField(_("short name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    participant_data_days = models.PositiveIntegerField(
        _("keep names and e-mail addresses of participants (days after closing)"),
        default=default_participant_data_days,
    )
    round_delete_days = models.PositiveIntegerField(
        _("delete whole rounds (days after closing)"),
        null=True,
        blank=True,
        default=default_round_delete_days,
        help_text=_("Empty: rounds are kept until a facilitator deletes them."),
    )
    owner_email_days = models.PositiveIntegerField(
        _("keep e-mail addresses of action owners (days after the action is done or dropped)"),
        default=default_owner_email_days,
    )

    class Meta(Named.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class MembershipQuerySet(UserScopedQuerySet):
    user_path = "user"


class Membership(models.Model):
    """A user's place in an organisation. A programme adviser has one per gemeente they support."""

    class Role(models.TextChoices):
        FACILITATOR = "gespreksleider", _("Facilitator")
        READER = "meelezer", _("Reader")

    user = parent_reference(settings.AUTH_USER_MODEL, related_name="memberships", verbose_name=_("user"))
    organisation = parent_reference(Organisation, related_name="memberships", verbose_name=_("organisation"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.FACILITATOR)
    # The language the user last chose with the switch: mails to them are in it (empty: Dutch).
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def can_manage(self) -> bool:
        return self.role == self.Role.FACILITATOR


class ActivityEntry(models.Model):
    """One line of an organisation's activity log ("Logboek"): who did what, and when.

    Written only through `organisations.activity.record`. Holds no tokens and no answer texts:
    `subject` names the thing (a round's title, a member's name, a file format), nothing more.
    """

    class Action(models.TextChoices):
        ORGANISATION_CREATED = "organisation_created", _("Organisation created")
        MEMBER_INVITED = "member_invited", _("Member invited")
        INVITATION_RESENT = "invitation_resent", _("Invitation sent again")
        INVITATION_WITHDRAWN = "invitation_withdrawn", _("Invitation withdrawn")
        MEMBER_JOINED = "member_joined", _("Member joined")
        ROLE_CHANGED = "role_changed", _("Role changed")
        MEMBER_REMOVED = "member_removed", _("Member removed")
        RESULTS_REVEALED = "results_revealed", _("Results shown to participants")
        ROUND_EXPORTED = "round_exported", _("Round downloaded")
        PARTICIPANT_DELETED = "participant_deleted", _("Participant deleted")
        PARTICIPANTS_MERGED = "participants_merged", _("Participants merged")
        PARTICIPANT_CORRECTED = "participant_corrected", _("Participant's details corrected")
        ROUND_DELETED = "round_deleted", _("Round deleted")
        PERSONAL_DATA_REMOVED = "personal_data_removed", _("Personal data removed")
        RETENTION_CHANGED = "retention_changed", _("Retention periods changed")
        PROGRAMME_JOINED = "programme_joined", _("Joined a programme")
        PROGRAMME_SHARING_CHANGED = "programme_sharing_changed", _("Sharing with a programme changed")
        PROGRAMME_LEFT = "programme_left", _("Left a programme")
        PROGRAMME_EXPORTED = "programme_exported", _("Programme figures downloaded by an adviser")
        PARTICIPANTS_INVITED = "participants_invited", _("Participants' links mailed")
        PARTICIPANTS_REMINDED = "participants_reminded", _("Participants reminded by mail")
        CONTRIBUTION_HIDDEN = "contribution_hidden", _("Contribution hidden from the wall")
        CONTRIBUTION_SHOWN = "contribution_shown", _("Hidden contribution shown again")
        INDICATOR_ADDED = "indicator_added", _("Local figure added")
        INDICATOR_CHANGED = "indicator_changed", _("Local figure changed")
        INDICATOR_DELETED = "indicator_deleted", _("Local figure deleted")
        INDICATORS_IMPORTED = "indicators_imported", _("Local figures imported")
        ROUND_INDICATORS_CHOSEN = "round_indicators_chosen", _("Local figures of a round chosen")

    organisation = parent_reference(Organisation, related_name="activity", verbose_name=_("organisation"))
    actor = account_reference(_("done by"))
    # Kept beside the foreign key so the line stays readable after the account is gone;
    # empty for what the system did by itself (retention).
    actor_name = models.CharField(_("done by"), max_length=200, blank=True)
    action = models.CharField(_("what happened"), max_length=40, choices=Action.choices)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="activity_org_recent")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name or '-'}: {self.get_action_display()}"


class InvitationQuerySet(models.QuerySet):
    def open(self) -> "InvitationQuerySet":
        """Not accepted and not withdrawn; may still have expired (the team page shows those too)."""
        return self.filter(accepted_at__isnull=True, withdrawn_at__isnull=True)


class LinkInvitation(models.Model):
    """An invitation through a link that works once and expires.

    The link carries a random token; only its SHA-256 hash is stored, so a copy of the
    database opens no invitation.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        EXPIRED = "expired", _("expired")
        ACCEPTED = "accepted", _("accepted")
        # Only an organisation's invitation can be withdrawn (`Invitation.withdrawn_at`).
        WITHDRAWN = "withdrawn", _("withdrawn")

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = account_reference(_("invited by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def status(self) -> str:
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.EXPIRED


class Invitation(LinkInvitation):
    """An invitation by e-mail to join an organisation with a role. A new token (resend) makes
    the old link useless."""

    organisation = parent_reference(Organisation, related_name="invitations", verbose_name=_("organisation"))
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    sent_at = models.DateTimeField(_("last sent at"), default=timezone.now)
    accepted_by = account_reference(_("accepted by"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            # One open invitation per address and organisation: inviting again renews it.
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(accepted_at__isnull=True, withdrawn_at__isnull=True),
                name="one_open_invitation_per_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} – {self.organisation} ({self.get_role_display()})"

    @property
    def status(self) -> str:
        if self.withdrawn_at:
            return self.Status.WITHDRAWN
        return super().status


class PasswordResetRequest(models.Model):
    """One request for a password reset mail, counted so that the reset page cannot be used to flood
    an inbox (organisations/password_reset.py).

    In the database, so that every app server counts the same requests. The e-mail address and the
    client's address are kept only as keyed hashes, and the daily run deletes a request once its
    window has passed."""

    email_hash = models.CharField(_("e-mail address (hashed)"), max_length=64)
    ip_hash = models.CharField(_("IP address (hashed)"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("password reset request")
        verbose_name_plural = _("password reset requests")
        # The two counts: one address's requests, and one client's, since the window began.
        indexes = [
            models.Index(fields=["email_hash", "created_at"], name="reset_request_email_idx"),
            models.Index(fields=["ip_hash", "created_at"], name="reset_request_ip_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.email_hash[:8]} {self.created_at:%Y-%m-%d %H:%M}"
