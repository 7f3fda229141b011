"""A cheap fingerprint of everything the presenter's live fragment shows, so an unchanged poll
(every 3 s, from every screen showing a round) can be answered without reading and drawing the
results again. See docs/performance.md.
"""

import hashlib

from django.db.models import Count, Max, OuterRef, Subquery

from .models import Choice, Comment, HiddenObservation, OwnObservation, Participant, Round, Score


def _aggregate(queryset, link: str, **aggregates) -> dict[str, Subquery]:
    """One scalar subquery per aggregate over the round's rows of `queryset`."""
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return {
        f"live_{name}": Subquery(rows.annotate(value=aggregate).values("value")[:1])
        for name, aggregate in aggregates.items()
    }


def live_version(round_: Round) -> str:
    """A short hash that changes whenever a participant, score, tick, comment or observation of
    the round is added, changed or removed, or the round itself changes. One query.

    Every answer row carries `updated_at`; a count and the highest id catch removals and
    re-creations (step 2 replaces a question's ticks). Participants carry no `updated_at`, so
    their timestamps of progress stand in for it; names and domains change only through the
    round's personal-data removal, which the round's own fields show."""
    subqueries = {
        **_aggregate(
            Participant.objects,
            "round",
            participants=Count("pk"),
            last_participant=Max("pk"),
            step1=Max("step1_done_at"),
            step2=Max("step2_done_at"),
            finished=Max("finished_at"),
            finished_count=Count("finished_at"),
        ),
    }
    for prefix, model in (("score", Score), ("choice", Choice), ("comment", Comment)):
        subqueries.update(
            _aggregate(
                model.objects,
                "participant__round",
                **{
                    f"{prefix}s": Count("pk"),
                    f"last_{prefix}": Max("pk"),
                    f"{prefix}_updated": Max("updated_at"),
                },
            )
        )
    for prefix, model in (("hidden", HiddenObservation), ("own", OwnObservation)):
        subqueries.update(
            _aggregate(model.objects, "round", **{f"{prefix}s": Count("pk"), f"last_{prefix}": Max("pk")})
        )
    values = Round.objects.filter(pk=round_.pk).values(**subqueries)
    facts = values.first() or {}
    round_fields = [(f.attname, getattr(round_, f.attname)) for f in Round._meta.concrete_fields]
    text = repr((sorted(facts.items()), round_fields))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
