"""Local figures for the demo round: invented, and labelled so ("Voorbeeldcijfers, verzonnen")."""

from decimal import Decimal

from gesprekstool.indicators import services
from gesprekstool.indicators.csvfile import Row
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import Round

SOURCE = "Voorbeeldcijfers, verzonnen"
AREA = "Voorbeeldstad"

# indicator, value, unit, year
FIGURES = [
    ("Kinderen in huishoudens met een laag inkomen", "9.8", "%", 2023),
    ("Huishoudens met problematische schulden", "6.4", "%", 2022),
    ("Volwassenen met een goede of zeer goede ervaren gezondheid", "71", "%", 2022),
    ("Volwassenen die moeite hebben met rondkomen", "17.5", "%", 2022),
]


def add_demo_figures(organisation: Organisation, round_: Round) -> None:
    """Give the demo organisation its invented figures (updated when they are there) and show them
    beside theme B of the demo round. Safe to run twice. The activity log says the system did it."""
    rows = [
        Row(name=name, value=Decimal(value), unit=unit, year=year, area=AREA, source=SOURCE)
        for name, value, unit, year in FIGURES
    ]
    services.import_indicators(organisation=organisation, rows=rows, by=None)
    figures = organisation.indicators.filter(source=SOURCE)
    services.choose_for_round(round_=round_, themes_by_indicator={f: ["B"] for f in figures}, by=None)
