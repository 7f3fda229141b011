"""The order of what stands out and the themes that need the conversation most, on plain data and on
any round at all."""

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gesprekstool.rounds.observations import Answers, observations, themes_needing_attention
from tests.answers import INSTRUMENT, THEMES, keys, person
from tests.factories import plain_round

# --- Ranking ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("group", [4, 6, 12])
def test_a_wide_spread_outranks_a_single_weet_niet(group):
    # The spread is on the last theme and within one domain, the "weet niet" on the first theme:
    # neither the theme order nor the domain bonus helps the spread.
    answers = [person("P1", A=6, F=2), person("P2", A=3, F=4)] + [
        person(f"P{n}", A=3) for n in range(3, group + 1)
    ]

    found = keys(observations(INSTRUMENT, answers))

    assert found.index("spread:F") < found.index("unknown:A")


def test_observations_of_equal_weight_follow_the_theme_order():
    answers = [person("P1", B=3, E=3), person("P2", "Gezondheid", B=5, E=5)]

    assert keys(observations(INSTRUMENT, answers)) == ["spread:B", "spread:E"]


def test_observations_order_does_not_depend_on_the_order_of_the_participants():
    answers = [
        person("P1", A=1, B=6, D=(2, 5), F=5, ticked={"12b", "7a"}),
        person("P2", "Gezondheid", A=5, B=6, D=3, F=1, ticked={"7a", "7b"}),
        person("P3", "Uitvoering", A=3, B=2, D=6, ticked={"7a", "1e"}),
        person("P4", "Gezondheid", A=2, C=6, F=4, ticked={"12a"}),
    ]
    shuffled = answers[:]
    random.Random(7).shuffle(shuffled)

    assert keys(observations(INSTRUMENT, shuffled)) == keys(observations(INSTRUMENT, answers))
    assert observations(INSTRUMENT, answers) == observations(INSTRUMENT, answers)


def test_observations_of_an_empty_round():
    assert observations(INSTRUMENT, []) == []


# --- Themes that need the conversation most ---------------------------------------------------------------


def test_themes_needing_attention_spread_before_weet_niet_before_low():
    answers = [
        person("P1", A=2, B=6, C=4, D=1, E=4, F=4),
        person("P2", A=2, B=6, C=4, D=5, E=4, F=4),
    ]

    assert themes_needing_attention(INSTRUMENT, answers) == ["D", "B", "A"]
    assert themes_needing_attention(INSTRUMENT, answers, limit=2) == ["D", "B"]


def test_themes_needing_attention_leaves_out_themes_without_need():
    answers = [person("P1", **dict.fromkeys(THEMES, 4)), person("P2", **{**dict.fromkeys(THEMES, 4), "A": 1})]

    assert themes_needing_attention(INSTRUMENT, answers) == ["A"]


def test_themes_needing_attention_ties_follow_the_theme_order():
    answers = [person("P1", E=1, B=1), person("P2", E=4, B=4)]

    assert themes_needing_attention(INSTRUMENT, answers) == ["B", "E"]


def test_themes_needing_attention_without_answers():
    assert themes_needing_attention(INSTRUMENT, []) == []


# --- Any round at all -------------------------------------------------------------------------------------

OPTION_CODES = {o.code for q in INSTRUMENT.questions for o in q.options}


def evidence_value(answers: Answers, item: str):
    """What the participant actually gave for `item`: a score, or an option's text ("" when not ticked)."""
    if item in THEMES:
        return answers.score(item)
    return INSTRUMENT.option(item).text if item in answers.ticked else ""


@given(plain_round(INSTRUMENT))
@settings(max_examples=200, deadline=None)
def test_observations_rest_on_real_answers(answers):
    participants = {a.key: a for a in answers}

    found = observations(INSTRUMENT, answers)

    assert len({o.key for o in found}) == len(found)
    for o in found:
        assert o.theme in THEMES
        assert math.isfinite(o.importance)
        assert "None" not in o.text
        assert o.evidence
        for e in o.evidence:
            assert e.participant in participants
            assert e.item in THEMES or e.item in OPTION_CODES
            assert e.value == evidence_value(participants[e.participant], e.item)


@given(plain_round(INSTRUMENT))
@settings(max_examples=100, deadline=None)
def test_observations_ranking_is_sorted_and_repeatable(answers):
    found = observations(INSTRUMENT, answers)

    assert [o.importance for o in found] == sorted((o.importance for o in found), reverse=True)
    assert keys(observations(INSTRUMENT, list(reversed(answers)))) == keys(found)


@given(plain_round(INSTRUMENT), st.integers(1, 6))
@settings(max_examples=100, deadline=None)
def test_themes_needing_attention_are_real_themes_in_need_order(answers, limit):
    themes = themes_needing_attention(INSTRUMENT, answers, limit=limit)

    assert len(themes) == len(set(themes)) <= limit
    assert set(themes) <= set(THEMES)
