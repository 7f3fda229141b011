"""Every change to an organisation's local figures and to the figures a round shows."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Round

from .csvfile import Row
from .models import Indicator, RoundIndicator

DEFAULT_THEMES = ["B"]  # "Zicht op lokale problemen": where figures belong first
MAX_PER_ROUND = 12


@dataclass(frozen=True)
class Imported:
    created: int
    updated: int


@transaction.atomic
def import_indicators(*, organisation: Organisation, rows: list[Row]) -> Imported:
    """Save every row of an imported file: a figure the organisation already has for the same
    indicator, year and area (compared without case) gets the file's value, unit, source and link;
    the others are added. All in one transaction: all or nothing."""
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
    return Imported(created=len(new), updated=len(changed))


def save_indicator(
    *,
    organisation: Organisation,
    indicator: Indicator | None = None,
    name: str,
    value: Decimal,
    unit: str,
    year: int,
    area: str,
    source: str,
    link: str = "",
) -> Indicator:
    """Add a figure entered by hand, or change `indicator` (which must be the organisation's)."""
    if indicator is None:
        indicator = Indicator(organisation=organisation)
    elif indicator.organisation_id != organisation.pk:
        raise ValueError("the figure belongs to another organisation")
    indicator.name, indicator.value, indicator.unit, indicator.year = name, value, unit, year
    indicator.area, indicator.source, indicator.link = area, source, link
    indicator.save()
    return indicator


def delete_indicator(*, indicator: Indicator) -> None:
    """Remove a figure; the rounds that showed it no longer do (their choice goes with it)."""
    indicator.delete()


@transaction.atomic
def choose_for_round(*, round_: Round, themes_by_indicator: dict[Indicator, list[str]]) -> None:
    """Make `themes_by_indicator` the round's figures, each beside its themes (in the instrument's
    order; none given means theme B). Figures chosen before and left out are no longer shown.
    Refuses figures of another organisation and more than MAX_PER_ROUND."""
    if len(themes_by_indicator) > MAX_PER_ROUND:
        raise ValueError(f"at most {MAX_PER_ROUND} figures per round")
    if any(i.organisation_id != round_.organisation_id for i in themes_by_indicator):
        raise ValueError("a figure of another organisation")
    order = [t.code for t in round_.instrument.themes]
    RoundIndicator.objects.filter(round=round_).delete()
    RoundIndicator.objects.bulk_create(
        RoundIndicator(
            round=round_,
            indicator=indicator,
            themes=[code for code in order if code in themes] or DEFAULT_THEMES,
        )
        for indicator, themes in themes_by_indicator.items()
    )
