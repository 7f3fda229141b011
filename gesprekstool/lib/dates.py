"""The range of dates the tool accepts anywhere (forms, imported files).

A date like 9999-12-31 is valid for Python but overflows as soon as something adds a day to it (the
calendar's end of a whole-day event) or moves it to another time zone; 0001-01-01 the other way.
No round, action or meeting is that far off, so such dates are refused where they come in.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(2999, 12, 31)


def validate_sensible_date(value: datetime.date) -> None:
    """Form validator: refuse a date outside FIRST_DAY..LAST_DAY."""
    if value is not None and not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError(
            _("Choose a date between the years %(first)s and %(last)s."),
            code="out_of_range",
            params={"first": FIRST_DAY.year, "last": LAST_DAY.year},
        )
