from django import template
from django.utils.translation import gettext as _

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


@register.filter
def evidence_text(evidence, instrument) -> str:
    """One line of what an observation rests on: "thema D: 5", "vraag 12: “Nee.”"."""
    if evidence.item in {t.code for t in instrument.themes}:
        unknown = instrument.unknown
        value = unknown.label if evidence.value == unknown.value else evidence.value
        return _("theme %(theme)s: %(value)s") % {"theme": evidence.item, "value": value}
    try:
        option = instrument.option(evidence.item)
    except KeyError:
        return str(evidence.item)
    question = next(q for q in instrument.questions if option in q.options)
    if evidence.value == "":
        return _("question %(number)s: did not tick “%(option)s”") % {
            "number": question.number,
            "option": option.text,
        }
    return _("question %(number)s: “%(option)s”") % {"number": question.number, "option": option.text}


@register.simple_tag(takes_context=True)
def render_panel(context, panel) -> str:
    """A results panel (see rounds/panels.py), rendered as `{% include %}` would: the page's
    variables plus the panel's own."""
    panel_template = context.template.engine.get_template(panel.template)
    with context.push(panel.context):
        return panel_template.render(context)
