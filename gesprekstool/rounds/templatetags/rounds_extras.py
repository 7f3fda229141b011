from django import template

register = template.Library()


@register.filter
def scale_label(value, instrument) -> str:
    """The tool's label for a score: 3 -> "neutraal", 6 -> "weet niet"."""
    if value in (None, ""):
        return ""
    try:
        return instrument.score_label(int(value))
    except (KeyError, ValueError):
        return ""
