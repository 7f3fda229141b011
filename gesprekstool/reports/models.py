"""Exports kept per round version, so a second download of an unchanged round is served at once."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.fields import parent_reference
from gesprekstool.rounds.models import Round


class RoundExport(models.Model):
    """An export of a round in one format and language, for one version of the round: what a kept
    file and a build in progress are both about. A subclass adds its `round` (each with its own
    related name) and the constraint that keeps one row per round, format and language."""

    fmt = models.CharField(_("format"), max_length=8)
    language = models.CharField(_("language"), max_length=8)
    version = models.CharField(_("version"), max_length=64)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.round_id} {self.fmt} {self.language}"


class StoredExport(RoundExport):
    """One built export file (PDF, Word, Excel, ...) of a round in one language, with the version of
    the round it was built from (see reports/stored.py). Kept in the database, not on local disk,
    so every app server on the same PostgreSQL serves the same file; removed with the round and
    when the round's personal data is removed."""

    round = parent_reference(Round, related_name="stored_exports", verbose_name=_("round"))
    content = models.BinaryField(_("content"))
    built_at = models.DateTimeField(_("built at"), auto_now=True)
    build_seconds = models.FloatField(_("build time in seconds"), default=0)

    class Meta:
        verbose_name = _("stored export")
        verbose_name_plural = _("stored exports")
        constraints = [
            models.UniqueConstraint(fields=["round", "fmt", "language"], name="one_stored_export_per_format")
        ]


class ExportBuild(RoundExport):
    """Whether an export of a round is being prepared in the background, and how far it is
    (reports/builds.py). One row per round, format and language, reused for every version: the
    conditional update that claims it is what keeps two servers from building the same file."""

    class State(models.TextChoices):
        RUNNING = "running", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    round = parent_reference(Round, related_name="export_builds", verbose_name=_("round"))
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.RUNNING)
    step = models.PositiveSmallIntegerField(_("step"), default=0)
    steps = models.PositiveSmallIntegerField(_("steps"), default=1)
    # Raised by every claim: a builder whose attempt is no longer the row's stops writing.
    attempt = models.PositiveIntegerField(_("attempt"), default=1)
    started_at = models.DateTimeField(_("started at"))
    # Touched at every step: a running build whose heartbeat is old died with its server.
    heartbeat_at = models.DateTimeField(_("last sign of life"))
    error = models.CharField(_("error"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("export being prepared")
        verbose_name_plural = _("exports being prepared")
        constraints = [
            models.UniqueConstraint(fields=["round", "fmt", "language"], name="one_export_build_per_format")
        ]

    def __str__(self) -> str:
        return f"{super().__str__()} {self.state}"
