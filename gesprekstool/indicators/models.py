"""Local figures ("lokale cijfers") of an organisation, and the few a round shows beside its themes."""

from decimal import Decimal

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from gesprekstool.lib.fields import parent_reference
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Round

VALUE_DIGITS = 16
VALUE_DECIMALS = 4
# What a facilitator enters for one figure, in the form's order.
FIELDS = ("name", "value", "unit", "year", "area", "source", "link")


class Indicator(models.Model):
    """One figure for one area and year, with its source: "Kinderen in armoede, 9,8 %, 2024, Voorbeeldstad,
    CBS". An organisation has one per indicator, year and area: importing it again updates the value."""

    organisation = parent_reference(Organisation, related_name="indicators", verbose_name=_("organisation"))
    name = models.CharField(_("indicator"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS)
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_("For example %, euro or people.")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    area = models.CharField(
        _("area"), max_length=200, help_text=_("The municipality, a district or a region.")
    )
    source = models.CharField(
        _("source"), max_length=200, help_text=_("For example CBS or GGD Gezondheidsmonitor.")
    )
    link = models.URLField(_("link to the source"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("local figure")
        verbose_name_plural = _("local figures")
        ordering = ["name", "area", "-year", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name", "year", "area"], name="unique_indicator_per_year_and_area"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.area}, {self.year})"

    @property
    def value_text(self) -> str:
        """The value as a Dutch reader writes it: "9,8", "12.345", "0,25" (no trailing zeros)."""
        value = self.value.normalize() if isinstance(self.value, Decimal) else Decimal(str(self.value))
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return formats.number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)

    @property
    def shown_value(self) -> str:
        """The value with its unit: "9,8 %", "1.250 euro", "12" without a unit."""
        return f"{self.value_text} {self.unit}".strip()


class RoundIndicator(models.Model):
    """A figure chosen for a round, shown beside the themes in `themes` (theme codes, "B" by default)."""

    round = parent_reference(Round, related_name="indicators", verbose_name=_("round"))
    indicator = parent_reference(Indicator, related_name="rounds", verbose_name=_("local figure"))
    themes = models.JSONField(_("themes"), default=list)

    class Meta:
        verbose_name = _("local figure of a round")
        verbose_name_plural = _("local figures of a round")
        constraints = [
            models.UniqueConstraint(fields=["round", "indicator"], name="unique_indicator_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} – {', '.join(self.themes)}"
