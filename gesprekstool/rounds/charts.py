"""Step 1 as a dot chart: per theme a row, per participant a marker at the score.

Pure layout: returns coordinates for the SVG template (rounds/chart_step1.html). Each
domain has its own marker shape as well as its own colour (`domain_style`), so colour never
carries the meaning alone; every marker is numbered after its participant. Equal scores stack
vertically at their value; answers not handed in yet get a dashed ring.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from gesprekstool.instrument import Instrument

from .models import Participant
from .observations import Answers

LEFT, RIGHT, TOP = 56, 16, 40
# Up to this many participants the chart draws a numbered marker per participant and the results
# page shows the score table with a column per participant. Above it, the chart draws one marker
# per score and domain with the number of participants in it (`stacked`), and the table is sent on
# request: at 300 participants 1,800 markers made the pages slow to send and impossible to read
# (docs/performance.md).
PER_PARTICIPANT_UP_TO = 40
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
    pending: bool = False  # not handed in yet: drawn with a dashed ring

    @property
    def ring(self) -> str:
        return shape_path("circle", self.x, self.y, MARKER + 4)

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
        """The row's markers as SVG elements: each marker's path with its number, for a revised
        score a line from the first score's circle, and a dashed ring around answers not handed in. Built here rather than with a template loop:
        a round of 300 has 1,800 markers, and the template's per-variable look-ups took half the
        time of the presenter's update (docs/performance.md)."""
        return format_html_join(
            "\n", "{}{}{}", ((_revision_svg(m), _pending_svg(m), _marker_svg(m)) for m in self.markers)
        )


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


def _pending_svg(m: Marker) -> SafeString:
    if not m.pending:
        return SafeString("")
    return format_html('<path d="{}" class="gt-chart__pending"/>', m.ring)


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
    pending: bool = False  # some markers belong to answers not handed in yet
    stacked: bool = False  # a marker per score and domain with a count, not one per participant


def x_for(value: int) -> float:
    return LEFT + STEP * (value - 0.5)


_T = 0.45
# Polygon outlines as offsets from the centre, in units of the marker radius.
POLYGONS = {
    "square": [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
    "triangle": [(0, -1.15), (1.1, 0.85), (-1.1, 0.85)],
    "triangle-down": [(0, 1.15), (1.1, -0.85), (-1.1, -0.85)],
    "diamond": [(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)],
    "hexagon": [(-1, 0), (-0.5, -0.87), (0.5, -0.87), (1, 0), (0.5, 0.87), (-0.5, 0.87)],
    "cross": [
        (-_T, -1), (_T, -1), (_T, -_T), (1, -_T), (1, _T), (_T, _T),
        (_T, 1), (-_T, 1), (-_T, _T), (-1, _T), (-1, -_T), (-_T, -_T),
    ],
    # A five-pointed star: points at 1.2, inner corners at 0.55.
    "star": [
        ((1.2 if i % 2 == 0 else 0.55) * math.cos(math.pi / 5 * i - math.pi / 2),
         (1.2 if i % 2 == 0 else 0.55) * math.sin(math.pi / 5 * i - math.pi / 2))
        for i in range(10)
    ],
}  # fmt: skip


def shape_path(shape: str, x: float, y: float, r: float) -> str:
    """The one marker-shape function: an SVG path of `shape` centred on (x, y) with radius r, for
    every chart on screen and in print (rounds, monitoring)."""
    if shape == "circle":
        return f"M{x - r},{y} a{r},{r} 0 1,0 {2 * r},0 a{r},{r} 0 1,0 {-2 * r},0"
    return "M" + " L".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in POLYGONS[shape]) + " z"


LINE = 2 * MARKER + 6  # vertical distance between two stacked markers


def _theme_markers(
    theme: str, answers: list[Answers], numbers: list[str], domains: dict[str, str], *, top: float
) -> tuple[list[Marker], int]:
    """The markers of one theme and how many lines they take. Equal scores stack on top of each other
    at exactly their value (side by side they would read as 2.85 and 3.15). A revised score also
    keeps its first score's place on its line free, so the open circle is never under a marker."""
    taken: set[tuple[int, int]] = set()
    markers = []
    for number, a in zip(numbers, answers, strict=True):
        value = a.score(theme)
        if value is None:
            continue
        first, revised = a.scores.get(theme, (None, None))
        was_revised = revised is not None and first not in (None, revised)
        needs = {value, first} if was_revised else {value}
        line = 0
        while any((v, line) in taken for v in needs):
            line += 1
        taken.update((v, line) for v in needs)
        shape, colour = GROUP_STYLE if a.is_group else domain_style(domains.get(a.domain, "anders"))
        markers.append(
            Marker(
                x=x_for(value),
                y=top + ROW_GAP / 2 + MARKER + 4 + line * LINE,
                number=number,
                label=a.key,
                shape=shape,
                colour=colour,
                first_x=x_for(first) if was_revised else None,
                pending=not a.finished,
            )
        )
    lines = max((line for _v, line in taken), default=0) + 1
    return markers, lines


def _stacked_markers(
    theme: str, answers: list[Answers], domains: dict[str, str], *, top: float
) -> tuple[list[Marker], int]:
    """The markers of one theme for a large round: one per score, domain and state (handed in or
    not), numbered with how many participants it stands for, stacked at the score in the order the
    domains first appear (as in the legend). Revised scores count at their new score."""
    order: dict[str, int] = {}
    counts: dict[tuple[int, int, bool], int] = {}
    first_of: dict[int, Answers] = {}
    for a in answers:
        rank = order.setdefault(a.domain, len(order))
        first_of.setdefault(rank, a)
        value = a.score(theme)
        if value is None:
            continue
        key = (value, rank, not a.finished)
        counts[key] = counts.get(key, 0) + 1
    markers, lines = [], {}
    for value, rank, pending in sorted(counts):
        a = first_of[rank]
        line = lines.get(value, 0)
        lines[value] = line + 1
        shape, colour = GROUP_STYLE if a.is_group else domain_style(domains.get(a.domain, "anders"))
        count = counts[value, rank, pending]
        markers.append(
            Marker(
                x=x_for(value),
                y=top + ROW_GAP / 2 + MARKER + 4 + line * LINE,
                number=str(count),
                label=f"{a.domain}: {count}",
                shape=shape,
                colour=colour,
                first_x=None,
                pending=pending,
            )
        )
    return markers, max(lines.values(), default=1)


def domain_style(domain: str) -> tuple[str, str]:
    """The one marker vocabulary: a domain's (shape, colour), the same on every chart (results,
    presenter, progress). `domain` is Participant.Domain's value; unknown ones look like "anders"."""
    return STYLES.get(domain, STYLES["anders"])


# The group as a whole (the average of everyone, or a joint round's shared form) on charts that
# also show domains: a shape and colour no domain has.
GROUP_STYLE = ("cross", "#000000")


def step1_chart(
    instrument: Instrument,
    answers: list[Answers],
    domains: dict[str, str],
    *,
    numbers: list[str] | None = None,
    themes: list[str] | None = None,
    per_participant_up_to: int = PER_PARTICIPANT_UP_TO,
) -> Chart:
    """Lay out the chart. `domains` maps each answer's domain display name to its value
    (for the marker style); `numbers` are the marker labels (default 1, 2, 3…). With more than
    `per_participant_up_to` answers the markers are stacked per score and domain (`Chart.stacked`)."""
    numbers = numbers or [str(i + 1) for i in range(len(answers))]
    stacked = len(answers) > per_participant_up_to
    chosen = [t for t in instrument.themes if themes is None or t.code in themes]
    rows, y = [], TOP
    for theme in chosen:
        if stacked:
            markers, lines = _stacked_markers(theme.code, answers, domains, top=y)
        else:
            markers, lines = _theme_markers(theme.code, answers, numbers, domains, top=y)
        height = lines * LINE + ROW_GAP
        known = sorted({a.score(theme.code) for a in answers} - {None, instrument.unknown.value})
        rows.append(
            Row(
                theme=theme.code,
                statement=theme.statement,
                y=y,
                height=height,
                markers=markers,
                range_from=x_for(known[0]) if len(known) > 1 else None,
                range_to=x_for(known[-1]) if len(known) > 1 else None,
            )
        )
        y += height
    axis = [(x_for(p.value), str(p.value)) for p in instrument.scale] + [
        (x_for(instrument.unknown.value), "?")
    ]
    legend = chart_legend(answers, domains)
    return Chart(
        width=LEFT + STEP * 6 + RIGHT,
        height=y + 8,
        axis=axis,
        rows=rows,
        legend=legend,
        pending=any(m.pending for row in rows for m in row.markers),
        stacked=stacked,
    )


def chart_legend(answers: list[Answers], domains: dict[str, str]) -> list[tuple[str, str, str]]:
    """Each domain once, in order of appearance: (label, its shape's path at the origin, colour)."""
    legend = []
    seen = set()
    for a in answers:
        value = domains.get(a.domain, "anders")
        if a.domain not in seen:
            seen.add(a.domain)
            shape, colour = GROUP_STYLE if a.is_group else domain_style(value)
            legend.append((a.domain, shape_path(shape, 0, 0, 8), colour))
    return legend


def domain_values() -> dict[str, str]:
    """Participant.Domain's display names (in the active language) -> values: the `domains` argument
    of step1_chart and charts_print.print_chart, as Answers carry the display name."""
    return {str(label): value for value, label in Participant.Domain.choices}
