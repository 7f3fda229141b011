"""The panel on a round's results page (registered in ProgrammesConfig.ready()): where the gemeente
stands per theme beside the distribution of the programmes it shares with.

Shown only for a programme the gemeente shares with and that has at least MINIMUM_GEMEENTEN
gemeenten with figures; themes with fewer get no comparison. One query when the gemeente takes part
in no programme; three more per programme it shares with.
"""

from statistics import mean

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from gesprekstool.instrument import SCORE_MAX, SCORE_MIN
from gesprekstool.rounds.analysis import Analysis
from gesprekstool.rounds.models import Round

from .chart import box_chart
from .figures import programme_figures
from .models import ProgrammeMember


def own_means(analysis: Analysis) -> dict[str, float | None]:
    """The round's mean score per theme, "weet niet" left out, as the programme counts it."""
    result = {}
    for theme in analysis.results.instrument.themes:
        values = [
            v
            for a in analysis.answers
            if (v := a.score(theme.code)) is not None and SCORE_MIN <= v <= SCORE_MAX
        ]
        result[theme.code] = mean(values) if values else None
    return result


def position(own: float | None, figures) -> str:
    if own is None or figures is None or not figures.enough:
        return ""
    shown = figures.distribution
    if own < shown.q1:
        return _("among the lowest quarter")
    if own > shown.q3:
        return _("among the highest quarter")
    return _("in the middle half")


def results_panel_context(*, round_: Round, analysis: Analysis) -> dict:
    """The context of programmes/results_panel.html: per shared programme with enough gemeenten, its
    themes with the round's own mean beside them, and the chart with the own mean as a marker."""
    members = list(
        ProgrammeMember.objects.sharing()
        .filter(organisation_id=round_.organisation_id)
        .select_related("programme")
    )
    if not members:
        return {"programme_comparisons": []}
    own = own_means(analysis)
    comparisons = []
    for member in members:
        figures = programme_figures(member.programme, version=round_.instrument_version)
        rows = [(t, own.get(t.theme.code), position(own.get(t.theme.code), t)) for t in figures.themes]
        chart = None
        if figures.enough:
            chart = box_chart(
                [
                    (
                        t.theme.code,
                        _("Theme %(code)s") % {"code": t.theme.code},
                        t.distribution,
                        value,
                        number_format(value, 1) if value is not None else "",
                    )
                    for t, value, _where in rows
                ]
            )
        comparisons.append(
            {
                "member": member,
                "figures": figures,
                "rows": rows,
                "chart": chart,
                "chart_id": f"programma-{member.pk}",
            }
        )
    return {"programme_comparisons": comparisons}
