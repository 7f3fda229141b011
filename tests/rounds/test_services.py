"""Every write to rounds, participants and answers, and the refusals that leave answers untouched."""

import pytest

from gesprekstool.instrument import CURRENT_VERSION
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Choice, Participant, Round
from gesprekstool.rounds.services import AnswerRefused
from tests.factories import HELD_ON, answer_everything, answer_step1, answers_of


def test_create_round_individual_has_no_participants(organisation, facilitator):
    round_ = services.create_round(
        organisation=organisation,
        title="Voorjaar",
        held_on=HELD_ON,
        mode="individual",
        created_by=facilitator,
    )

    assert (round_.organisation, round_.mode, round_.instrument_version, round_.created_by) == (
        organisation,
        Round.Mode.INDIVIDUAL,
        CURRENT_VERSION,
        facilitator,
    )
    assert round_.participants.count() == 0


def test_create_round_joint_gets_one_group_participant(organisation, facilitator):
    round_ = services.create_round(
        organisation=organisation, title="Samen", held_on=HELD_ON, mode="joint", created_by=facilitator
    )

    assert [(p.position, p.is_group) for p in round_.participants.all()] == [(1, True)]


def test_add_participant_numbers_from_one(round_):
    first = services.add_participant(round_, display_name="Fatima", domain="armoede")
    second = services.add_participant(round_, display_name="Joost", domain="gezondheid")

    assert (first.position, second.position) == (1, 2)


def test_add_participant_never_reuses_a_number(round_):
    first = services.add_participant(round_, display_name="Fatima", domain="armoede")
    second = services.add_participant(round_, display_name="Joost", domain="gezondheid")
    services.add_participant(round_, display_name="Ilse", domain="uitvoering")
    second.delete()

    later = services.add_participant(round_, display_name="Karim", domain="anders")

    assert list(round_.participants.values_list("position", flat=True)) == [first.position, 3, 4]
    assert later.position == 4


def test_add_participant_numbers_each_round_separately(round_, organisation):
    services.add_participant(round_, display_name="Fatima", domain="armoede")
    other = services.create_round(
        organisation=organisation, title="Najaar", held_on=HELD_ON, mode="individual"
    )

    participant = services.add_participant(other, display_name="Joost", domain="gezondheid")

    assert participant.position == 1


def test_revoke_link_refuses_answers_and_keeps_them(participant):
    answer_step1(participant, score=4)
    before = answers_of(participant)

    services.revoke_link(participant)

    with pytest.raises(AnswerRefused):
        services.ensure_can_answer(participant)
    after = answers_of(participant)
    assert after["link_revoked_at"] is not None
    assert (after["scores"], after["token"]) == (before["scores"], before["token"])


def test_revoke_link_twice_keeps_the_first_moment(participant):
    services.revoke_link(participant)
    first_moment = answers_of(participant)["link_revoked_at"]

    services.revoke_link(participant)

    assert answers_of(participant)["link_revoked_at"] == first_moment


def test_renew_link_replaces_the_token_and_keeps_answers(participant):
    answer_step1(participant, score=2)
    services.revoke_link(participant)
    before = answers_of(participant)

    services.renew_link(participant)

    after = answers_of(participant)
    assert after["token"] != before["token"]
    assert not Participant.objects.filter(token=before["token"]).exists()
    assert after["link_revoked_at"] is None
    assert after["scores"] == before["scores"]


def test_save_score_stores_the_first_score(participant):
    services.save_score(participant, theme="A", value=4)
    services.save_score(participant, theme="A", value=5)

    assert answers_of(participant)["scores"] == {"A": (5, None)}


@pytest.mark.parametrize(
    ("save", "value"),
    [
        pytest.param(services.save_score, 5, id="first score once step 1 is done"),
        pytest.param(services.save_revised_score, 1, id="revised score before step 2 is done"),
    ],
)
def test_a_score_out_of_turn_is_refused(participant, save, value):
    answer_step1(participant, score=3)

    with pytest.raises(AnswerRefused):
        save(participant, theme="A", value=value)

    assert answers_of(participant)["scores"]["A"] == (3, None)


def test_save_revised_score_keeps_the_first_score(participant):
    answer_everything(participant, score=3)

    services.save_revised_score(participant, theme="B", value=5)

    scores = answers_of(participant)["scores"]
    assert (scores["A"], scores["B"]) == ((3, None), (3, 5))
    assert participant.scores.get(theme="B").current == 5


def test_save_question_replaces_that_question_only(participant):
    answer_step1(participant)
    services.save_question(participant, question="1", choices={"1a": "", "1f": "Bestaand beleid"})
    services.save_question(participant, question="2", choices={"2a": "", "2d": "Wijkcijfers"})

    services.save_question(participant, question="1", choices={"1b": "", "1f": "Nieuwe tekst"})

    assert answers_of(participant)["choices"] == {
        "1b": ("1", ""),
        "1f": ("1", "Nieuwe tekst"),
        "2a": ("2", ""),
        "2d": ("2", "Wijkcijfers"),
    }


def test_save_question_with_no_choices_clears_the_question(participant):
    services.save_question(participant, question="1", choices={"1a": ""})

    services.save_question(participant, question="1", choices={})

    assert Choice.objects.filter(participant=participant).count() == 0


def test_save_comment_and_note_overwrite(participant):
    services.save_comment(participant, theme="A", text="Eerst")
    services.save_comment(participant, theme="A", text="Daarna")
    services.save_step1_note(participant, text="Valt op")

    saved = answers_of(participant)
    assert (saved["comments"], saved["note"]) == ({"A": "Daarna"}, "Valt op")


def test_complete_step_keeps_the_first_moment(participant):
    services.complete_step(participant, step=1)
    first_moment = answers_of(participant)["step1_done_at"]

    services.complete_step(participant, step=1)

    assert answers_of(participant)["step1_done_at"] == first_moment


def test_finish_is_idempotent(participant):
    answer_everything(participant)

    first = services.finish(participant)
    finished_at = answers_of(participant)["finished_at"]
    second = services.finish(participant)

    assert (first, second) == (True, False)
    assert answers_of(participant)["finished_at"] == finished_at


def test_finish_marks_both_steps_done(participant):
    services.finish(participant)

    saved = answers_of(participant)
    assert saved["step1_done_at"] == saved["step2_done_at"] == saved["finished_at"]
    assert saved["finished_at"] is not None


def test_ensure_can_answer_allows_an_open_participant(participant):
    assert services.ensure_can_answer(participant) is None


def test_ensure_can_answer_refuses_a_closed_round(participant):
    services.close_round(participant.round)

    with pytest.raises(AnswerRefused):
        services.ensure_can_answer(participant)


def test_ensure_can_answer_refuses_a_finished_participant(participant):
    services.finish(participant)

    with pytest.raises(AnswerRefused):
        services.ensure_can_answer(participant)


def test_ensure_can_answer_refuses_a_revoked_link(participant):
    services.revoke_link(participant)

    with pytest.raises(AnswerRefused):
        services.ensure_can_answer(participant)


@pytest.mark.parametrize(
    "write",
    [
        lambda p: services.save_score(p, theme="A", value=1),
        lambda p: services.save_step1_note(p, text="Nieuw"),
        lambda p: services.save_question(p, question="1", choices={"1e": ""}),
        lambda p: services.save_comment(p, theme="A", text="Nieuw"),
        lambda p: services.complete_step(p, step=1),
    ],
    ids=["score", "note", "question", "comment", "step"],
)
def test_writes_refused_in_a_closed_round_change_nothing(participant, write):
    services.save_score(participant, theme="A", value=4)
    services.save_step1_note(participant, text="Oud")
    services.save_question(participant, question="1", choices={"1a": ""})
    services.save_comment(participant, theme="A", text="Oud")
    services.close_round(participant.round)
    before = answers_of(participant)

    with pytest.raises(AnswerRefused):
        write(participant)

    assert answers_of(participant) == before


def test_reopen_participant_allows_answers_again(participant):
    answer_everything(participant, finish=True)

    services.reopen_participant(participant)

    assert answers_of(participant)["finished_at"] is None
    assert services.save_revised_score(participant, theme="A", value=6).revised == 6


def test_close_and_reopen_round(round_):
    services.close_round(round_)
    closed_at = Round.objects.get(pk=round_.pk).closed_at
    services.close_round(round_)

    assert Round.objects.get(pk=round_.pk).closed_at == closed_at

    services.reopen_round(round_)

    assert Round.objects.get(pk=round_.pk).closed_at is None
