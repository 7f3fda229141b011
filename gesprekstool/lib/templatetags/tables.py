"""{% table %}: the one place for the markup of a data table (NL Design System, Utrecht table).

    {% load tables %}
    {% table _("Name") _("Role") caption=_("Members") hide_caption=True %}
      {% for m in members %}<tr class="utrecht-table__row">…</tr>{% endfor %}
    {% endtable %}

The positional arguments are the column headers (an empty one, e.g. a label set only
`{% if membership.can_manage %}`, is left out); the block holds the rows of the body. The table
sits in a container that scrolls sideways on a phone. Options: `caption` (what the table shows,
for screen readers; `hide_caption` hides it from the eye when a heading above already says it),
`labelledby` (the id of that heading instead of a caption), `id`, `css` (more classes on the
table), `numeric_from` (the 1-based column from which the columns hold numbers: right-aligned),
`empty` (the sentence that stands instead of the table when the body has no rows).
"""

import re

from django import template
from django.template.base import token_kwargs
from django.utils.html import format_html, format_html_join

register = template.Library()


class TableNode(template.Node):
    def __init__(self, columns, options, nodelist):
        self.columns, self.options, self.nodelist = columns, options, nodelist

    def render(self, context):
        columns = [label for label in (c.resolve(context) for c in self.columns) if label]
        options = {name: value.resolve(context) for name, value in self.options.items()}
        rows = self.nodelist.render(context)
        if options.get("empty") and not rows.strip():
            return format_html('<p class="utrecht-paragraph">{}</p>', options["empty"])
        numeric_from = int(options.get("numeric_from") or 0)
        head = format_html_join(
            "\n    ",
            '<th class="utrecht-table__header-cell{}" scope="col">{}</th>',
            (
                (" gt-number" if numeric_from and n >= numeric_from else "", label)
                for n, label in enumerate(columns, start=1)
            ),
        )
        caption = ""
        if options.get("caption"):
            caption = format_html(
                '\n  <caption class="utrecht-table__caption{}">{}</caption>',
                " gt-visually-hidden" if options.get("hide_caption") else "",
                options["caption"],
            )
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
        return format_html(
            '<div class="utrecht-table-container gt-table-scroll">\n'
            '<table class="utrecht-table utrecht-table--html-table{}"{}>{}\n'
            '  <thead class="utrecht-table__header"><tr class="utrecht-table__row">\n    {}\n  </tr></thead>\n'
            '  <tbody class="utrecht-table__body">{}</tbody>\n'
            "</table>\n</div>",
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
    nodelist = parser.parse(("endtable",))
    parser.delete_first_token()
    return TableNode(columns, options, nodelist)
