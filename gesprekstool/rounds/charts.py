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
) -> Chart:
    """Lay out the chart. `domains` maps each answer's domain display name to its value
    (for the marker style); `numbers` are the marker labels (default 1, 2, 3…)."""
    numbers = numbers or [str(i + 1) for i in range(len(answers))]
    chosen = [t for t in instrument.themes if themes is None or t.code in themes]
    rows, y = [], TOP
    for theme in chosen:
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
    legend = _legend(answers, domains)
    return Chart(
        width=LEFT + STEP * 6 + RIGHT,
        height=y + 8,
        axis=axis,
        rows=rows,
        legend=legend,
        pending=any(m.pending for row in rows for m in row.markers),
    )


def _legend(answers: list[Answers], domains: dict[str, str]) -> list[tuple[str, str, str]]:
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
    of step1_chart and print_chart, as Answers carry the display name."""
    return {str(label): value for value, label in Participant.Domain.choices}


# --- Print: the PDF report and the Word memo ------------------------------------------------------------
# The same chart as on screen: the same columns (x_for), rows, numbers, legend and marker vocabulary
# (domain_style, GROUP_STYLE). What paper needs differently lives below, apart from the screen's code:
# markers that share a score sit side by side and shrink as the round grows (a round of 300 fits on a
# page), numbers only up to PRINT_NUMBERED participants, "weet niet" hollow under its own word, the
# legend inside the picture (the Word memo shows the chart as an image), presentation attributes
# instead of the site's CSS, no per-marker titles (paper has no pointer), drawn PRINT_SCALE as large.
# The SVG is reports/chart_step1.svg.

PRINT_NUMBERED = 30  # up to this many participants, printed markers carry their number
PRINT_BIG = 12  # up to this many, printed markers are as large as on screen
PRINT_SCALE = 0.62  # layout units -> printed px: the chart is 400 px (106 mm) wide in the PDF
PRINT_GAP = 2  # between two markers side by side
KEY_HEIGHT = 22  # one line of the printed legend
KEY_RADIUS = 8  # the legend's markers (as _legend draws them)


@dataclass(frozen=True)
class PrintMarker(Marker):
    radius: float = MARKER
    unknown: bool = False  # "weet niet": drawn hollow, in its domain's shape and colour

    @property
    def path(self) -> str:
        return shape_path(self.shape, self.x, self.y, self.radius)

    @property
    def text_y(self) -> float:
        """Baseline for the number, so that it sits in the middle of the marker."""
        return round(self.y + self.radius * 0.38, 2)


@dataclass(frozen=True)
class PrintRow(Row):
    font_size: float = 12

    def markers_svg(self) -> SafeString:
        """The row's markers with their numbers, drawn with attributes rather than the site's classes
        (WeasyPrint and cairosvg draw the SVG without the page's CSS)."""
        return format_html_join("\n", "{}", ((_print_marker_svg(m, self.font_size),) for m in self.markers))


def _print_marker_svg(m: PrintMarker, font_size: float) -> SafeString:
    if m.unknown:
        shape = format_html(
            '<path d="{}" fill="#ffffff" stroke="{}" stroke-width="1.5" stroke-dasharray="2 1.5"/>',
            m.path,
            m.colour,
        )
    else:
        shape = format_html('<path d="{}" fill="{}" stroke="#ffffff" stroke-width="0.75"/>', m.path, m.colour)
    if not m.number:
        return shape
    return format_html(
        '{}<text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{}">{}</text>',
        shape,
        m.x,
        m.text_y,
        font_size,
        m.colour if m.unknown else "#ffffff",
        m.number,
    )


@dataclass(frozen=True)
class LegendKey:
    x: float  # the centre of the key's marker
    y: float
    label: str
    path: str  # the shape at the origin (Chart.legend)
    colour: str
    hollow: bool = False  # the key for "weet niet"


@dataclass(frozen=True)
class PrintChart(Chart):
    radius: float = MARKER
    numbered: bool = True
    keys: tuple[LegendKey, ...] = ()

    @property
    def print_width(self) -> float:
        return round(self.width * PRINT_SCALE, 1)

    @property
    def print_height(self) -> float:
        return round(self.height * PRINT_SCALE, 1)

    @property
    def gridlines(self) -> list[float]:
        """x of the borders between the columns, for light vertical lines."""
        return [x_for(0.5 + i) for i in range(len(self.axis) + 1)]

    @property
    def rows_bottom(self) -> float:
        return self.rows[-1].bottom if self.rows else TOP


def print_size(participants: int) -> tuple[float, bool]:
    """The printed markers' radius, and whether they carry numbers, for a round of `participants`."""
    if participants <= PRINT_BIG:
        return float(MARKER), True
    if participants <= PRINT_NUMBERED:
        return 10.0, True
    return 6.0, False


def print_chart(
    instrument: Instrument,
    answers: list[Answers],
    domains: dict[str, str],
    *,
    numbers: list[str] | None = None,
) -> PrintChart:
    """Lay out the chart for print: the current scores (revised where revised), one row per theme.
    Arguments as step1_chart's."""
    numbers = numbers or [str(i + 1) for i in range(len(answers))]
    radius, numbered = print_size(len(answers))
    pitch = radius * 2 + PRINT_GAP
    per_line = max(1, int((STEP - 8) // pitch))
    unknown = instrument.unknown.value
    rows, y = [], float(TOP)
    for theme in instrument.themes:
        by_value: dict[int, list[tuple[str, Answers]]] = {}
        for number, a in zip(numbers, answers, strict=True):
            if (value := a.score(theme.code)) is not None:
                by_value.setdefault(value, []).append((number, a))
        lines = max((math.ceil(len(people) / per_line) for people in by_value.values()), default=1)
        height = lines * pitch + ROW_GAP
        markers = []
        for value, people in sorted(by_value.items()):
            left = x_for(value) - (min(len(people), per_line) - 1) * pitch / 2
            top = y + ROW_GAP / 2 + (lines - math.ceil(len(people) / per_line)) * pitch / 2
            for i, (number, a) in enumerate(people):
                line, place = divmod(i, per_line)
                shape, colour = GROUP_STYLE if a.is_group else domain_style(domains.get(a.domain, "anders"))
                markers.append(
                    PrintMarker(
                        x=round(left + place * pitch, 2),
                        y=round(top + radius + PRINT_GAP / 2 + line * pitch, 2),
                        number=number if numbered else "",
                        label=a.key,
                        shape=shape,
                        colour=colour,
                        first_x=None,
                        pending=not a.finished,
                        radius=radius,
                        unknown=value == unknown,
                    )
                )
        known = sorted(by_value.keys() - {unknown})
        rows.append(
            PrintRow(
                theme=theme.code,
                statement=theme.statement,
                y=y,
                height=height,
                markers=markers,
                range_from=x_for(known[0]) if len(known) > 1 else None,
                range_to=x_for(known[-1]) if len(known) > 1 else None,
                font_size=round(radius * 1.05, 2),
            )
        )
        y += height
    axis = [(x_for(p.value), str(p.value)) for p in instrument.scale] + [
        (x_for(unknown), instrument.unknown.label)
    ]
    width = LEFT + STEP * len(axis) + RIGHT
    legend = _legend(answers, domains)
    some_unknown = any(m.unknown for row in rows for m in row.markers)
    keys, legend_height = _print_keys(
        legend, instrument.unknown.label if some_unknown else None, top=y, width=width
    )
    return PrintChart(
        width=width,
        height=y + legend_height,
        axis=axis,
        rows=rows,
        legend=legend,
        pending=any(m.pending for row in rows for m in row.markers),
        radius=radius,
        numbered=numbered,
        keys=keys,
    )


def _print_keys(
    legend: list[tuple[str, str, str]], unknown_label: str | None, *, top: float, width: float
) -> tuple[tuple[LegendKey, ...], float]:
    """The legend below the rows: each domain's shape and colour with its name, then the hollow marker
    of "weet niet", flowing onto a new line where the chart ends. Returns the keys and their height.
    Text widths are estimated (the average character of a 13-unit sans-serif font is 7 units wide)."""
    entries = [(label, path, colour, False) for label, path, colour in legend]
    if unknown_label:
        entries.append((unknown_label, shape_path("circle", 0, 0, KEY_RADIUS), "#595959", True))
    keys = []
    x, line = float(LEFT), 0
    for label, path, colour, hollow in entries:
        size = 2 * KEY_RADIUS + 6 + 7 * len(str(label)) + 18
        if x + size > width and x > LEFT:
            x, line = float(LEFT), line + 1
        y = top + 16 + KEY_RADIUS + line * KEY_HEIGHT
        keys.append(
            LegendKey(x=x + KEY_RADIUS, y=y, label=str(label), path=path, colour=colour, hollow=hollow)
        )
        x += size
    height = 16 + (line + 1) * KEY_HEIGHT + 4 if keys else 8
    return tuple(keys), height
