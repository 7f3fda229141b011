"""The one rounding rule for averages, used by every page and export that shows one.

An average is rounded half away from zero to one decimal and written with a decimal comma, as
Dutch readers expect: the scores 4, 4, 3 and 2 average 3.25, shown as 3,3 on the results page,
on Voortgang, in the PDF report, the Word memo and the Excel workbook alike. (Python's round()
and "%.1f" round half to even on the binary value and would show 3,2.)
"""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ONE_PLACE = Decimal("0.1")

Number = int | float | Fraction | Decimal


def one_decimal(value: Number) -> Decimal:
    """`value` rounded half away from zero to one decimal (Decimal's ROUND_HALF_UP is "away from
    zero"). A float goes through its shortest repr, so 3.25 stays 3.25 and not 3.2499…"""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    elif not isinstance(value, Decimal):
        value = Decimal(repr(value))
    return value.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def average_text(value: Number) -> str:
    """An average as shown to the reader: "3,3"."""
    return str(one_decimal(value)).replace(".", ",")


def mean_of(values) -> Fraction | None:
    """The exact mean of whole-number scores (None for none), to be rounded once by one_decimal."""
    values = list(values)
    return Fraction(sum(values), len(values)) if values else None
