"""Geometry of the programme's box chart, drawn as inline SVG by programmes/box_chart.html.

Per theme a row: a line from the lowest to the highest gemeente mean, a box from the first to the
third quartile, a thick line at the median. On a gemeente's results page its own score is a marker
(the shape comes from the round chart's helper) with its value as text, so colour never carries the
meaning alone. Pure calculation on plain data; the table beside the chart holds the same figures.
"""

from dataclasses import dataclass

from gesprekstool.instrument import SCORE_MAX, SCORE_MIN
from gesprekstool.lib.plot import PlotArea
from gesprekstool.rounds.charts import shape_path

from .figures import Distribution

LEFT, RIGHT, TOP, BOTTOM = 96, 24, 12, 36
WIDTH = 600
ROW = 44
BOX = 18  # box height
OWN_MARKER = 7


@dataclass(frozen=True)
class BoxRow:
    code: str
    label: str  # "Thema A"
    y: float  # the row's middle
    lowest: float | None = None
    q1: float | None = None
    median: float | None = None
    q3: float | None = None
    highest: float | None = None
    own_x: float | None = None
    own_text: str = ""

    @property
    def box_top(self) -> float:
        return self.y - BOX / 2

    @property
    def box_bottom(self) -> float:
        return self.y + BOX / 2

    @property
    def box_width(self) -> float:
        return (self.q3 or 0) - (self.q1 or 0)

    @property
    def own_path(self) -> str:
        return shape_path("diamond", self.own_x, self.y, OWN_MARKER) if self.own_x is not None else ""


@dataclass(frozen=True)
class BoxChart(PlotArea):
    ticks: list[tuple[float, str]]
    rows: list[BoxRow]


def x_for(value: float) -> float:
    return LEFT + (value - SCORE_MIN) / (SCORE_MAX - SCORE_MIN) * (WIDTH - LEFT - RIGHT)


def box_chart(rows: list[tuple[str, str, Distribution | None, float | None, str]]) -> BoxChart:
    """`rows`: (theme code, row label, distribution or None, own value or None, own value as text)."""
    laid_out = []
    for i, (code, label, shown, own, own_text) in enumerate(rows):
        y = TOP + ROW * i + ROW / 2
        if shown is None:
            laid_out.append(BoxRow(code=code, label=label, y=y))
            continue
        laid_out.append(
            BoxRow(
                code=code,
                label=label,
                y=y,
                lowest=x_for(shown.lowest),
                q1=x_for(shown.q1),
                median=x_for(shown.median),
                q3=x_for(shown.q3),
                highest=x_for(shown.highest),
                own_x=x_for(own) if own is not None else None,
                own_text=own_text,
            )
        )
    plot_bottom = TOP + ROW * len(rows)
    return BoxChart(
        width=WIDTH,
        height=plot_bottom + BOTTOM,
        plot_left=LEFT,
        plot_right=WIDTH - RIGHT,
        plot_top=TOP,
        plot_bottom=plot_bottom,
        ticks=[(x_for(v), str(v)) for v in range(SCORE_MIN, SCORE_MAX + 1)],
        rows=laid_out,
    )
