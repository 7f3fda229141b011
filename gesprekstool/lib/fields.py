"""Model fields, and groups of them, that several apps declare alike."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def parent_reference(
    to, *, related_name: str, verbose_name=None, one_to_one: bool = False
) -> models.ForeignKey:
    """A link to what the record belongs to (a participant's round, a vote's contribution): always
    set, and the record is deleted with it. Without `verbose_name` Django uses the field's name (several
    models never had one; giving them one now would take a migration)."""
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(to, on_delete=models.CASCADE, related_name=related_name, verbose_name=verbose_name)


def optional_reference(to, *, related_name: str, verbose_name, one_to_one: bool = False) -> models.ForeignKey:
    """A link that may be empty and is emptied when what it points to is deleted: the record
    itself stays (a repeat of a deleted round, a contribution whose heading was removed)."""
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(
        to,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def account_reference(verbose_name) -> models.ForeignKey:
    """Who did something (created, invited, wrote): the account, or None once the account is
    deleted; the record itself stays. No reverse accessor on the user."""
    return optional_reference(settings.AUTH_USER_MODEL, related_name="+", verbose_name=verbose_name)


class Named(models.Model):
    """Something people know by its name (an organisation, a programme): listed by it and shown as it.
    A subclass's Meta extends `Named.Meta` to keep the ordering."""

    name = models.CharField(_("name"), max_length=200)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
