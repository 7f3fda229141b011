"""Step 1 as a dot chart: per theme a row, per participant a marker at the score.

Pure layout: returns coordinates for the SVG template (rounds/chart_step1.html). Each
domain has its own marker shape as well as its own colour, so colour never carries the
meaning alone; every marker is numbered after its participant.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from gesprekstool.instrument import Instrument

from .observations import UNKNOWN, Answers

LEFT, RIGHT, TOP = 56, 16, 40
STEP = 96  # horizontal distance between two scale points
MARKER = 13  # half the marker size
ROW_GAP = 18

# Domain value -> (shape, colour). Colours have at least 3:1 contrast against white.
STYLES = {
    "armoede": ("circle", "#1f5fa6"),
    "gezondheid": ("square", "#b3261e"),
    "uitvoering": ("triangle", "#2e7d32"),
    "maatschappelijk": ("diamond", "#6a3d9a"),
    "aanpalend": ("hexagon", "#8a5300"),
    "anders": ("star", "#37474f"),
}


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    number: str
    label: str
    shape: str
    colour: str
    first_x: float | None  # where the first score was, when it was revised

    @property
    def path(self) -> str:
        return shape_path(self.shape, self.x, self.y, MARKER)


@dataclass(frozen=True)
class Row:
    theme: str
    statement: str
    y: float
    height: float
    markers: list[Marker]
    range_from: float | None
    range_to: float | None

    @property
    def mid(self) -> float:
        return self.y + self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def range_y(self) -> float:
        return self.y + ROW_GAP / 2 + MARKER + 4 - 5

    @property
    def range_width(self) -> float:
        return (self.range_to or 0) - (self.range_from or 0)

    def markers_svg(self) -> SafeString:
        """The row's markers as SVG elements: each marker's path with its number, and for a revised
        score a line from the first score's circle. Built here rather than with a template loop:
        a round of 300 has 1,800 markers, and the template's per-variable look-ups took half the
        time of the presenter's update (docs/performance.md)."""
        return format_html_join("\n", "{}{}", ((_revision_svg(m), _marker_svg(m)) for m in self.markers))


def _revision_svg(m: Marker) -> SafeString:
    if not m.first_x:
        return SafeString("")
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" class="gt-chart__revision"/>'
        '<circle cx="{}" cy="{}" r="6" class="gt-chart__first"/>',
        m.first_x,
        m.y,
        m.x,
        m.y,
        m.first_x,
        m.y,
    )


def _marker_svg(m: Marker) -> SafeString:
    return format_html(
        '<path d="{}" fill="{}" class="gt-chart__marker"/>'
        '<text x="{}" y="{}" dy="0.35em" text-anchor="middle" class="gt-chart__number">{}</text>',
        m.path,
        m.colour,
        m.x,
        m.y,
        m.number,
    )


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    axis: list[tuple[float, str]]  # (x, label)
    rows: list[Row]
    legend: list[tuple[str, str, str]]  # (domain label, shape path at origin, colour)


def x_for(value: int) -> float:
    return LEFT + STEP * (value - 0.5)


def shape_path(shape: str, x: float, y: float, r: float) -> str:
    if shape == "circle":
        return f"M{x - r},{y} a{r},{r} 0 1,0 {2 * r},0 a{r},{r} 0 1,0 {-2 * r},0"
    if shape == "square":
        s = r * 0.9
        return f"M{x - s},{y - s} h{2 * s} v{2 * s} h{-2 * s} z"
    if shape == "triangle":
        return f"M{x},{y - r * 1.15} L{x + r * 1.1},{y + r * 0.85} L{x - r * 1.1},{y + r * 0.85} z"
    if shape == "diamond":
        return f"M{x},{y - r * 1.2} L{x + r * 1.2},{y} L{x},{y + r * 1.2} L{x - r * 1.2},{y} z"
    if shape == "hexagon":
        h = r * 0.87
        return (
            f"M{x - r},{y} L{x - r / 2},{y - h} L{x + r / 2},{y - h} L{x + r},{y} "
            f"L{x + r / 2},{y + h} L{x - r / 2},{y + h} z"
        )
    # star
    points = []
    for i in range(10):
        radius = r * 1.2 if i % 2 == 0 else r * 0.55
        angle = math.pi / 5 * i - math.pi / 2
        points.append(f"{x + radius * math.cos(angle):.1f},{y + radius * math.sin(angle):.1f}")
    return "M" + " L".join(points) + " z"


def step1_chart(
    instrument: Instrument,
    answers: list[Answers],
    domains: dict[str, str],
    *,
    numbers: list[str] | None = None,
    themes: list[str] | None = None,
) -> Chart:
    """Lay out the chart. `domains` maps each answer's domain display name to its value
    (for the marker style); `numbers` are the marker labels (default 1, 2, 3…)."""
    numbers = numbers or [str(i + 1) for i in range(len(answers))]
    chosen = [t for t in instrument.themes if themes is None or t.code in themes]
    rows, y = [], TOP
    for theme in chosen:
        columns: dict[int, list[Marker]] = {}
        for number, a in zip(numbers, answers, strict=True):
            value = a.score(theme.code)
            if value is None:
                continue
            first, revised = a.scores.get(theme.code, (None, None))
            shape, colour = STYLES.get(domains.get(a.domain, "anders"), STYLES["anders"])
            columns.setdefault(value, []).append(
                Marker(
                    x=x_for(value),
                    y=0,
                    number=number,
                    label=a.key,
                    shape=shape,
                    colour=colour,
                    first_x=x_for(first) if revised is not None and first not in (None, revised) else None,
                )
            )
        per_line = 3
        lines = max([(len(m) + per_line - 1) // per_line for m in columns.values()] or [1])
        height = lines * (2 * MARKER + 8) + ROW_GAP
        markers = []
        for value, group in columns.items():
            for i, marker in enumerate(group):
                offset = (i % per_line - (min(len(group), per_line) - 1) / 2) * (2 * MARKER + 4)
                line = i // per_line
                markers.append(
                    Marker(
                        x=x_for(value) + offset,
                        y=y + ROW_GAP / 2 + MARKER + 4 + line * (2 * MARKER + 8),
                        number=marker.number,
                        label=marker.label,
                        shape=marker.shape,
                        colour=marker.colour,
                        first_x=marker.first_x,
                    )
                )
        known = [v for v in columns if v != UNKNOWN]
        rows.append(
            Row(
                theme=theme.code,
                statement=theme.statement,
                y=y,
                height=height,
                markers=markers,
                range_from=x_for(min(known)) if len(known) > 1 else None,
                range_to=x_for(max(known)) if len(known) > 1 else None,
            )
        )
        y += height
    axis = [(x_for(p.value), str(p.value)) for p in instrument.scale] + [(x_for(UNKNOWN), "?")]
    legend = []
    seen = set()
    for a in answers:
        value = domains.get(a.domain, "anders")
        if a.domain not in seen:
            seen.add(a.domain)
            shape, colour = STYLES.get(value, STYLES["anders"])
            legend.append((a.domain, shape_path(shape, 0, 0, 8), colour))
    return Chart(width=LEFT + STEP * 6 + RIGHT, height=y + 8, axis=axis, rows=rows, legend=legend)
