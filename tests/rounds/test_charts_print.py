"""The step-1 chart for print (PDF report, Word memo): the screen's columns, shapes and colours, laid
out for paper, with a legend that names every domain's shape and colour."""

from hypothesis import given, settings

from gesprekstool.rounds.charts import (
    GROUP_STYLE,
    MARKER,
    STYLES,
    domain_style,
    shape_path,
    step1_chart,
    x_for,
)
from gesprekstool.rounds.charts_print import PRINT_NUMBERED, print_chart
from gesprekstool.rounds.observations import Answers
from tests.factories import PLAIN_DOMAINS, plain_round

from .test_charts import DOMAINS, INSTRUMENT, person, row_of


def test_print_chart_uses_the_screen_columns_shapes_and_colours_with_the_current_score():
    answers = [person("P1", D=(2, 4)), person("P2", "Gezondheid", D=6)]

    chart = print_chart(INSTRUMENT, answers, DOMAINS, numbers=["1", "2"])

    assert [label for _x, label in chart.axis] == ["1", "2", "3", "4", "5", "weet niet"]
    assert [x for x, _label in chart.axis] == [
        x for x, _label in step1_chart(INSTRUMENT, answers, DOMAINS).axis
    ]
    markers = row_of(chart, "D").markers
    assert [(m.number, m.x, m.shape, m.colour, m.unknown) for m in markers] == [
        ("1", x_for(4), *STYLES["armoede"], False),
        ("2", x_for(6), *STYLES["gezondheid"], True),
    ]
    assert markers[0].path == shape_path("circle", markers[0].x, markers[0].y, chart.radius)
    assert row_of(chart, "A").markers == []


def test_print_chart_legend_names_the_shape_and_colour_of_every_domain_and_weet_niet():
    answers = [person("P1", D=4), person("P2", "Gezondheid", D=6), person("P3", D=3)]

    chart = print_chart(INSTRUMENT, answers, DOMAINS)

    assert [(k.label, k.path, k.colour, k.hollow) for k in chart.keys] == [
        ("Armoede", shape_path("circle", 0, 0, 8), domain_style("armoede")[1], False),
        ("Gezondheid", shape_path("square", 0, 0, 8), domain_style("gezondheid")[1], False),
        ("weet niet", shape_path("circle", 0, 0, 8), "#595959", True),
    ]
    assert all(chart.rows[-1].bottom < k.y < chart.height and 0 < k.x < chart.width for k in chart.keys)


def test_print_chart_legend_leaves_out_weet_niet_when_nobody_chose_it_and_shows_the_group():
    group = Answers(key="De groep", domain="De groep", scores={"A": (3, None)}, is_group=True)

    chart = print_chart(INSTRUMENT, [group], DOMAINS)

    assert [(k.label, k.colour) for k in chart.keys] == [("De groep", GROUP_STYLE[1])]
    assert row_of(chart, "A").markers[0].shape == GROUP_STYLE[0]


def test_print_chart_of_many_participants_puts_smaller_markers_side_by_side_without_numbers():
    answers = [person(f"P{i}", C=3) for i in range(PRINT_NUMBERED + 10)]

    chart = print_chart(INSTRUMENT, answers, DOMAINS)

    row = row_of(chart, "C")
    assert not chart.numbered and chart.radius < MARKER
    assert {m.number for m in row.markers} == {""}
    assert len({(m.x, m.y) for m in row.markers}) == PRINT_NUMBERED + 10  # none on top of another
    assert row.height > row_of(chart, "A").height
    assert "<text" not in str(row.markers_svg())


def test_print_chart_draws_hollow_weet_niet_in_its_domain_colour_and_numbers_inside():
    chart = print_chart(INSTRUMENT, [person("P1", "Gezondheid", B=6)], DOMAINS, numbers=["7"])

    svg = str(row_of(chart, "B").markers_svg())

    colour = STYLES["gezondheid"][1]
    assert f'fill="#ffffff" stroke="{colour}"' in svg
    assert f'fill="{colour}">7</text>' in svg


@given(plain_round(INSTRUMENT))
@settings(max_examples=50, deadline=None)
def test_print_chart_fits_every_marker_inside_its_row_and_the_chart(answers):
    chart = print_chart(INSTRUMENT, answers, PLAIN_DOMAINS)

    reach = 1.2 * chart.radius
    for row in chart.rows:
        assert len(row.markers) == len([a for a in answers if a.score(row.theme) is not None])
        for marker in row.markers:
            assert reach <= marker.x <= chart.width - reach
            assert row.y <= marker.y - reach and marker.y + reach <= row.bottom
    assert chart.rows[-1].bottom <= chart.height
