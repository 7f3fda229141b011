import datetime

import pytest

from gesprekstool.agenda.models import Action
from gesprekstool.programmes.figures import Distribution, distribution, programme_figures
from gesprekstool.programmes.models import ProgrammeMember
from tests.factories import ActionFactory

from .conftest import add_gemeente, add_round, everywhere

NAMED = ProgrammeMember.Sharing.NAMED
NOTHING = ProgrammeMember.Sharing.NOTHING


def test_distribution_of_fewer_than_five_values_is_none():
    assert distribution([1.0, 2.0, 3.0, 4.0]) is None


def test_distribution_of_five_values():
    assert distribution([1.0, 2.0, 3.0, 4.0, 5.0]) == Distribution(
        count=5, lowest=1.0, q1=2.0, median=3.0, q3=4.0, highest=5.0, average=3.0
    )


def test_four_sharing_gemeenten_give_no_figure_at_all(programme):
    for n in range(4):
        add_gemeente(programme, f"Gemeente {n}")
    add_gemeente(programme, "Zwijgdorp", sharing=NOTHING)

    figures = programme_figures(programme)

    assert (figures.enough, figures.themes, figures.weakest, figures.members, figures.sharing) == (
        False,
        [],
        [],
        5,
        4,
    )


def test_five_gemeenten_give_the_distribution_of_their_means(programme):
    for n, score in enumerate([1, 2, 3, 4, 5]):
        add_gemeente(programme, f"Gemeente {n}", scores=everywhere(score, score))

    theme_a = programme_figures(programme).themes[0]

    assert (theme_a.theme.code, theme_a.answered, theme_a.distribution) == (
        "A",
        5,
        Distribution(count=5, lowest=1, q1=2, median=3, q3=4, highest=5, average=3),
    )


def test_a_gemeente_without_rounds_or_sharing_nothing_is_not_counted(programme):
    for n in range(4):
        add_gemeente(programme, f"Gemeente {n}")
    add_gemeente(programme, "Zonder ronde", scores=False)
    add_gemeente(programme, "Zwijgdorp", sharing=NOTHING)

    assert programme_figures(programme).enough is False


def test_a_theme_answered_by_fewer_than_five_gemeenten_has_no_figures(programme):
    for n in range(4):
        add_gemeente(programme, f"Gemeente {n}")
    add_gemeente(programme, "Weetnietdorp", scores={**everywhere(3), "B": [6, 6]})

    themes = {t.theme.code: t for t in programme_figures(programme).themes}

    assert (themes["A"].enough, themes["B"].enough, themes["B"].answered, themes["B"].named) == (
        True,
        False,
        4,
        [],
    )


def test_dont_know_is_left_out_of_the_mean_and_counted_as_a_share(programme):
    for n in range(4):
        add_gemeente(programme, f"Gemeente {n}", scores=everywhere(4))
    add_gemeente(programme, "Twijfeldorp", scores=everywhere(2, 6, 6, 6))

    theme_a = programme_figures(programme).themes[0]

    # 4 + 4 + 4 + 4 + 4 scores given, 3 of them "weet niet": 3 / 8.
    assert (theme_a.distribution.lowest, theme_a.unknown_share) == (2, 37.5)


def test_the_latest_round_counts_and_the_change_is_since_the_previous_round(programme):
    for n in range(5):
        organisation = add_gemeente(
            programme, f"Gemeente {n}", scores=everywhere(2), held_on=datetime.date(2025, 1, 1)
        )
        add_round(organisation, scores=everywhere(3 + n % 2), held_on=datetime.date(2026, 1, 1))

    theme_a = programme_figures(programme).themes[0]

    # Now 3, 4, 3, 4, 3 (was 2 everywhere): the median is 3 and the average change is +1.4.
    assert (theme_a.distribution.median, round(theme_a.change, 2), theme_a.change_count) == (3, 1.4, 5)


def test_no_change_with_fewer_than_five_earlier_rounds(programme):
    for n in range(5):
        organisation = add_gemeente(programme, f"Gemeente {n}", held_on=datetime.date(2026, 1, 1))
        if n < 4:
            add_round(organisation, scores=everywhere(1), held_on=datetime.date(2025, 1, 1))

    theme_a = programme_figures(programme).themes[0]

    assert (theme_a.change, theme_a.change_count) == (None, 4)


def test_rounds_of_another_tool_version_do_not_count(programme):
    for n in range(4):
        add_gemeente(programme, f"Gemeente {n}")
    add_gemeente(programme, "Oude versie", version="0.9")

    assert programme_figures(programme).enough is False


def test_actions_of_the_rounds_that_count_per_theme_and_status(programme):
    rounds = []
    for n in range(5):
        organisation = add_gemeente(programme, f"Gemeente {n}")
        rounds.append(organisation.rounds.get())
    ActionFactory(round=rounds[0], theme="B", description="Een", status=Action.Status.OPEN)
    ActionFactory(round=rounds[1], theme="B", description="Twee", status=Action.Status.DONE)
    ActionFactory(round=rounds[2], theme="C", description="Drie", status=Action.Status.DROPPED)

    themes = {t.theme.code: t.actions for t in programme_figures(programme).themes}

    assert (
        themes["B"].total,
        themes["B"].live,
        themes["B"].done,
        themes["C"].dropped,
        themes["A"].total,
    ) == (
        2,
        1,
        1,
        1,
        0,
    )


def test_named_gemeenten_are_listed_by_name_and_anonymous_ones_are_not(programme):
    add_gemeente(programme, "Gemeente Noorderveld", sharing=NAMED, scores=everywhere(2))
    for n in range(4):
        add_gemeente(programme, f"Geheimstad {n}", scores=everywhere(4))

    figures = programme_figures(programme)

    assert (figures.named, figures.anonymous, figures.themes[0].named) == (
        ["Gemeente Noorderveld"],
        4,
        [("Gemeente Noorderveld", 2)],
    )


def test_the_weakest_themes_have_the_lowest_median(programme):
    for n in range(5):
        add_gemeente(programme, f"Gemeente {n}", scores={**everywhere(4), "D": [1], "F": [2]})

    assert [t.theme.code for t in programme_figures(programme).weakest] == ["D", "F"]


@pytest.mark.parametrize("sharing", [NOTHING, None])
def test_figures_disappear_at_once_when_a_gemeente_stops_sharing_or_leaves(programme, sharing):
    for n in range(4):
        add_gemeente(programme, f"Gemeente {n}")
    last = add_gemeente(programme, "Vertrekdorp")
    assert programme_figures(programme).enough is True
    member = ProgrammeMember.objects.get(organisation=last)

    if sharing is None:
        member.delete()
    else:
        member.sharing = sharing
        member.save()

    assert programme_figures(programme).enough is False
