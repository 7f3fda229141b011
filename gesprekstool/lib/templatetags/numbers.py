"""{{ value|average }}: an average with the one rounding rule of gesprekstool.lib.numbers."""

from django import template

from gesprekstool.lib.numbers import average_text

register = template.Library()


@register.filter
def average(value) -> str:
    """ "3,3" for 3.25; "–" for None."""
    return "–" if value is None else average_text(value)
