"""{% table %}: the one markup of a data table."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context) -> str:
    return Template("{% load tables %}" + source).render(Context(context))


def test_table_renders_the_utrecht_markup_around_the_rows():
    html = render(
        '{% table "Naam" "Aantal" caption="Leden" hide_caption=True numeric=2 id="t" %}'
        "<tr><td>x</td></tr>{% endtable %}"
    )

    assert html == (
        '<div class="utrecht-table-container gt-table-scroll" tabindex="0" role="region" '
        'aria-labelledby="t-caption">\n'
        '<table class="utrecht-table utrecht-table--html-table" id="t">\n'
        '  <caption class="utrecht-table__caption gt-visually-hidden" id="t-caption">Leden</caption>\n'
        '  <thead class="utrecht-table__header"><tr class="utrecht-table__row">\n'
        '    <th class="utrecht-table__header-cell" scope="col">Naam</th>\n'
        '    <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">'
        "Aantal</th>\n"
        "  </tr></thead>\n"
        '  <tbody class="utrecht-table__body"><tr><td>x</td></tr></tbody>\n'
        "</table>\n</div>"
    )


def test_table_marks_a_range_of_numeric_columns():
    html = render('{% table "Ronde" "Acties" "Klaar" "Open" caption="Acties" numeric="2-3" %}{% endtable %}')

    assert html.count("header-cell--numeric-column") == 2
    assert 'numeric-column" scope="col">Acties<' in html
    assert 'numeric-column" scope="col">Klaar<' in html


def test_table_leaves_out_an_empty_column_and_escapes_labels():
    html = render(
        '{% table "Naam" remove label labelledby="kop" css="gt-x" %}{% endtable %}', label="<b>", remove=""
    )

    assert '<table class="utrecht-table utrecht-table--html-table gt-x" aria-labelledby="kop">' in html
    assert html.count("<th ") == 2
    assert "&lt;b&gt;" in html
    assert "<caption" not in html


def test_table_region_is_named_by_the_labelledby_heading_rather_than_the_caption():
    html = render('{% table "Naam" caption="Leden" labelledby="kop" %}{% endtable %}')

    assert html.startswith(
        '<div class="utrecht-table-container gt-table-scroll" tabindex="0" role="region" aria-labelledby="kop">'
    )
    assert '<caption class="utrecht-table__caption">Leden</caption>' in html


def test_table_captions_without_an_id_get_unique_ids_on_one_page():
    html = render(
        '{% for caption in captions %}{% table "Naam" caption=caption %}{% endtable %}{% endfor %}',
        captions=["Leden", "Leden"],
    )

    regions = re.findall(r'role="region" aria-labelledby="([\w-]+)"', html)
    captions = re.findall(r'<caption class="utrecht-table__caption" id="([\w-]+)"', html)
    assert len(set(regions)) == 2
    assert regions == captions


def test_table_gives_way_to_the_empty_sentence_when_it_has_no_rows():
    source = (
        '{% table "Naam" caption="Leden" empty="Nog geen leden." %}'
        "{% for m in members %}<tr></tr>{% endfor %}{% endtable %}"
    )

    assert render(source, members=[]) == '<p class="utrecht-paragraph">Nog geen leden.</p>'
    assert 'tabindex="0" role="region"' in render(source, members=["x"])


def test_table_refuses_a_table_without_caption_or_labelledby():
    with pytest.raises(TemplateSyntaxError, match="caption or labelledby"):
        render('{% table "Naam" id="t" %}{% endtable %}')
