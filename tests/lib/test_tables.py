"""{% table %}: the one markup of a data table."""

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load tables %}" + source).render(Context(context))


def test_table_renders_the_utrecht_markup_around_the_rows():
    html = render(
        '{% table "Naam" "Aantal" caption="Leden" hide_caption=True numeric_from=2 id="t" %}'
        "<tr><td>x</td></tr>{% endtable %}"
    )

    assert html == (
        '<div class="utrecht-table-container gt-table-scroll">\n'
        '<table class="utrecht-table utrecht-table--html-table" id="t">\n'
        '  <caption class="utrecht-table__caption gt-visually-hidden">Leden</caption>\n'
        '  <thead class="utrecht-table__header"><tr class="utrecht-table__row">\n'
        '    <th class="utrecht-table__header-cell" scope="col">Naam</th>\n'
        '    <th class="utrecht-table__header-cell gt-number" scope="col">Aantal</th>\n'
        "  </tr></thead>\n"
        '  <tbody class="utrecht-table__body"><tr><td>x</td></tr></tbody>\n'
        "</table>\n</div>"
    )


def test_table_leaves_out_an_empty_column_and_escapes_labels():
    html = render(
        '{% table "Naam" remove label labelledby="kop" css="gt-x" %}{% endtable %}', label="<b>", remove=""
    )

    assert '<table class="utrecht-table utrecht-table--html-table gt-x" aria-labelledby="kop">' in html
    assert html.count("<th ") == 2
    assert "&lt;b&gt;" in html
    assert "<caption" not in html


def test_table_gives_way_to_the_empty_sentence_when_it_has_no_rows():
    source = (
        '{% table "Naam" empty="Nog geen leden." %}{% for m in members %}<tr></tr>{% endfor %}{% endtable %}'
    )

    assert render(source, members=[]) == '<p class="utrecht-paragraph">Nog geen leden.</p>'
    assert "<table" in render(source, members=["x"])
