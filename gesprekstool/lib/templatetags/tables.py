"""{% table %}: the one place for the markup of a data table (NL Design System, Utrecht table).

    {% load tables %}
    {% table _("Name") _("Role") caption=_("Members") hide_caption=True %}
      {% for m in members %}<tr class="utrecht-table__row">…</tr>{% endfor %}
    {% endtable %}

The positional arguments are the column headers (an empty one, e.g. a label set only
`{% if membership.can_manage %}`, is left out); the block holds the rows of the body. Options:
`caption` (what the table shows, for screen readers; `hide_caption` hides it from the eye when a
heading above already says it), `labelledby` (the id of that heading instead of a caption), `id`,
`css` (more classes on the table), `numeric` (the 1-based column that holds numbers, right-aligned:
`numeric=2`, or a range `numeric="2-7"`), `empty` (the sentence that stands instead of the table
when the body has no rows). A table needs a `caption` or `labelledby`: the tag refuses one without.

The table sits in a container that scrolls sideways when it is wider than the screen (a phone, or
400 % zoom: WCAG 1.4.10). So that a keyboard can scroll it too (WCAG 2.1.1; only Chromium makes a
scroller focusable by itself), the container is always a named region and a tab stop:
`role="region" tabindex="0"`, `aria-labelledby` the `labelledby` heading or else the caption, whose
id is `<id>-caption`, or a generated unique one when the table has no `id` (unique across requests,
so that an htmx fragment never repeats an id of the page it lands in). site.css gives it the
NL Design System focus ring. Always, not only for tables known to be wide: at 320 and at 390 CSS
pixels each table measured (rounds, team, agenda, actions, local figures) was wider than the screen
with one short row, and the server cannot tell how wide a table will be drawn.
"""

import re
from uuid import uuid4

from django import template
from django.template.base import token_kwargs
from django.utils.html import format_html, format_html_join

register = template.Library()


def _numeric_columns(value) -> range:
    """The columns `numeric` names: `2` or `"2-7"` (1-based); no columns when it is not given."""
    if not value:
        return range(0)
    first, _, last = str(value).partition("-")
    return range(int(first), int(last or first) + 1)


class TableNode(template.Node):
    def __init__(self, columns, options, nodelist):
        self.columns, self.options, self.nodelist = columns, options, nodelist

    def render(self, context):
        columns = [label for label in (c.resolve(context) for c in self.columns) if label]
        options = {name: value.resolve(context) for name, value in self.options.items()}
        rows = self.nodelist.render(context)
        if options.get("empty") and not rows.strip():
            return format_html('<p class="utrecht-paragraph">{}</p>', options["empty"])
        numeric = _numeric_columns(options.get("numeric"))
        head = format_html_join(
            "\n    ",
            '<th class="utrecht-table__header-cell{}" scope="col">{}</th>',
            (
                (" utrecht-table__header-cell--numeric-column" if n in numeric else "", label)
                for n, label in enumerate(columns, start=1)
            ),
        )
        # The region's name: the heading the table is labelled by, else the caption (which then needs an id).
        region_label, caption = options.get("labelledby"), ""
        if options.get("caption"):
            caption_id = "" if region_label else f"{options.get('id') or 'table-' + uuid4().hex[:12]}-caption"
            caption = format_html(
                '\n  <caption class="utrecht-table__caption{}"{}>{}</caption>',
                " gt-visually-hidden" if options.get("hide_caption") else "",
                format_html(' id="{}"', caption_id) if caption_id else "",
                options["caption"],
            )
            region_label = region_label or caption_id
        attributes = format_html_join(
            "",
            ' {}="{}"',
            (
                (name, options[key])
                for key, name in (("id", "id"), ("labelledby", "aria-labelledby"))
                if options.get(key)
            ),
        )
        css = f" {options['css']}" if options.get("css") else ""
        region = (
            format_html(' tabindex="0" role="region" aria-labelledby="{}"', region_label)
            if region_label
            else ""
        )
        return format_html(
            '<div class="utrecht-table-container gt-table-scroll"{}>\n'
            '<table class="utrecht-table utrecht-table--html-table{}"{}>{}\n'
            '  <thead class="utrecht-table__header"><tr class="utrecht-table__row">\n    {}\n  </tr></thead>\n'
            '  <tbody class="utrecht-table__body">{}</tbody>\n'
            "</table>\n</div>",
            region,
            css,
            attributes,
            caption,
            head,
            rows,
        )


@register.tag
def table(parser, token):
    bits = token.split_contents()[1:]
    columns = []
    while bits and not re.match(r"\w+=", bits[0]):
        columns.append(parser.compile_filter(bits.pop(0)))
    options = token_kwargs(bits, parser)
    if bits:
        raise template.TemplateSyntaxError(
            f"table: cannot read {bits!r} (columns first, then name=value options)"
        )
    if "caption" not in options and "labelledby" not in options:
        raise template.TemplateSyntaxError(
            "table: give it a caption or labelledby (its scroll region is named by it)"
        )
    nodelist = parser.parse(("endtable",))
    parser.delete_first_token()
    return TableNode(columns, options, nodelist)
