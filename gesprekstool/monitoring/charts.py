"""Geometry of a small line-and-dot chart, drawn as inline SVG by monitoring/line_chart.html.

Pure calculation on plain data. Colour is never the only carrier: every series has its own marker
shape and line pattern, the legend names them, and every point carries its value as text.
"""

from dataclasses import dataclass

from gesprekstool.lib.numbers import average_text
from gesprekstool.lib.plot import PlotArea
from gesprekstool.rounds.charts import shape_path

# Each series: (colour, marker, dash pattern, filled). Colours have at least 3:1 contrast on white.
STYLES = [
    ("#000000", "circle", "", True),
    ("#24578f", "square", "6 4", True),
    ("#8a4b00", "triangle", "2 3", False),
    ("#1a6b2f", "diamond", "8 3 2 3", True),
    ("#6b2c91", "cross", "1 4", True),
    ("#b00020", "triangle-down", "10 4", False),
    ("#00626b", "hexagon", "4 2", False),
]
WIDTH_PER_ROUND = 120
MIN_WIDTH = 480
HEIGHT = 280
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 56, 16, 40
MARKER = 5
LABEL_GAP = 13  # the least vertical distance between two value labels in one column


@dataclass
class Point:
    x: float
    y: float
    value: float
    text: str
    label_x: float
    label_y: float
    marker: str  # an SVG path
    anchor: str = "start"


@dataclass
class ChartSeries:
    label: str
    colour: str
    shape: str
    dash: str
    filled: bool
    points: list[Point]
    path: str  # the connecting line; empty with fewer than two consecutive values

    @property
    def legend_marker(self) -> str:
        return marker_path(self.shape, 16, 8, MARKER)


@dataclass(frozen=True)
class Chart(PlotArea):
    id: str
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]
    series: list[ChartSeries]


def number(value: float) -> str:
    """One decimal with a decimal comma, by the one rounding rule of gesprekstool.lib.numbers
    (3,25 becomes 3,3), so the chart, the table and every export agree."""
    return average_text(value)


def marker_path(shape: str, x: float, y: float, r: float) -> str:
    """An SVG path for a marker of `shape` centred on (x, y) with radius r: the same shapes as
    every other chart (rounds.charts.shape_path)."""
    return shape_path(shape, x, y, r)


def line_chart(
    *,
    chart_id: str,
    x_labels: list[str],
    series: list[tuple[str, list[float | None]]],
    y_min: int = 1,
    y_max: int = 5,
    styles: list[tuple[str, str, str, bool]] | None = None,
) -> Chart:
    """Place every series' values (None = no value) on a y axis from y_min to y_max, one column
    per x label. Value labels in one column are pushed apart so that they never overlap.
    `styles` gives each series its (colour, shape, dash, filled), so that the same thing looks the
    same on every chart; by default the series take STYLES in turn."""
    columns = max(len(x_labels), 1)
    width = max(MIN_WIDTH, MARGIN_LEFT + MARGIN_RIGHT + WIDTH_PER_ROUND * columns)
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM

    def x_at(index: int) -> float:
        return left + (index + 0.5) * (right - left) / columns

    def y_at(value: float) -> float:
        return bottom - (value - y_min) * (bottom - top) / (y_max - y_min)

    drawn = []
    for number_, (label, values) in enumerate(series):
        colour, shape, dash, filled = styles[number_] if styles else STYLES[number_ % len(STYLES)]
        # Series side by side, a few pixels apart: equal values do not hide each other's markers.
        shift = (number_ - (len(series) - 1) / 2) * 4
        points, segments, current = [], [], []
        for index, value in enumerate(values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            x, y = x_at(index) + shift, y_at(value)
            # Labels go where no line of this chart runs: left of the first column (lines leave it
            # to the right), right of the others.
            first = index == 0 and columns > 1
            label_x = x_at(index) - 9 - 2 * len(series) if first else x_at(index) + 9 + 2 * len(series)
            points.append(
                Point(
                    x,
                    y,
                    value,
                    number(value),
                    label_x,
                    y + 4,
                    marker_path(shape, x, y, MARKER),
                    "end" if first else "start",
                )
            )
            current.append((x, y))
        if current:
            segments.append(current)
        path = " ".join(
            "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in segment)
            for segment in segments
            if len(segment) > 1
        )
        drawn.append(ChartSeries(label, colour, shape, dash, filled, points, path))

    # Spread the labels of each column: sort by height, then push each one below its neighbour.
    by_column: dict[float, list[Point]] = {}
    for s in drawn:
        for p in s.points:
            by_column.setdefault(p.label_x, []).append(p)
    for column in by_column.values():
        column.sort(key=lambda p: p.label_y)
        for above, below in zip(column, column[1:], strict=False):
            below.label_y = max(below.label_y, above.label_y + LABEL_GAP)
        overflow = column[-1].label_y - (bottom + 4)
        if overflow > 0:
            for p in column:
                p.label_y -= overflow

    return Chart(
        id=chart_id,
        width=width,
        height=HEIGHT,
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
        y_ticks=[(y_at(v), str(v)) for v in range(y_min, y_max + 1)],
        x_ticks=[(x_at(i), label) for i, label in enumerate(x_labels)],
        series=drawn,
    )
