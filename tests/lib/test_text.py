"""Control characters out of typed text: the helpers and the form mixin every text form uses."""

import pytest
from django import forms
from django.http import QueryDict

from gesprekstool.lib.text import CleanTextMixin, clean_line, clean_text

DIRTY = "a\x00b\x07c\x1b[31md\x0be\x0cf\x7fg\x85h\x9fi\tj\nk\rl"


def test_clean_text_keeps_tab_and_line_breaks_only():
    assert clean_text(DIRTY) == "abc[31mdefghi\tj\nk\rl"


def test_clean_line_keeps_no_control_character_at_all():
    assert clean_line(DIRTY) == "abc[31mdefghi j k l"
    assert clean_line("Titel\r\n\r\nmet\tregels") == "Titel met regels"


def test_clean_text_leaves_ordinary_dutch_alone():
    text = "Één café, “aanhalingstekens” – en € 5,-\nTweede regel\tmet tab"
    assert clean_text(text) == text


class Example(CleanTextMixin, forms.Form):
    title = forms.CharField()
    body = forms.CharField(widget=forms.Textarea, required=False)
    number = forms.IntegerField(required=False)


@pytest.mark.parametrize("make", [dict, lambda d: QueryDict(mutable=True) | d], ids=["dict", "QueryDict"])
def test_the_mixin_strips_before_validation(make):
    form = Example(
        make({"title": "Ronde\x1b]0;pwned\x07\n1", "body": "Regel\x00 1\nRegel 2\x0c", "number": "3"})
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"title": "Ronde]0;pwned 1", "body": "Regel 1\nRegel 2", "number": 3}


def test_the_mixin_respects_the_prefix_and_a_title_of_only_control_characters_is_empty():
    form = Example({"x-title": "\x1b\x07", "x-body": ""}, prefix="x")

    assert not form.is_valid()
    assert list(form.errors) == ["title"]
