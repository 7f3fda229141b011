"""The one rounding rule for averages: half away from zero, one decimal, decimal comma."""

from decimal import Decimal
from fractions import Fraction

import pytest

from gesprekstool.lib.numbers import average_text, mean_of, one_decimal


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.25, "3,3"),  # round() and "%.1f" give 3,2
        (Fraction(13, 4), "3,3"),
        (2.35, "2,4"),
        (2.45, "2,5"),  # half to even would give 2,4
        (3.24, "3,2"),
        (4, "4,0"),
        (Decimal("1.05"), "1,1"),
        (-1.25, "-1,3"),  # away from zero, also below it
        (Fraction(10, 3), "3,3"),
    ],
)
def test_average_text_rounds_half_away_from_zero(value, text):
    assert average_text(value) == text


def test_one_decimal_and_mean_of_whole_scores():
    assert (mean_of([4, 4, 3, 2]), one_decimal(mean_of([4, 4, 3, 2])), mean_of([])) == (
        Fraction(13, 4),
        Decimal("3.3"),
        None,
    )
