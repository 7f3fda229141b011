"""Every export built once per round version and kept: a second download of a round that has not
changed is served from the database at once instead of being built again (issue 11: the PDF of a
300-participant round took 37 s). See docs/performance.md.

The version covers everything an export shows: the presenter's fingerprint of the round
(rounds/live.py: the round's own fields, participants' progress, scores, ticks, comments, hidden
and own observations), the participants' names, domains and notes, the action agenda (its
optimistic-lock versions count every save) and the follow-up agreement, the questions chosen
for the conversation, the picture of the future and its cooperation marks (futures/exports.py), the
organisation's name,
the language and EXPORTS_VERSION (raise it when an export's layout changes, so files built by the
old code are not served after a deploy).
"""

import hashlib
import time

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, OuterRef, Subquery, Sum
from django.utils import translation

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.futures.exports import export_facts as future_facts
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.live import live_version
from gesprekstool.rounds.models import ConversationQuestion, Participant, Round

from .formats import Format
from .models import ExportBuild, StoredExport

# 5: the printed chart from rounds.charts_print, the fixed-width score table, the future picture.
EXPORTS_VERSION = 5


def _scalar(queryset, aggregate) -> Subquery:
    rows = queryset.filter(round=OuterRef("pk")).order_by().values("round")
    return Subquery(rows.annotate(value=aggregate).values("value")[:1])


def export_version(round_: Round) -> str:
    """A hash that changes whenever anything an export of `round_` shows changes. Four queries."""
    agenda = (
        Round.objects.filter(pk=round_.pk)
        .values(
            agenda_actions=_scalar(Action.objects, Count("pk")),
            last_action=_scalar(Action.objects, Max("pk")),
            action_saves=_scalar(Action.objects, Sum("version")),
            action_updated=_scalar(Action.objects, Max("updated_at")),
            agenda_agreement=_scalar(Agreement.objects, Max("updated_at")),
            organisation_name=Subquery(
                Organisation.objects.filter(pk=OuterRef("organisation_id")).values("name")[:1]
            ),
            **future_facts(),  # the picture of the future and the cooperation marks
        )
        .first()
    )
    people = list(
        Participant.objects.filter(round=round_)
        .order_by("pk")
        .values_list("pk", "position", "display_name", "domain", "is_group", "step1_note")
    )
    questions = list(
        ConversationQuestion.objects.filter(round=round_)
        .order_by("pk")
        .values_list("pk", "theme", "text", "position")
    )
    text = repr((EXPORTS_VERSION, live_version(round_), sorted((agenda or {}).items()), people, questions))
    return hashlib.sha256(text.encode()).hexdigest()


def kept_content(round_: Round, fmt: Format, *, language: str, version: str) -> bytes | None:
    """The kept file of `fmt` for `round_` when it was built from `version`, else None. One query."""
    kept = (
        StoredExport.objects.filter(round=round_, fmt=fmt.key, language=language, version=version)
        .values_list("content", flat=True)
        .first()
    )
    return None if kept is None else bytes(kept)


def keep(round_: Round, fmt: Format, *, language: str, version: str, content: bytes, seconds: float) -> None:
    """Keep `content` as the file of `fmt` for `round_` built from `version`.

    Side effects: writes or replaces one StoredExport row. Two servers storing the same file at
    the same moment: the row keeps one of them.
    """
    try:
        with transaction.atomic():
            StoredExport.objects.update_or_create(
                round=round_,
                fmt=fmt.key,
                language=language,
                defaults={"version": version, "content": content, "build_seconds": seconds},
            )
    except IntegrityError:
        pass  # another request stored the same file a moment earlier


def export_bytes(round_: Round, fmt: Format) -> bytes:
    """The file of `fmt` for `round_` in the active language: the kept one when the round has not
    changed since it was built, else built now and kept (replacing the older one).

    Side effects: writes or replaces one StoredExport row (see `keep`). The download page prepares
    the slow formats in the background instead (reports/builds.py).
    """
    version = export_version(round_)
    language = translation.get_language() or ""
    kept = kept_content(round_, fmt, language=language, version=version)
    if kept is not None:
        return kept
    start = time.perf_counter()
    content = fmt.render(round_)
    keep(
        round_, fmt, language=language, version=version, content=content, seconds=time.perf_counter() - start
    )
    return content


def forget_exports(*, organisation, round_ids, participant_ids, deleting) -> None:
    """rounds.cleanup hook: the kept files hold names and answers, so they go when a round is
    deleted (also by the retention run) or its participants are deleted or anonymised."""
    rounds = set(round_ids)
    if participant_ids:
        rounds |= set(Participant.objects.filter(pk__in=participant_ids).values_list("round_id", flat=True))
    StoredExport.objects.filter(round_id__in=rounds).delete()
    # A build still running for such a round stops before it keeps its file (its claim is gone).
    ExportBuild.objects.filter(round_id__in=rounds).delete()
