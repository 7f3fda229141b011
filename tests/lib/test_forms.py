"""The project-wide form helpers."""

import pytest

from gesprekstool.lib.forms import page_number


@pytest.mark.parametrize(
    ("query", "expected"),
    [({"pagina": "3"}, 3), ({}, None), ({"pagina": "drie"}, None), ({"pagina": "0"}, None)],
)
def test_page_number_is_a_page_or_none(query, expected):
    assert page_number(query) == expected
