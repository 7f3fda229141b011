"""The step-1 chart for print (the PDF report and the Word memo): rounds.charts' layout and marker
vocabulary, laid out for paper. The screen's code stays in rounds/charts.py; this module holds only
what paper needs differently:

- markers that share a score sit side by side and shrink as the round grows (a round of 300 fits on
  a page); numbers only up to PRINT_NUMBERED participants;
- "weet niet" hollow, in its domain's shape and colour, under its own word instead of "?";
- the legend inside the picture (the Word memo shows the chart as an image), naming each domain's
  shape and colour;
- presentation attributes instead of the site's CSS (WeasyPrint and cairosvg draw it without the
  page's stylesheet), no per-marker titles (paper has no pointer), drawn at PRINT_SCALE.

The same columns (x_for), rows, numbers, legend entries and shapes/colours (domain_style,
GROUP_STYLE) as on screen. The SVG is reports/chart_step1.svg.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from gesprekstool.instrument import Instrument

from .charts import (
    GROUP_STYLE,
    LEFT,
    MARKER,
    RIGHT,
    ROW_GAP,
    STEP,
    TOP,
    Chart,
    Marker,
    Row,
    chart_legend,
    domain_style,
    shape_path,
    x_for,
)
from .observations import Answers

PRINT_NUMBERED = 30  # up to this many participants, printed markers carry their number
PRINT_BIG = 12  # up to this many, printed markers are as large as on screen
PRINT_SCALE = 0.62  # layout units -> printed px: the chart is 400 px (106 mm) wide in the PDF
PRINT_GAP = 2  # between two markers side by side
KEY_HEIGHT = 24  # one line of the printed legend
KEY_FONT = 16  # its text: 10 px in print, as the chart's other small texts
KEY_RADIUS = 8  # the legend's markers (as chart_legend draws them)


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
        # No range bar on paper: the table beside the chart gives each theme's range.
        rows.append(
            PrintRow(
                theme.code, theme.statement, y, height, markers, None, None, font_size=round(radius * 1.05, 2)
            )
        )
        y += height
    axis = [(x_for(p.value), str(p.value)) for p in instrument.scale] + [
        (x_for(unknown), instrument.unknown.label)
    ]
    width = LEFT + STEP * len(axis) + RIGHT
    legend = chart_legend(answers, domains)
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
    Text widths are estimated: Liberation Sans averages a little under half its size per character (measured: 0.45)."""
    entries = [(label, path, colour, False) for label, path, colour in legend]
    if unknown_label:
        entries.append((unknown_label, shape_path("circle", 0, 0, KEY_RADIUS), "#595959", True))
    keys = []
    x, line = float(LEFT), 0
    for label, path, colour, hollow in entries:
        size = 2 * KEY_RADIUS + 6 + KEY_FONT * 0.47 * len(str(label)) + 18
        if x + size > width and x > LEFT:
            x, line = float(LEFT), line + 1
        y = top + 16 + KEY_RADIUS + line * KEY_HEIGHT
        keys.append(
            LegendKey(x=x + KEY_RADIUS, y=y, label=str(label), path=path, colour=colour, hollow=hollow)
        )
        x += size
    height = 16 + (line + 1) * KEY_HEIGHT + 4 if keys else 8
    return tuple(keys), height
