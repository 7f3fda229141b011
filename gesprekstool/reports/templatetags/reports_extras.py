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
