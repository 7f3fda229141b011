"""The report's own summary: pure calculations on plain data (the chart: tests/rounds/test_charts.py)."""

from types import SimpleNamespace

from gesprekstool.instrument import load_instrument
from gesprekstool.reports import summary
from gesprekstool.reports.text import csv_safe, xml_safe

INSTRUMENT = load_instrument()


def step1(*columns: dict[str, tuple[int | None, int | None]]):
    """RoundResults.step1 look-alike: one column of (first, revised) per participant."""
    people = [
        SimpleNamespace(position=i, shown_name=f"Deelnemer {i}", domain="armoede" if i % 2 else "gezondheid")
        for i in range(1, len(columns) + 1)
    ]
    rows = []
    for theme in INSTRUMENT.themes:
        cells = [
            SimpleNamespace(
                participant=p,
                first=c.get(theme.code, (None, None))[0],
                revised=c.get(theme.code, (None, None))[1],
            )
            for p, c in zip(people, columns, strict=True)
        ]
        rows.append(SimpleNamespace(theme=theme, cells=cells))
    return rows


def test_theme_stats_count_the_current_score_and_weet_niet_apart():
    stats = summary.theme_stats(
        step1({"A": (2, 4), "B": (6, None)}, {"A": (5, None), "B": (3, 6)}, {}), unknown_value=6
    )

    a, b = stats[0], stats[1]
    assert (a.scores, a.unknown, a.missing, a.low, a.high, a.spread) == ((4, 5), 0, 1, 4, 5, 1)
    assert (b.scores, b.unknown, b.missing, b.mean) == ((), 2, 1, None)


def test_disagreements_are_the_widest_spreads_of_two_points_or_more():
    stats = summary.theme_stats(
        step1(
            {"A": (1, None), "B": (2, None), "C": (3, None)}, {"A": (5, None), "B": (4, None), "C": (4, None)}
        ),
        unknown_value=6,
    )

    assert [(s.theme.code, s.spread) for s in summary.disagreements(stats)] == [("A", 4), ("B", 2)]


def test_simple_points_name_spread_weet_niet_and_low_scores_most_important_first():
    # equal importance (2.5 each for B and C) keeps the order of the themes
    stats = summary.theme_stats(
        step1(
            {"A": (1, None), "B": (6, None), "C": (2, None)}, {"A": (5, None), "B": (4, None), "C": (2, None)}
        ),
        unknown_value=6,
    )

    texts = [p.text for p in summary.simple_points(stats, 2)]

    assert texts == [
        "De meningen over A. Visie op armoede, schulden en gezondheid lopen uiteen: de scores gaan van 1 tot 5.",
        "1 van de 2 deelnemers weet niet hoe de gemeente scoort op B. Zicht op de lokale problematiek en kansen.",
        "C. Gecombineerd beleid scoort laag: gemiddeld 2,0 van de 5.",
    ]


def test_simple_points_of_a_round_without_scores_are_empty():
    assert summary.simple_points(summary.theme_stats(step1({}, {}), unknown_value=6), 2) == []


def test_texts_are_made_safe_for_xml_and_spreadsheets():
    assert xml_safe("a\x00b\x07c\td\ne") == "abc\td\ne"
    assert [csv_safe(t) for t in ("=1+1", "+31", "-", "@x", "gewoon")] == [
        "'=1+1",
        "'+31",
        "'-",
        "'@x",
        "gewoon",
    ]
