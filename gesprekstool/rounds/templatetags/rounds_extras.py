import html

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines
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
def evidence_items(evidence, instrument) -> SafeString:
    """The items of an observation's "based on" list, escaped: `<li>name – what</li>`, where what is
    "thema D: 5" or "vraag 12: “Nee.”". One filter for the whole list, with the questions looked
    up once: at 300 participants the results page lists about a thousand (docs/performance.md)."""
    themes = {t.code for t in instrument.themes}
    question_of = {o.code: q for q in instrument.questions for o in q.options}
    return mark_safe(  # noqa: S308 - escaped here
        "".join(
            f"<li>{html.escape(e.participant)} – {html.escape(_evidence_text(e, instrument, themes, question_of))}</li>"
            for e in evidence
        )
    )


def _evidence_text(evidence, instrument, themes: set[str], question_of: dict) -> str:
    if evidence.item in themes:
        unknown = instrument.unknown
        value = unknown.label if evidence.value == unknown.value else evidence.value
        return _("theme %(theme)s: %(value)s") % {"theme": evidence.item, "value": value}
    try:
        option = instrument.option(evidence.item)
    except KeyError:
        return str(evidence.item)
    question = question_of[option.code]
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


@register.filter
def shown_names(participants) -> SafeString:
    """The participants' shown names, escaped and separated by commas. A results page of 300
    lists some 8,000 names under the step-2 options; a template loop took a large part of its
    rendering time (docs/performance.md)."""
    return mark_safe(", ".join(escape(p.shown_name) for p in participants))  # noqa: S308 - escaped here


@register.filter
def quoted_words(answers) -> SafeString:
    """The items of a list of what participants wrote with an option, as (participant, text):
    `<li><strong>name:</strong> <q>text</q></li>`, escaped. Built here rather than in a template
    loop: a results page of 300 shows some 1,900 of them and 700 remarks (docs/performance.md).
    `html.escape` is what Django's `escape` does, without its check for lazy strings per call."""
    return mark_safe(  # noqa: S308 - escaped here
        "".join(
            f"<li><strong>{html.escape(p.shown_name)}:</strong> <q>{html.escape(text)}</q></li>"
            for p, text in answers
        )
    )


@register.filter
def remarks(answers, item_class: str = "") -> SafeString:
    """The items of a list of comments or notes, as (participant, text): `<li><strong>name:</strong>
    text</li>`, escaped and with its line breaks kept; `item_class` is the items' class (see
    `quoted_words` for why this is not a template loop)."""
    opening = f'<li class="{html.escape(item_class)}">' if item_class else "<li>"
    return mark_safe(  # noqa: S308 - escaped here
        "".join(
            f"{opening}<strong>{html.escape(p.shown_name)}:</strong> {_with_breaks(text)}</li>"
            for p, text in answers
        )
    )


def _with_breaks(text: str) -> str:
    """Django's `linebreaksbr` on a plain string: escaped, each line break a `<br>`."""
    return html.escape(normalize_newlines(text)).replace("\n", "<br>")


@register.simple_tag
def round_links(place: str, **page) -> list:
    """The links apps registered for a place of a round's pages (see rounds/panels.py `register_link`):
    `{% round_links "round" round_=round as extra_links %}`."""
    return panels.links(place, **page)
