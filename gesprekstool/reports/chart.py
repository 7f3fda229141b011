"""Step 1 as a dot chart for print: per theme a row, per participant a marker at the score.

Pure layout (no drawing library): returns coordinates that templates/reports/chart_step1.svg
draws. "Weet niet" has a column and a marker of its own (hollow), so it is never read as a score.
Markers that share a score stack in a small grid; with up to NUMBERED participants each marker
carries the participant's number, which the table beside the chart explains.
"""

import math
from dataclasses import dataclass

from gesprekstool.rounds.charts import domain_style, shape_path

NUMBERED = 30
BIG = 12  # up to this many participants the markers are larger

LABEL_WIDTH = 28  # the theme letter on the left
COLUMN = 62  # width of one scale column (1..5 and "weet niet")
HEADER = 34  # room for the scale labels above the rows
ROW_PADDING = 8


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    number: str  # the participant's number, or "" when the chart has too many participants
    unknown: bool
    title: str  # e.g. "Deelnemer 2 (Gezondheid): 4"
    radius: float
    path: str = ""  # the domain's shape (rounds.charts: the same on screen and in print)
    colour: str = ""

    @property
    def text_y(self) -> float:
        """Baseline for the number, so that it sits in the middle of the marker."""
        return round(self.y + self.radius * 0.38, 2)


@dataclass(frozen=True)
class Row:
    code: str
    y: float  # top of the row
    height: float
    markers: tuple[Marker, ...]

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    radius: float
    columns: tuple[tuple[float, str], ...]  # (x of the column's centre, label)
    rows: tuple[Row, ...]
    numbered: bool

    @property
    def gridlines(self) -> tuple[float, ...]:
        """x of the borders between columns, for light vertical lines."""
        return tuple(LABEL_WIDTH + COLUMN * i for i in range(len(self.columns) + 1))

    @property
    def font_size(self) -> float:
        return self.radius * 1.05


def column_x(value: int) -> float:
    """Centre of the column for score `value` (1..5; 6 is "weet niet", the last column)."""
    return LABEL_WIDTH + COLUMN * (value - 0.5)


def step1_chart(step1, *, scale_labels: list[str], unknown_label: str, unknown_value: int) -> Chart:
    """Lay out `RoundResults.step1`: current scores (revised where revised), one row per theme."""
    participants = len(step1[0].cells) if step1 else 0
    numbered = participants <= NUMBERED
    radius = 9.0 if participants <= BIG else 7.0 if numbered else 4.0
    pitch = radius * 2 + 2
    per_line = max(1, int((COLUMN - 4) // pitch))
    rows = []
    y = float(HEADER)
    for row in step1:
        by_value: dict[int, list] = {}
        for cell in row.cells:
            value = cell.revised if cell.revised is not None else cell.first
            if value is not None:
                by_value.setdefault(value, []).append(cell.participant)
        lines = max((math.ceil(len(ps) / per_line) for ps in by_value.values()), default=1)
        height = lines * pitch + 2 * ROW_PADDING
        markers = []
        for value, people in sorted(by_value.items()):
            used = min(len(people), per_line)
            left = column_x(value) - (used - 1) * pitch / 2
            top = y + ROW_PADDING + (lines - math.ceil(len(people) / per_line)) * pitch / 2
            for i, p in enumerate(people):
                line, place = divmod(i, per_line)
                shape, colour = domain_style(p.domain)
                x, y_ = left + place * pitch, top + radius + 1 + line * pitch
                markers.append(
                    Marker(
                        x=x,
                        y=y_,
                        number=str(p.position) if numbered else "",
                        unknown=value == unknown_value,
                        title=f"{p.shown_name}: {unknown_label if value == unknown_value else value}",
                        radius=radius,
                        path=shape_path(shape, x, y_, radius),
                        colour=colour,
                    )
                )
        rows.append(Row(code=row.theme.code, y=y, height=height, markers=tuple(markers)))
        y += height
    labels = [*scale_labels, unknown_label]
    columns = tuple((column_x(i), label) for i, label in enumerate(labels, start=1))
    return Chart(
        width=LABEL_WIDTH + COLUMN * len(columns),
        height=y + 2,
        radius=radius,
        columns=columns,
        rows=tuple(rows),
        numbered=numbered,
    )
