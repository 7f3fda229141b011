"""Filters of the PDF report: the first texts of a long list, and how many are left out."""

from django import template

register = template.Library()


@register.filter
def first(items, limit: int | None) -> list:
    """The first `limit` items (all of them when `limit` is None)."""
    return list(items) if limit is None else list(items)[:limit]


@register.filter
def left_out(items, limit: int | None) -> int:
    """How many items `first` leaves out."""
    return 0 if limit is None else max(0, len(items) - limit)


@register.filter
def filled_by_colour(markers) -> list[tuple[str, str]]:
    """The scored markers of a chart row as one SVG path per colour: (colour, path). Over 30
    participants a marker carries no number and no tooltip, so 1,800 separate elements (300
    participants) draw the same as a few paths, at a fraction of WeasyPrint's time and memory."""
    paths: dict[str, list[str]] = {}
    for marker in markers:
        if not marker.unknown:
            paths.setdefault(marker.colour, []).append(marker.path)
    return [(colour, " ".join(parts)) for colour, parts in paths.items()]


@register.filter
def unknown_outlines(markers) -> str:
    """The hollow "weet niet" markers of a chart row as one SVG path of circles ("" when none)."""
    from gesprekstool.rounds.charts import shape_path  # noqa: PLC0415 - the one marker-shape function

    return " ".join(shape_path("circle", m.x, m.y, m.radius) for m in markers if m.unknown)
