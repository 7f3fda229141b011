"""Every change to an organisation's local figures and to the figures a round shows, each with its
line in the organisation's activity log (who changed which figure, never its value)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.organisations import activity
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds import log
from gesprekstool.rounds.models import Round

from .csvfile import Row
from .models import FIELDS, Indicator, RoundIndicator

DEFAULT_THEMES = ["B"]  # "Zicht op lokale problemen": where figures belong first
MAX_PER_ROUND = 12


@dataclass(frozen=True)
class Imported:
    created: int
    updated: int


def _figures(count: int) -> str:
    return ngettext("%(count)s figure", "%(count)s figures", count) % {"count": count}


def _record(indicator: Indicator, *, by, action: str, detail: str = "") -> None:
    """A line in the organisation's log naming the figure: "Kinderen in armoede (Testdorp, 2025)"."""
    activity.record(
        organisation=indicator.organisation, actor=by, action=action, subject=str(indicator), detail=detail
    )


@transaction.atomic
def import_indicators(*, organisation: Organisation, rows: list[Row], by) -> Imported:
    """Save every row of an imported file: a figure the organisation already has for the same
    indicator, year and area (compared without case) gets the file's value, unit, source and link;
    the others are added. All in one transaction: all or nothing. Side effect: one line in the
    organisation's activity log with the counts ("12 cijfers: 10 nieuw, 2 bijgewerkt"); `by` is the
    user, or None for the system (the demo)."""
    existing = {
        (i.name.casefold(), i.year, i.area.casefold()): i
        for i in Indicator.objects.select_for_update().filter(organisation=organisation)
    }
    new, changed = [], []
    for row in rows:
        indicator = existing.get(row.key)
        if indicator is None:
            new.append(
                Indicator(
                    organisation=organisation,
                    name=row.name,
                    value=row.value,
                    unit=row.unit,
                    year=row.year,
                    area=row.area,
                    source=row.source,
                    link=row.link,
                )
            )
            continue
        indicator.value, indicator.unit, indicator.source, indicator.link = (
            row.value,
            row.unit,
            row.source,
            row.link,
        )
        changed.append(indicator)
    Indicator.objects.bulk_create(new)
    for indicator in changed:
        indicator.save(update_fields=["value", "unit", "source", "link", "updated_at"])
    activity.record(
        organisation=organisation,
        actor=by,
        action=activity.Action.INDICATORS_IMPORTED,
        detail=_("%(figures)s: %(created)s new, %(updated)s updated")
        % {"figures": _figures(len(new) + len(changed)), "created": len(new), "updated": len(changed)},
    )
    return Imported(created=len(new), updated=len(changed))


@transaction.atomic
def save_indicator(
    *,
    organisation: Organisation,
    indicator: Indicator | None = None,
    by,
    name: str,
    value: Decimal,
    unit: str,
    year: int,
    area: str,
    source: str,
    link: str = "",
) -> Indicator:
    """Add a figure entered by hand, or change `indicator` (which must be the organisation's).

    Side effect: one line in the organisation's activity log, naming the figure and, for a change,
    which fields changed ("waarde, bron"); a change that changes nothing saves and logs nothing."""
    wanted = {
        "name": name,
        "value": value,
        "unit": unit,
        "year": year,
        "area": area,
        "source": source,
        "link": link,
    }
    if indicator is None:
        indicator = Indicator(organisation=organisation)
        action, changed = activity.Action.INDICATOR_ADDED, ()
    elif indicator.organisation_id != organisation.pk:
        raise ValueError("the figure belongs to another organisation")
    else:
        # Compared with what is stored: a form may already have put the new values on `indicator`.
        stored = Indicator.objects.select_for_update().values(*FIELDS).get(pk=indicator.pk)
        action = activity.Action.INDICATOR_CHANGED
        changed = tuple(field for field in FIELDS if stored[field] != wanted[field])
        if not changed:
            return indicator
    for field in FIELDS:
        setattr(indicator, field, wanted[field])
    indicator.save()
    labels = [str(Indicator._meta.get_field(field).verbose_name) for field in changed]
    _record(indicator, by=by, action=action, detail=", ".join(labels))
    return indicator


@transaction.atomic
def delete_indicator(*, indicator: Indicator, by) -> None:
    """Remove a figure; the rounds that showed it no longer do (their choice goes with it).
    Side effect: one line in the organisation's activity log naming the figure."""
    _record(indicator, by=by, action=activity.Action.INDICATOR_DELETED)
    indicator.delete()


@transaction.atomic
def choose_for_round(*, round_: Round, themes_by_indicator: dict[Indicator, list[str]], by) -> None:
    """Make `themes_by_indicator` the round's figures, each beside its themes (in the instrument's
    order; none given means theme B). Figures chosen before and left out are no longer shown.
    Refuses figures of another organisation and more than MAX_PER_ROUND.

    Side effect: one line in the activity log naming the round and the figures now chosen ("1 cijfer:
    Schulden (Testdorp, 2022)"); the same choice again changes and logs nothing."""
    if len(themes_by_indicator) > MAX_PER_ROUND:
        raise ValueError(f"at most {MAX_PER_ROUND} figures per round")
    if any(i.organisation_id != round_.organisation_id for i in themes_by_indicator):
        raise ValueError("a figure of another organisation")
    order = [t.code for t in round_.instrument.themes]
    wanted = {
        indicator: [code for code in order if code in themes] or DEFAULT_THEMES
        for indicator, themes in themes_by_indicator.items()
    }
    current = RoundIndicator.objects.filter(round=round_)
    if dict(current.values_list("indicator_id", "themes")) == {i.pk: t for i, t in wanted.items()}:
        return
    current.delete()
    RoundIndicator.objects.bulk_create(
        RoundIndicator(round=round_, indicator=indicator, themes=themes)
        for indicator, themes in wanted.items()
    )
    detail = _figures(len(wanted))
    if wanted:
        detail += ": " + ", ".join(sorted(str(indicator) for indicator in wanted))
    log.record(round_, actor=by, action=log.Action.ROUND_INDICATORS_CHOSEN, detail=detail)
