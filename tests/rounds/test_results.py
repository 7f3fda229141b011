"""The round's results as plain data: step 1 per theme and participant, step 2 per option, notes."""

from gesprekstool.rounds import services
from gesprekstool.rounds.results import round_results
from tests.factories import answer_step1


def test_round_results_step1_has_a_cell_per_theme_and_participant(round_, participant, other_participant):
    answer_step1(participant, score=2)

    results = round_results(round_)

    assert [row.theme.code for row in results.step1] == ["A", "B", "C", "D", "E", "F"]
    assert [[cell.first for cell in row.cells] for row in results.step1] == [[2, None]] * 6
    assert results.participants == [participant, other_participant]


def test_round_results_show_a_revised_score_only_when_it_changed(round_, participant):
    answer_step1(participant, score=3)
    services.complete_step(participant, step=2)
    services.save_revised_score(participant, theme="A", value=5)
    services.save_revised_score(participant, theme="B", value=3)

    results = round_results(round_)

    assert [(row.cells[0].first, row.cells[0].revised) for row in results.step1[:3]] == [
        (3, 5),
        (3, None),
        (3, None),
    ]


def test_round_results_step2_collects_ticks_and_words(round_, participant, other_participant):
    services.save_question(participant, question="1", choices={"1a": "", "1f": "Eigen reden"})
    services.save_question(other_participant, question="1", choices={"1a": ""})
    services.save_comment(participant, theme="A", text="Opmerking")
    services.save_comment(other_participant, theme="A", text="")

    results = round_results(round_)

    theme_a = results.step2[0]
    question_1 = theme_a.questions[0]
    by_option = {o.option.code: o for o in question_1.options}
    assert by_option["1a"].participants == [participant, other_participant]
    assert by_option["1f"].texts == [(participant, "Eigen reden")]
    assert by_option["1e"].participants == []
    assert question_1.unanswered == []
    assert theme_a.comments == [(participant, "Opmerking")]
    assert results.step2[1].questions[0].unanswered == [participant, other_participant]


def test_round_results_notes_leave_out_empty_ones(round_, participant, other_participant):
    services.save_step1_note(other_participant, text="Valt op")

    assert round_results(round_).notes == [(other_participant, "Valt op")]


def test_round_results_of_a_joint_round_hold_the_group(joint_round):
    group = joint_round.participants.get()
    services.save_score(group, theme="A", value=4)

    results = round_results(joint_round)

    assert results.participants == [group]
    assert results.step1[0].cells[0].first == 4
