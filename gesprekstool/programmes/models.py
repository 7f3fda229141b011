"""Programmes across gemeenten (for example "Gezond in... regio Oost"): their advisers, their member
gemeenten with what each chooses to share, and the invitation links that bring both in.

Nothing of a gemeente's answers is copied here: the programme's figures are computed live from the
rounds of the gemeenten that share (figures.py), so a gemeente that stops sharing or leaves is gone
from them at once.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.fields import Named, parent_reference
from gesprekstool.lib.querysets import UserScopedQuerySet
from gesprekstool.organisations.models import LinkInvitation, Organisation

# No figure of a theme, and no figure at all, for fewer gemeenten than this (docs/programmes.md).
MINIMUM_GEMEENTEN = 5

# The first parts of the app's other addresses (urls.py): a programme called so would hide them.
RESERVED_SLUGS = frozenset({"gemeente", "uitnodiging", "deelname"})


def validate_programme_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This short name is used by the site itself. Choose another one."))


class ProgrammeQuerySet(UserScopedQuerySet):
    # A user's programmes are those they advise.
    user_path = "advisers"


class Programme(Named):
    """A programme that supports several gemeenten at once; created by staff in the admin."""

    slug = models.SlugField(
        _("short name"), max_length=100, unique=True, validators=[validate_programme_slug]
    )
    description = models.TextField(_("description"), blank=True)
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="advised_programmes", blank=True, verbose_name=_("advisers")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta(Named.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")


class ProgrammeMemberQuerySet(models.QuerySet):
    def sharing(self) -> "ProgrammeMemberQuerySet":
        return self.exclude(sharing=ProgrammeMember.Sharing.NOTHING)


class ProgrammeMember(models.Model):
    """A gemeente in a programme, and what it shares with the programme's advisers."""

    class Sharing(models.TextChoices):
        NOTHING = "niets", _("Nothing")
        ANONYMOUS = "anoniem", _("The step-1 figures of our latest round, without our name")
        NAMED = "met-naam", _("The step-1 figures of our latest round, with our name")

    programme = parent_reference(Programme, related_name="members", verbose_name=_("programme"))
    organisation = parent_reference(
        Organisation, related_name="programme_memberships", verbose_name=_("organisation")
    )
    sharing = models.CharField(_("what we share"), max_length=10, choices=Sharing.choices)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    objects = ProgrammeMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme member")
        verbose_name_plural = _("programme members")
        ordering = ["programme__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "organisation"], name="unique_programme_member")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.programme}"

    @property
    def shares(self) -> bool:
        return self.sharing != self.Sharing.NOTHING


class ProgrammeInvitation(LinkInvitation):
    """A link that brings a gemeente or another adviser into a programme (never withdrawn: it
    expires)."""

    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("a municipality")
        ADVISER = "adviseur", _("an adviser")

    programme = parent_reference(Programme, related_name="invitations", verbose_name=_("programme"))
    kind = models.CharField(_("for"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("for whom"), max_length=200)

    class Meta:
        verbose_name = _("programme invitation")
        verbose_name_plural = _("programme invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.label} – {self.programme}"
