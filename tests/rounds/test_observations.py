"""What stands out in a round: spread and low scores, "weet niet", domains, contradictions, revised
scores and options nobody or everyone chose, on plain data."""

from decimal import Decimal

import pytest
from django.utils import translation

from gesprekstool.rounds.observations import (
    Answers,
    contradictions,
    domain_means,
    observations,
    theme_spreads,
    tidy,
)
from tests.answers import INSTRUMENT, THEMES, by_key, keys, person


def spread_of(theme: str, answers: list[Answers]):
    return next(s for s in theme_spreads(INSTRUMENT, answers) if s.theme == theme)


# --- Spread per theme -------------------------------------------------------------------------------------


def test_theme_spread_runs_from_the_lowest_to_the_highest_score():
    answers = [person("P1", D=2), person("P2", "Gezondheid", D=5), person("P3", D=3)]

    spread = spread_of("D", answers)

    assert (spread.low, spread.high, spread.range) == (2, 5, 3)
    assert spread.known == (("P1", "Armoede", 2), ("P2", "Gezondheid", 5), ("P3", "Armoede", 3))
    assert spread.mean == pytest.approx(10 / 3)


def test_theme_spread_leaves_weet_niet_out_of_the_range_but_counts_it():
    answers = [person("P1", D=2), person("P2", D=6), person("P3", D=4)]

    spread = spread_of("D", answers)

    assert (spread.low, spread.high, spread.range) == (2, 4, 2)
    assert spread.unknown == ("P2",)
    assert spread.missing == ()


def test_theme_spread_lists_participants_without_a_score_as_missing():
    answers = [person("P1"), person("P2", D=(None, None)), person("P3", D=6)]

    spread = spread_of("D", answers)

    assert spread.known == ()
    assert spread.missing == ("P1", "P2")
    assert spread.unknown == ("P3",)
    assert (spread.low, spread.high, spread.range, spread.mean) == (None, None, 0, None)


def test_theme_spread_uses_the_revised_score_when_there_is_one():
    answers = [person("P1", D=(2, 5)), person("P2", D=(3, None))]

    assert spread_of("D", answers).known == (("P1", "Armoede", 5), ("P2", "Armoede", 3))


def test_theme_spread_with_one_score_is_no_observation():
    found = observations(INSTRUMENT, [person("P1", D=1), person("P2", D=6)])

    assert "spread:D" not in keys(found)


def test_spread_observation_names_the_scores_and_domains():
    answers = [person("Deelnemer 1 (Armoede)", D=2), person("Deelnemer 2 (Gezondheid)", "Gezondheid", D=5)]

    with translation.override("nl"):
        spread = by_key(observations(INSTRUMENT, answers), "spread:D")

    # Who is who: the participant as the results show them, not only the domain.
    assert spread.text == (
        "Over thema D lopen de scores uiteen van 2 tot 5: Deelnemer 1 (Armoede) geeft 2, "
        "Deelnemer 2 (Gezondheid) geeft 5."
    )
    assert spread.theme == "D"
    assert [(e.participant, e.item, e.value) for e in spread.evidence] == [
        ("Deelnemer 1 (Armoede)", "D", 2),
        ("Deelnemer 2 (Gezondheid)", "D", 5),
    ]


def test_spread_across_domains_weighs_more_than_within_one_domain():
    across = by_key(
        observations(INSTRUMENT, [person("P1", D=2), person("P2", "Gezondheid", D=5)]), "spread:D"
    )
    within = by_key(observations(INSTRUMENT, [person("P1", D=2), person("P2", D=5)]), "spread:D")

    assert (across.importance, within.importance) == (3.5, 3)


def test_low_observation_gives_the_mean_with_a_decimal_comma():
    low = by_key(observations(INSTRUMENT, [person("P1", A=2), person("P2", A=2), person("P3", A=6)]), "low:A")

    assert "2,0" in low.text
    assert [(e.participant, e.value) for e in low.evidence] == [("P1", 2), ("P2", 2)]


# --- Knowledge gaps ("weet niet") -------------------------------------------------------------------------


def test_unknown_observation_counts_weet_niet_against_the_whole_group():
    answers = [person("P1", B=6), person("P2", B=6), person("P3", B=3), person("P4")]

    with translation.override("nl"):
        gap = by_key(observations(INSTRUMENT, answers), "unknown:B")

    assert gap.text == f"2 van de 4 deelnemers weten het niet (P1, P2): “{INSTRUMENT.theme('B').statement}”"
    assert [(e.participant, e.item, e.value) for e in gap.evidence] == [("P1", "B", 6), ("P2", "B", 6)]
    assert gap.importance == 1 + 3 * 2 / 4


def test_no_unknown_observation_without_weet_niet():
    found = observations(INSTRUMENT, [person("P1", B=3), person("P2", B=4)])

    assert [o for o in found if o.kind == "unknown"] == []


# --- Domains side by side ---------------------------------------------------------------------------------


def test_domain_means_per_theme_and_domain():
    answers = [
        person("P1", A=1, B=6),
        person("P2", A=2, B=4),
        person("P3", A=2),
        person("P4", "Gezondheid", A=5, B=6),
    ]

    table = domain_means(INSTRUMENT, answers)

    assert table["A"] == {"Armoede": Decimal("1.7"), "Gezondheid": Decimal("5.0")}
    assert table["B"] == {"Armoede": Decimal("4.0"), "Gezondheid": None}
    assert table["C"] == {"Armoede": None, "Gezondheid": None}
    assert list(table) == THEMES


def test_domain_means_without_answers_have_no_domains():
    assert domain_means(INSTRUMENT, []) == {theme: {} for theme in THEMES}


# --- Contradictions: a high score beside a "no" ----------------------------------------------------------


@pytest.mark.parametrize("score", [4, 5, (2, 4), (6, 5)])
def test_high_score_with_a_no_in_the_same_theme_is_a_contradiction(score):
    answers = [person("P1", F=score, ticked={"12b"})]

    found = contradictions(INSTRUMENT, answers)

    expected = score if isinstance(score, int) else score[1]
    assert [(a.key, theme, value, option) for a, theme, value, option in found] == [
        ("P1", "F", expected, "12b")
    ]


@pytest.mark.parametrize("score", [1, 3, 6, None, (5, 3), (5, 6)])
def test_no_contradiction_for_a_score_of_3_or_lower_or_weet_niet(score):
    answers = [person("P1", F=score, ticked={"12b"})]

    assert contradictions(INSTRUMENT, answers) == []


def test_no_contradiction_when_the_no_belongs_to_another_theme():
    answers = [person("P1", A=5, F=2, ticked={"12b"})]

    assert contradictions(INSTRUMENT, answers) == []


def test_no_contradiction_for_a_tick_that_is_not_a_no():
    answers = [person("P1", F=5, ticked={"13a"})]

    assert contradictions(INSTRUMENT, answers) == []


def test_contradiction_observation_names_who_what_and_where():
    answers = [person("Deelnemer 3 (Armoede)", F=5, ticked={"12b"})]

    found = by_key(observations(INSTRUMENT, answers), "contradiction:Deelnemer 3 (Armoede):12b")

    option = INSTRUMENT.option("12b")
    assert found.theme == "F"
    assert "Deelnemer 3 (Armoede)" in found.text
    assert "5" in found.text
    assert option.text in found.text
    assert "12" in found.text
    assert [(e.participant, e.item, e.value) for e in found.evidence] == [
        ("Deelnemer 3 (Armoede)", "F", 5),
        ("Deelnemer 3 (Armoede)", "12b", option.text),
    ]


# --- Revised scores ---------------------------------------------------------------------------------------


def test_revised_observation_lists_only_scores_that_changed():
    answers = [person("P1", D=(2, 4)), person("P2", D=(3, 3)), person("P3", D=(3, None))]

    revised = by_key(observations(INSTRUMENT, answers), "revised:D")

    assert "P1 2 → 4" in revised.text
    assert "P2" not in revised.text
    assert "P3" not in revised.text
    assert [(e.participant, e.item, e.value) for e in revised.evidence] == [("P1", "D", 4)]


def test_revised_observation_of_a_score_first_given_after_step_2_shows_a_dash():
    revised = by_key(observations(INSTRUMENT, [person("P1", D=(None, 4))]), "revised:D")

    assert "P1 – → 4" in revised.text


def test_no_revised_observation_when_nobody_changed_a_score():
    found = observations(INSTRUMENT, [person("P1", D=(2, 2)), person("P2", D=(3, None))])

    assert [o for o in found if o.kind == "revised"] == []


# --- "Nobody" and "everyone" ------------------------------------------------------------------------------


def test_nobody_and_everyone_observations_when_two_answered_the_question():
    answers = [person("P1", ticked={"7a"}), person("P2", ticked={"7a"}), person("P3")]

    found = [o for o in observations(INSTRUMENT, answers) if o.kind in ("none", "all")]

    # 7d asks for words ("Anders, namelijk"), so it says nothing when nobody ticks it.
    assert keys(found) == ["none:D", "all:7a"]
    assert {o.theme for o in found} == {"D"}
    assert [(e.participant, e.item) for e in by_key(found, "all:7a").evidence] == [("P1", "7a"), ("P2", "7a")]
    assert [(e.participant, e.item) for e in by_key(found, "none:D").evidence] == [
        ("P1", "7b"),
        ("P2", "7b"),
        ("P1", "7c"),
        ("P2", "7c"),
    ]


def test_options_nobody_chose_make_one_sentence_per_theme():
    answers = [person("P1", ticked={"7a"}), person("P2", ticked={"7a"})]

    with translation.override("nl"):
        nobody = by_key(observations(INSTRUMENT, answers), "none:D")

    b, c = INSTRUMENT.option("7b").text, INSTRUMENT.option("7c").text
    assert nobody.text == f"Bij thema D kiest niemand: “{b}” (vraag 7), “{c}” (vraag 7)."


def test_a_quote_that_ends_a_sentence_gets_no_second_full_stop():
    assert [tidy("Kiest “Nee.”."), tidy("Vraagt “Waarom?”."), tidy("Kiest “Ja”.")] == [
        "Kiest “Nee.”",
        "Vraagt “Waarom?”",
        "Kiest “Ja”.",
    ]


def test_who_has_not_handed_in_is_marked_in_the_sentence():
    answers = [
        person("Deelnemer 1 (Armoede)", D=1),
        Answers(key="Deelnemer 2 (Gezondheid)", domain="Gezondheid", scores={"D": (5, None)}, finished=False),
    ]

    with translation.override("nl"):
        spread = by_key(observations(INSTRUMENT, answers), "spread:D")

    assert spread.text == (
        "Over thema D lopen de scores uiteen van 1 tot 5: Deelnemer 1 (Armoede) geeft 1, "
        "Deelnemer 2 (Gezondheid) (nog niet ingeleverd) geeft 5."
    )


def test_joint_form_speaks_of_the_group():
    group = Answers(
        key="De groep (gezamenlijk formulier)",
        domain="De groep",
        scores={"B": (6, None), "C": (1, 2)},
        is_group=True,
    )

    with translation.override("nl"):
        found = observations(INSTRUMENT, [group])

    assert [o.text for o in found if o.kind in ("unknown", "low", "revised")] == [
        f"De groep weet het niet: “{INSTRUMENT.theme('B').statement}”",
        "Thema C scoort laag: de groep geeft 2 van de 5.",
        "Na stap 2 heeft de groep de score op thema C aangepast (1 → 2).",
    ]


def test_no_nobody_or_everyone_observation_when_one_answered_the_question():
    answers = [person("P1", ticked={"7a"}), person("P2", ticked={"1a"})]

    found = observations(INSTRUMENT, answers)

    assert [o for o in found if o.kind in ("none", "all")] == []


def test_an_exclusive_option_is_never_a_nobody_or_everyone_observation():
    answers = [person("P1", ticked={"12b"}), person("P2", ticked={"12b"})]

    found = observations(INSTRUMENT, answers)

    assert [o for o in found if o.kind in ("none", "all")] == []
