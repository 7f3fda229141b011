"""The report's own summary and the step-1 chart: pure calculations on plain data."""

from types import SimpleNamespace

from gesprekstool.instrument import load_instrument
from gesprekstool.reports import summary
from gesprekstool.reports.chart import NUMBERED, step1_chart
from gesprekstool.reports.text import csv_safe, xml_safe
from gesprekstool.rounds.charts import STYLES, shape_path

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


def test_chart_places_each_participant_at_the_current_score_and_weet_niet_in_its_own_column():
    chart = step1_chart(
        step1({"A": (2, 4)}, {"A": (6, None)}),
        scale_labels=list("12345"),
        unknown_label="weet niet",
        unknown_value=6,
    )

    row = chart.rows[0]
    assert [(m.number, m.unknown, m.title) for m in row.markers] == [
        ("1", False, "Deelnemer 1: 4"),
        ("2", True, "Deelnemer 2: weet niet"),
    ]
    assert row.markers[0].x == chart.columns[3][0]
    # The same shape and colour as on screen (rounds.charts.domain_style).
    assert (row.markers[0].colour, row.markers[0].path) == (
        STYLES["armoede"][1],
        shape_path("circle", row.markers[0].x, row.markers[0].y, chart.radius),
    )
    assert row.markers[1].x == chart.columns[5][0]
    assert [label for _x, label in chart.columns] == ["1", "2", "3", "4", "5", "weet niet"]
    assert chart.rows[1].markers == ()


def test_chart_of_many_participants_stacks_markers_without_numbers():
    columns = [{"C": (3, None)} for _ in range(NUMBERED + 10)]

    chart = step1_chart(
        step1(*columns), scale_labels=list("12345"), unknown_label="weet niet", unknown_value=6
    )

    c = chart.rows[2]
    assert len(c.markers) == NUMBERED + 10 and not chart.numbered
    assert {m.number for m in c.markers} == {""}
    assert len({(m.x, m.y) for m in c.markers}) == NUMBERED + 10  # no two markers on top of each other
    assert all(c.y < m.y < c.y + c.height for m in c.markers)
    assert c.height > chart.rows[0].height


def test_texts_are_made_safe_for_xml_and_spreadsheets():
    assert xml_safe("a\x00b\x07c\td\ne") == "abc\td\ne"
    assert [csv_safe(t) for t in ("=1+1", "+31", "-", "@x", "gewoon")] == [
        "'=1+1",
        "'+31",
        "'-",
        "'@x",
        "gewoon",
    ]
