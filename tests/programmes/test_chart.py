from gesprekstool.programmes.chart import LEFT, RIGHT, WIDTH, box_chart, x_for
from gesprekstool.programmes.figures import Distribution


def test_the_scale_runs_from_the_left_to_the_right_of_the_plot():
    assert (x_for(1), x_for(5)) == (LEFT, WIDTH - RIGHT)


def test_a_row_without_a_distribution_has_no_box_and_no_own_marker():
    chart = box_chart([("A", "Thema A", None, 3.0, "3,0")])

    row = chart.rows[0]
    assert (row.median, row.own_x, row.own_path) == (None, None, "")


def test_a_row_places_box_median_and_own_value_on_the_scale():
    shown = Distribution(count=5, lowest=1, q1=2, median=3, q3=4, highest=5, average=3)

    row = box_chart([("B", "Thema B", shown, 2.5, "2,5")]).rows[0]

    assert (row.lowest, row.q1, row.median, row.q3, row.highest, row.own_x) == (
        x_for(1),
        x_for(2),
        x_for(3),
        x_for(4),
        x_for(5),
        x_for(2.5),
    )
    assert row.box_width == x_for(4) - x_for(2)
    assert row.own_path.startswith("M")
