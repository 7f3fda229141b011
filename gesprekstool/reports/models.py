"""Exports kept per round version, so a second download of an unchanged round is served at once."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gesprekstool.rounds.models import Round


class StoredExport(models.Model):
    """One built export file (PDF, Word, Excel, ...) of a round in one language, with the version of
    the round it was built from (see reports/stored.py). Kept in the database, not on local disk,
    so every app server on the same PostgreSQL serves the same file; removed with the round and
    when the round's personal data is removed."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="stored_exports", verbose_name=_("round")
    )
    fmt = models.CharField(_("format"), max_length=8)
    language = models.CharField(_("language"), max_length=8)
    version = models.CharField(_("version"), max_length=64)
    content = models.BinaryField(_("content"))
    built_at = models.DateTimeField(_("built at"), auto_now=True)
    build_seconds = models.FloatField(_("build time in seconds"), default=0)

    class Meta:
        verbose_name = _("stored export")
        verbose_name_plural = _("stored exports")
        constraints = [
            models.UniqueConstraint(fields=["round", "fmt", "language"], name="one_stored_export_per_format")
        ]

    def __str__(self) -> str:
        return f"{self.round_id} {self.fmt} {self.language}"
