from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gesprekstool.rounds import panels

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


@register.simple_tag(takes_context=True)
def render_theme_panels(context, shown, code, place="results") -> str:
    """The panels beside one theme (see rounds/panels.py `theme_panels`), rendered as `render_panel`
    does, with `panel_place` ("results" or "present") so a panel can fit the page; nothing when no
    app has anything for the theme."""
    if not shown or code not in shown:
        return ""
    with context.push(panel_place=place):
        html = "".join(render_panel(context, panel) for panel in shown[code])
    return mark_safe(html)  # noqa: S308 - rendered templates, escaped by them


@register.simple_tag
def round_links(place: str, **page) -> list:
    """The links apps registered for a place of a round's pages (see rounds/panels.py `register_link`):
    `{% round_links "round" round_=round as extra_links %}`."""
    return panels.links(place, **page)
