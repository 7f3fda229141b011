"""The figures a round shows, per theme: for the results page, the presenter and the PDF report."""

from typing import Any

from gesprekstool.rounds.models import Round

from .models import Indicator, RoundIndicator


def figures_by_theme(round_: Round, *, themes: list[str] | None = None) -> dict[str, list[Indicator]]:
    """Theme code -> the round's figures beside that theme, by name; only themes that have any
    (and only `themes` when given). One query."""
    shown: dict[str, list[Indicator]] = {}
    chosen = (
        RoundIndicator.objects.filter(round=round_)
        .select_related("indicator")
        .order_by("indicator__name", "indicator__area", "-indicator__year", "indicator_id")
    )
    for choice in chosen:
        for code in choice.themes:
            if themes is None or code in themes:
                shown.setdefault(code, []).append(choice.indicator)
    return shown


def theme_panel_context(*, round_: Round, themes: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """For rounds.panels: per theme code the variables of indicators/theme_figures.html."""
    return {
        code: {"figures": figures, "figures_theme": code}
        for code, figures in figures_by_theme(round_, themes=themes).items()
    }


def results_panel_context(*, round_: Round, analysis) -> dict[str, Any]:
    """For rounds.panels: the panel below the results only links to choosing figures; no query."""
    return {}
