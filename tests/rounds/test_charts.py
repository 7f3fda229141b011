"""The step-1 dot chart: where each participant's marker goes, and that it always fits."""

from hypothesis import given, settings

from gesprekstool.instrument import load_instrument
from gesprekstool.rounds.charts import (
    GROUP_STYLE,
    LINE,
    MARKER,
    STYLES,
    shape_path,
    step1_chart,
    x_for,
)
from gesprekstool.rounds.observations import Answers
from tests.factories import PLAIN_DOMAINS, plain_round

INSTRUMENT = load_instrument()
DOMAINS = {"Armoede": "armoede", "Gezondheid": "gezondheid"}


def person(key: str, domain: str = "Armoede", **scores) -> Answers:
    return Answers(
        key=key,
        domain=domain,
        scores={
            theme: value if isinstance(value, tuple) else (value, None) for theme, value in scores.items()
        },
    )


def row_of(chart, theme: str):
    return next(row for row in chart.rows if row.theme == theme)


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of a #rrggbb colour against white."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def test_step1_chart_has_a_row_per_theme_and_an_axis_with_weet_niet_last():
    chart = step1_chart(INSTRUMENT, [person("P1", A=3)], DOMAINS)

    assert [row.theme for row in chart.rows] == ["A", "B", "C", "D", "E", "F"]
    assert [label for _x, label in chart.axis] == ["1", "2", "3", "4", "5", "?"]
    assert [x for x, _label in chart.axis] == [x_for(v) for v in range(1, 7)]


def test_step1_chart_of_chosen_themes_only():
    chart = step1_chart(INSTRUMENT, [person("P1", D=3)], DOMAINS, themes=["D"])

    assert [row.theme for row in chart.rows] == ["D"]
    assert row_of(chart, "D").statement == INSTRUMENT.theme("D").statement


def test_step1_chart_places_a_marker_at_the_score_with_the_participant_number():
    answers = [person("Deelnemer 4 (Armoede)", D=2), person("Deelnemer 7 (Gezondheid)", "Gezondheid", D=6)]

    row = row_of(step1_chart(INSTRUMENT, answers, DOMAINS, numbers=["4", "7"]), "D")

    assert [(m.x, m.number, m.label, m.shape, m.colour) for m in row.markers] == [
        (x_for(2), "4", "Deelnemer 4 (Armoede)", *STYLES["armoede"]),
        (x_for(6), "7", "Deelnemer 7 (Gezondheid)", *STYLES["gezondheid"]),
    ]


def test_step1_chart_leaves_out_participants_without_a_score():
    answers = [person("P1", D=2), person("P2"), person("P3", D=(None, None))]

    assert [m.label for m in row_of(step1_chart(INSTRUMENT, answers, DOMAINS), "D").markers] == ["P1"]


def test_step1_chart_stacks_equal_scores_at_their_value():
    answers = [person(f"P{n}", D=3) for n in range(1, 5)]

    row = row_of(step1_chart(INSTRUMENT, answers, DOMAINS), "D")

    # Side by side they would read as 2.85 and 3.15: stacked, every marker stays on its value.
    assert [m.x for m in row.markers] == [x_for(3)] * 4
    first = row.markers[0].y
    assert [m.y - first for m in row.markers] == [0, LINE, 2 * LINE, 3 * LINE]
    single = row_of(step1_chart(INSTRUMENT, answers[:1], DOMAINS), "D")
    assert row.height == single.height + 3 * LINE


def test_step1_chart_keeps_the_first_score_circle_free():
    # P1 stays at 2; P2 went from 2 to 4: its open circle at 2 must not sit under P1's marker.
    answers = [person("P1", D=2), person("P2", D=(2, 4))]

    row = row_of(step1_chart(INSTRUMENT, answers, DOMAINS), "D")

    p1, p2 = row.markers
    assert (p2.first_x, p2.x) == (x_for(2), x_for(4))
    assert p2.y == p1.y + LINE


def test_step1_chart_marks_answers_not_handed_in():
    answers = [
        person("P1", D=2),
        Answers(key="P2", domain="Armoede", scores={"D": (3, None)}, finished=False),
    ]

    chart = step1_chart(INSTRUMENT, answers, DOMAINS)

    assert [m.pending for m in row_of(chart, "D").markers] == [False, True]
    assert chart.pending is True
    assert step1_chart(INSTRUMENT, answers[:1], DOMAINS).pending is False


def test_step1_chart_shows_where_a_revised_score_came_from():
    answers = [person("P1", D=(2, 4)), person("P2", D=(3, 3)), person("P3", D=(None, 5)), person("P4", D=3)]

    row = row_of(step1_chart(INSTRUMENT, answers, DOMAINS), "D")

    by_label = {m.label: m for m in row.markers}
    assert by_label["P1"].first_x == x_for(2)
    assert by_label["P1"].x == x_for(4)
    assert [by_label[p].first_x for p in ("P2", "P3", "P4")] == [None, None, None]


def test_step1_chart_range_bar_runs_between_the_known_scores_only():
    answers = [person("P1", D=2, E=2), person("P2", D=4, E=6), person("P3", D=6)]

    chart = step1_chart(INSTRUMENT, answers, DOMAINS)

    assert (row_of(chart, "D").range_from, row_of(chart, "D").range_to) == (x_for(2), x_for(4))
    assert (row_of(chart, "E").range_from, row_of(chart, "E").range_to) == (None, None)


def test_step1_chart_legend_has_each_domain_once_in_order_of_appearance():
    answers = [
        person("P1", "Gezondheid"),
        person("P2"),
        person("P3", "Gezondheid"),
        person("P4", "Onderwijs"),
    ]

    chart = step1_chart(INSTRUMENT, answers, DOMAINS)

    assert [(label, colour) for label, _path, colour in chart.legend] == [
        ("Gezondheid", STYLES["gezondheid"][1]),
        ("Armoede", STYLES["armoede"][1]),
        ("Onderwijs", STYLES["anders"][1]),
    ]


def test_every_domain_has_its_own_shape_and_colour_with_enough_contrast():
    shapes = [shape for shape, _colour in STYLES.values()]
    colours = [colour for _shape, colour in STYLES.values()]

    assert len(set(shapes)) == len(shapes)
    assert len(set(colours)) == len(colours)
    assert min(contrast_with_white(c) for c in colours) >= 3


def test_every_shape_is_a_closed_path_around_its_centre():
    for shape, _colour in STYLES.values():
        path = shape_path(shape, 100, 50, MARKER)

        assert path.startswith("M")
        assert "None" not in path
        assert path.endswith(("z", ",0"))


@given(plain_round(INSTRUMENT))
@settings(max_examples=100, deadline=None)
def test_step1_chart_fits_every_marker_inside_the_chart(answers):
    chart = step1_chart(INSTRUMENT, answers, PLAIN_DOMAINS)

    reach = 1.2 * MARKER  # the widest shape (diamond, star) reaches this far from its centre
    for row in chart.rows:
        scored = [a for a in answers if a.score(row.theme) is not None]
        assert len(row.markers) == len(scored)
        for marker in row.markers:
            assert reach <= marker.x <= chart.width - reach
            assert row.y + reach <= marker.y <= row.bottom - reach
            assert marker.first_x is None or 0 < marker.first_x < chart.width
        assert row.bottom <= chart.height


def test_step1_chart_shows_a_joint_form_as_the_group_not_as_a_domain():
    group = Answers(
        key="De groep (gezamenlijk formulier)", domain="De groep", scores={"A": (3, None)}, is_group=True
    )

    chart = step1_chart(INSTRUMENT, [group], DOMAINS)

    assert [(label, colour) for label, _path, colour in chart.legend] == [("De groep", GROUP_STYLE[1])]
    assert row_of(chart, "A").markers[0].shape == GROUP_STYLE[0]


def test_step1_chart_of_a_large_round_has_a_counted_marker_per_score_and_domain():
    answers = [person(f"A{n}", A=3) for n in range(3)] + [
        person(f"G{n}", "Gezondheid", A=3) for n in range(2)
    ]
    answers += [person("G9", "Gezondheid", A=(2, 5))]
    answers += [Answers(key="A9", domain="Armoede", scores={"A": (3, None)}, finished=False)]

    chart = step1_chart(INSTRUMENT, answers, DOMAINS, themes=["A"], per_participant_up_to=5)

    row = row_of(chart, "A")
    assert chart.stacked is True
    assert [(m.x, m.number, m.shape, m.colour, m.pending, m.first_x) for m in row.markers] == [
        (x_for(3), "3", "circle", STYLES["armoede"][1], False, None),
        (x_for(3), "1", "circle", STYLES["armoede"][1], True, None),
        (x_for(3), "2", "square", STYLES["gezondheid"][1], False, None),
        (x_for(5), "1", "square", STYLES["gezondheid"][1], False, None),
    ]
    assert [m.y for m in row.markers][:3] == [row.markers[0].y + line * LINE for line in range(3)]
    assert row.markers[3].y == row.markers[0].y
    assert row.height == 3 * LINE + 18


def test_step1_chart_up_to_the_limit_has_a_marker_per_participant():
    answers = [person(f"A{n}", A=3) for n in range(5)]

    chart = step1_chart(INSTRUMENT, answers, DOMAINS, themes=["A"], per_participant_up_to=5)

    assert chart.stacked is False
    assert [m.number for m in row_of(chart, "A").markers] == ["1", "2", "3", "4", "5"]
