"""The presenter's slides in order (rounds/slides.py)."""

from gesprekstool.rounds.slides import ANSWERS, Neighbours, Slide, all_slides, neighbours


def test_every_theme_has_a_scores_slide_and_an_answers_slide_after_the_overview():
    assert all_slides(["A", "B"]) == [
        Slide(""),
        Slide("A"),
        Slide("A", ANSWERS),
        Slide("B"),
        Slide("B", ANSWERS),
    ]


def test_neighbours_in_the_middle_and_at_both_ends():
    themes = ["A", "B"]

    assert neighbours(themes, Slide("A", ANSWERS)) == Neighbours(
        previous=Slide("A"), next=Slide("B"), first=Slide(""), last=Slide("B", ANSWERS)
    )
    assert (neighbours(themes, Slide("")).previous, neighbours(themes, Slide("B", ANSWERS)).next) == (
        None,
        None,
    )


def test_query_addresses_each_slide():
    assert [s.query for s in all_slides(["A"])] == ["", "?thema=A", "?thema=A&deel=antwoorden"]
