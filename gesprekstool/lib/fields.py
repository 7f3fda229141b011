"""Model fields that several apps declare alike."""

from django.conf import settings
from django.db import models


def account_reference(verbose_name) -> models.ForeignKey:
    """Who did something (created, invited, wrote): the account, or None once the account is
    deleted; the record itself stays. No reverse accessor on the user."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
