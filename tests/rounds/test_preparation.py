"""The writes of preparing the conversation and of joining with a code."""

import pytest
from django.db import IntegrityError

from gesprekstool.rounds import preparation
from gesprekstool.rounds.models import ConversationQuestion, HiddenObservation, OwnObservation, Round
from tests.factories import (
    ConversationQuestionFactory,
    HiddenObservationFactory,
    OwnObservationFactory,
    RoundFactory,
)


def hidden_keys(round_: Round) -> list[str]:
    return sorted(round_.hidden_observations.values_list("key", flat=True))


def question_order(round_: Round) -> list[tuple[str, int]]:
    return list(round_.conversation_questions.values_list("text", "position"))


def test_change_settings(round_):
    preparation.change_settings(round_, anonymised=True, results_for_participants=True, language="en")

    fresh = Round.objects.get(pk=round_.pk)
    assert (fresh.anonymised, fresh.results_for_participants, fresh.language) == (True, True, "en")


def test_set_observation_hidden_hides_it_once(round_):
    preparation.set_observation_hidden(round_, key="spread:A", hidden=True)
    preparation.set_observation_hidden(round_, key="spread:A", hidden=True)

    assert hidden_keys(round_) == ["spread:A"]


def test_set_observation_hidden_false_shows_it_again_and_keeps_the_others(round_):
    HiddenObservationFactory(round=round_, key="spread:A")
    HiddenObservationFactory(round=round_, key="low:B")

    preparation.set_observation_hidden(round_, key="spread:A", hidden=False)

    assert hidden_keys(round_) == ["low:B"]


def test_set_observation_hidden_touches_no_other_round(round_):
    other = HiddenObservationFactory(key="spread:A")

    preparation.set_observation_hidden(round_, key="spread:A", hidden=False)

    assert HiddenObservation.objects.filter(pk=other.pk).count() == 1


def test_add_own_observation(round_):
    observation = preparation.add_own_observation(round_, theme="B", text="Valt op")

    assert list(round_.own_observations.values_list("theme", "text")) == [("B", "Valt op")]
    assert observation.round == round_


def test_remove_own_observation(round_):
    kept = OwnObservationFactory(round=round_, text="Blijft")
    gone = OwnObservationFactory(round=round_)

    preparation.remove_own_observation(gone)

    assert list(OwnObservation.objects.values_list("pk", flat=True)) == [kept.pk]


def test_add_question_puts_it_after_the_last(round_):
    ConversationQuestionFactory(round=round_, text="Eerste", position=4)
    ConversationQuestionFactory(position=9)  # another round's numbers do not count

    preparation.add_question(round_, theme="C", text="Nieuw", proposed=True)

    assert question_order(round_) == [("Eerste", 4), ("Nieuw", 5)]
    assert round_.conversation_questions.get(text="Nieuw").proposed is True


def test_add_question_to_a_round_without_questions_is_first(round_):
    question = preparation.add_question(round_, theme="A", text="Eerste")

    assert (question.position, question.proposed) == (1, False)


@pytest.mark.parametrize(
    ("index", "up", "order"),
    [
        (1, True, ["Twee", "Een", "Drie"]),
        (1, False, ["Een", "Drie", "Twee"]),
        (0, True, ["Een", "Twee", "Drie"]),
        (2, False, ["Een", "Twee", "Drie"]),
    ],
)
def test_move_question_swaps_with_its_neighbour(round_, index, up, order):
    questions = [
        ConversationQuestionFactory(round=round_, text=text, position=n)
        for n, text in enumerate(["Een", "Twee", "Drie"], start=1)
    ]

    preparation.move_question(questions[index], up=up)

    assert question_order(round_) == [(text, n) for n, text in enumerate(order, start=1)]


def test_move_question_renumbers_after_a_gap(round_):
    first = ConversationQuestionFactory(round=round_, text="Een", position=1)
    ConversationQuestionFactory(round=round_, text="Drie", position=3)

    preparation.move_question(first, up=False)

    assert question_order(round_) == [("Drie", 1), ("Een", 2)]


def test_change_question(round_):
    question = ConversationQuestionFactory(round=round_, text="Oud")

    preparation.change_question(question, text="Nieuw")

    assert ConversationQuestion.objects.get(pk=question.pk).text == "Nieuw"


def test_remove_question_keeps_the_others_in_place(round_):
    questions = [
        ConversationQuestionFactory(round=round_, text=t, position=n) for n, t in enumerate("abc", 1)
    ]

    preparation.remove_question(questions[1])

    assert question_order(round_) == [("a", 1), ("c", 3)]


def test_start_joining_gives_a_new_code_each_time(round_):
    first = preparation.start_joining(round_)
    second = preparation.start_joining(round_)

    assert len(first) == preparation.JOIN_LENGTH
    assert set(first + second) <= set(preparation.JOIN_ALPHABET)
    assert Round.objects.get(pk=round_.pk).join_code == second


def test_start_joining_draws_again_when_the_code_is_taken(round_, monkeypatch):
    RoundFactory(join_code="AAAAAA")
    codes = iter(["AAAAAA", "BBBBBB"])
    monkeypatch.setattr(preparation, "new_join_code", lambda: next(codes))

    code = preparation.start_joining(round_)

    assert (code, Round.objects.get(pk=round_.pk).join_code) == ("BBBBBB", "BBBBBB")


def test_start_joining_gives_up_after_the_attempts(round_, monkeypatch):
    RoundFactory(join_code="AAAAAA")
    monkeypatch.setattr(preparation, "new_join_code", lambda: "AAAAAA")

    with pytest.raises(IntegrityError):
        preparation.start_joining(round_)

    assert Round.objects.get(pk=round_.pk).join_code is None


def test_stop_joining(round_):
    preparation.start_joining(round_)

    preparation.stop_joining(round_)

    assert Round.objects.get(pk=round_.pk).join_code is None
