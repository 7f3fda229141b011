"""Questions the tool proposes for the conversation, chosen by why a theme needs attention."""

from hypothesis import given, settings

from gesprekstool.rounds.conversation import KINDS, prompts, proposals
from gesprekstool.rounds.observations import Answers, themes_needing_attention
from tests.answers import INSTRUMENT, THEMES
from tests.factories import plain_round


def person(key: str, **scores) -> Answers:
    return Answers(
        key=key, domain="Armoede", scores={theme: (value, None) for theme, value in scores.items()}
    )


def test_prompts_cover_every_theme_with_known_kinds_only():
    data = prompts()

    assert list(data) == THEMES
    for kinds in data.values():
        assert set(kinds) <= set(KINDS)
        assert kinds["always"]
        assert all(text.strip() for texts in kinds.values() for text in texts)


def test_proposals_for_a_spread_ask_about_the_difference():
    answers = [person("P1", D=2), person("P2", D=5)]

    texts = prompts()["D"]
    assert proposals(INSTRUMENT, answers) == [("D", t) for t in texts["spread"] + texts["always"]]


def test_proposals_for_weet_niet_ask_who_knows():
    answers = [person("P1", B=6), person("P2", B=6)]

    texts = prompts()["B"]
    assert proposals(INSTRUMENT, answers) == [("B", t) for t in texts["unknown"] + texts["always"]]


def test_proposals_for_a_low_score_ask_what_would_help():
    answers = [person("P1", A=2), person("P2", A=2)]

    texts = prompts()["A"]
    assert proposals(INSTRUMENT, answers) == [("A", t) for t in texts["low"] + texts["always"]]


def test_proposals_follow_the_themes_that_need_attention_most():
    answers = [person("P1", A=2, B=6, D=1), person("P2", A=2, B=6, D=5)]

    themes = list(dict.fromkeys(theme for theme, _text in proposals(INSTRUMENT, answers)))

    assert themes == themes_needing_attention(INSTRUMENT, answers) == ["D", "B", "A"]


def test_proposals_without_answers_are_empty():
    assert proposals(INSTRUMENT, []) == []


@given(plain_round(INSTRUMENT))
@settings(max_examples=60, deadline=None)
def test_proposals_hold_only_the_instrument_themes_and_their_own_questions(answers):
    found = proposals(INSTRUMENT, answers)

    assert len(found) == len(set(found))
    for theme, text in found:
        assert theme in THEMES
        assert any(text in texts for texts in prompts()[theme].values())
