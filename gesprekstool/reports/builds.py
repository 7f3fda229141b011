"""Exports prepared outside the request, with progress (issue 11: "no request waits half a minute").

A download of a slow format (PDF, Word, Excel; `Format.background`) that is not kept for the
round's current version is not built inside the request. `prepare` marks it as being prepared in
an `ExportBuild` row and starts the build outside the request; the page "Het rapport wordt
gemaakt" polls `prepare` until the file is kept (reports/stored.py), then offers the download.

- **One build at a time per export.** The row (unique per round, format and language) is created,
  or taken over by one conditional UPDATE (a new version, or a build that died): the database lets
  exactly one request win, on SQLite and PostgreSQL, across app servers. Every claim raises
  `attempt`; a builder whose attempt is no longer the row's stops before it keeps its file.
- **A build that died is started again.** The builder touches `heartbeat_at` at every step; a
  running build whose heartbeat is older than `EXPORT_BUILD_STALE_SECONDS` (its server was stopped
  or restarted mid-build) is claimed again by the next request for it.
- **Failure is shown, not retried for ever.** A build that raised is marked failed (the exception's
  class is kept, its text goes to the log only); the page says so in Dutch and offers a retry
  (`retry`). A change in the round (a new version) starts a new build anyway.
- **Where it runs** (`EXPORT_BUILDS`): "thread", a thread in the app server started after the
  request's transaction commits (gunicorn sync/gthread workers, no task queue), or "inline", within
  the request (the tests). Nothing is kept on local disk: the file goes into the database.
"""

import logging
import threading
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connections, transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from gesprekstool.rounds.models import Round

from .formats import FORMATS, Format
from .models import ExportBuild
from .stored import export_version, keep, kept_content

logger = logging.getLogger(__name__)


class Superseded(Exception):
    """The build's claim was taken over (a newer version, a restart) or removed with the round."""


@dataclass(frozen=True)
class Preparation:
    """Where the export of one format stands: `content` when the kept file is current, else the
    build that prepares it (running or failed)."""

    fmt: Format
    content: bytes | None
    build: ExportBuild | None

    @property
    def ready(self) -> bool:
        return self.content is not None

    @property
    def failed(self) -> bool:
        return not self.ready and self.build is not None and self.build.state == ExportBuild.State.FAILED

    @property
    def step(self) -> int:
        """The step under way, counted from 1 (a build that has not reported yet is at step 1)."""
        return max(1, self.build.step) if self.build else 1

    @property
    def steps(self) -> int:
        return len(self.fmt.step_names)

    @property
    def step_name(self) -> str:
        return self.fmt.step_names[min(self.step, self.steps) - 1]


def _language() -> str:
    return translation.get_language() or ""


def _fresh(version: str, fmt: Format) -> dict:
    now = timezone.now()
    return {
        "version": version,
        "state": ExportBuild.State.RUNNING,
        "step": 0,
        "steps": len(fmt.step_names),
        "started_at": now,
        "heartbeat_at": now,
        "error": "",
    }


def prepare(round_: Round, fmt: Format) -> Preparation:
    """The kept file of `fmt` for `round_` in the active language when it is current; otherwise
    make sure it is being prepared and say how far that is.

    Side effects: a fast format (not `fmt.background`) is built and kept at once. A slow one gets
    its ExportBuild row created or claimed (new version, or a running build without a heartbeat
    for EXPORT_BUILD_STALE_SECONDS) and, if this request won the claim, a build started (see
    `start`). A failed build of the current version stays failed until `retry`.
    """
    version = export_version(round_)
    language = _language()
    content = kept_content(round_, fmt, language=language, version=version)
    if content is not None:
        return Preparation(fmt, content, None)
    if not fmt.background:
        start_time = time.perf_counter()
        content = fmt.render(round_)
        seconds = time.perf_counter() - start_time
        keep(round_, fmt, language=language, version=version, content=content, seconds=seconds)
        return Preparation(fmt, content, None)
    build, claimed = _claim(round_, fmt, language=language, version=version)
    if claimed:
        start(build)
        if settings.EXPORT_BUILDS == "inline":
            build.refresh_from_db()
            content = kept_content(round_, fmt, language=language, version=version)
    return Preparation(fmt, content, build)


def _claim(round_: Round, fmt: Format, *, language: str, version: str) -> tuple[ExportBuild, bool]:
    """The build row of this export, and whether this request claimed it to build `version`."""
    try:
        with transaction.atomic():
            return (
                ExportBuild.objects.create(
                    round=round_, fmt=fmt.key, language=language, **_fresh(version, fmt)
                ),
                True,
            )
    except IntegrityError:
        pass  # the row exists (an earlier version, or another request created it a moment ago)
    build = ExportBuild.objects.get(round=round_, fmt=fmt.key, language=language)
    stale = timezone.now() - timedelta(seconds=settings.EXPORT_BUILD_STALE_SECONDS)
    takeover = (
        ~Q(version=version)
        # Ready, but its file is not the current one (removed with personal data, or replaced).
        | Q(state=ExportBuild.State.READY)
        | Q(state=ExportBuild.State.RUNNING, heartbeat_at__lt=stale)
    )
    claimed = (
        ExportBuild.objects.filter(pk=build.pk)
        .filter(takeover)
        .update(attempt=F("attempt") + 1, **_fresh(version, fmt))
    )
    build.refresh_from_db()
    return build, claimed == 1


def retry(round_: Round, fmt: Format) -> bool:
    """Start a failed build of `fmt` for `round_` (active language) again. Whether one was failed.

    Side effects: claims the failed ExportBuild row (conditional update) and starts its build.
    """
    version = export_version(round_)
    failed = ExportBuild.objects.filter(
        round=round_, fmt=fmt.key, language=_language(), state=ExportBuild.State.FAILED
    )
    if failed.update(attempt=F("attempt") + 1, **_fresh(version, fmt)) != 1:
        return False
    start(ExportBuild.objects.get(round=round_, fmt=fmt.key, language=_language()))
    return True


def start(build: ExportBuild) -> None:
    """Run the build outside the request: in a thread once the current transaction has committed
    (so the thread sees the claimed row), or at once when EXPORT_BUILDS is "inline"."""
    if settings.EXPORT_BUILDS == "inline":
        run(build.pk, attempt=build.attempt)
        return
    pk, attempt = build.pk, build.attempt
    transaction.on_commit(
        lambda: threading.Thread(
            target=_run_in_thread, args=(pk, attempt), name=f"export-build-{pk}", daemon=False
        ).start()
    )


def _run_in_thread(pk: int, attempt: int) -> None:
    close_old_connections()
    try:
        run(pk, attempt=attempt)
    finally:
        connections.close_all()  # this thread's own connections; the request's are not touched


def run(pk: int, *, attempt: int) -> None:
    """Build the export of ExportBuild `pk` and keep it, reporting each step.

    Side effects: updates the ExportBuild row (step, heartbeat, then ready or failed) and writes the
    StoredExport row. Stops without keeping anything when the claim `attempt` was taken over or
    the row is gone (Superseded). Any other exception marks the build failed and is logged.
    """
    build = ExportBuild.objects.select_related("round__organisation").filter(pk=pk, attempt=attempt).first()
    if build is None:
        return
    fmt = FORMATS[build.fmt]
    mine = ExportBuild.objects.filter(pk=pk, attempt=attempt, state=ExportBuild.State.RUNNING)

    def progress(step: int) -> None:
        if not mine.update(step=step, heartbeat_at=timezone.now()):
            raise Superseded

    with translation.override(build.language or None):
        try:
            start_time = time.perf_counter()
            content = fmt.render(build.round, progress=progress)
            seconds = time.perf_counter() - start_time
            progress(len(fmt.step_names))
            keep(
                build.round,
                fmt,
                language=build.language,
                version=build.version,
                content=content,
                seconds=seconds,
            )
            mine.update(state=ExportBuild.State.READY, heartbeat_at=timezone.now())
        except Superseded:
            logger.info("Export build %s (attempt %s) was taken over; stopped.", pk, attempt)
        except Exception as error:
            # The message may quote answers or names: it goes to the log, the row keeps the class only.
            logger.exception("Export build %s (%s, round %s) failed.", pk, build.fmt, build.round_id)
            mine.update(
                state=ExportBuild.State.FAILED, error=type(error).__name__[:200], heartbeat_at=timezone.now()
            )
