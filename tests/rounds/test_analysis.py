"""A round's analysis: its answers as plain data, observations split by the facilitator's choices, the chart."""

from django.utils import timezone, translation

from gesprekstool.rounds import services
from gesprekstool.rounds.analysis import analyse, analyse_step1, forget_kept
from gesprekstool.rounds.live import live_version
from gesprekstool.rounds.models import Participant
from gesprekstool.rounds.observations import Answers, observations
from tests.factories import HiddenObservationFactory, ParticipantFactory


def give(participant, *, scores: dict[str, int], ticks: dict[str, dict[str, str]] | None = None) -> None:
    for theme, value in scores.items():
        services.save_score(participant, theme=theme, value=value)
    for question, choices in (ticks or {}).items():
        services.save_question(participant, question=question, choices=choices)


def test_analyse_turns_the_answers_into_plain_data(round_, participant, other_participant):
    give(participant, scores={"D": 2, "A": 6}, ticks={"7": {"7a": ""}, "12": {"12b": ""}})
    give(other_participant, scores={"D": 5})

    analysis = analyse(round_)

    assert analysis.answers == [
        Answers(
            key="Deelnemer 1 (Armoede)",
            domain="Armoede",
            scores={"D": (2, None), "A": (6, None)},
            ticked=frozenset({"7a", "12b"}),
            answered=frozenset({"7", "12"}),
            ident="1",
            finished=False,
        ),
        Answers(
            key="Deelnemer 2 (Gezondheid)",
            domain="Gezondheid",
            scores={"D": (5, None)},
            ident="2",
            finished=False,
        ),
    ]
    assert analysis.observations == observations(round_.instrument, analysis.answers)
    assert analysis.hidden == []


def test_analyse_keeps_both_scores_of_a_revised_theme(round_, participant):
    give(participant, scores={"D": 2})
    services.complete_step(participant, step=1)
    services.complete_step(participant, step=2)
    services.save_revised_score(participant, theme="D", value=4)

    assert analyse(round_).answers[0].scores == {"D": (2, 4)}


def test_analyse_uses_names_when_the_round_is_not_anonymised(round_, participant):
    round_.anonymised = False
    round_.save()

    assert [a.key for a in analyse(round_).answers] == ["Fatima (Armoede)"]


def test_analyse_moves_hidden_observations_aside(round_, participant, other_participant):
    give(participant, scores={"D": 2})
    give(other_participant, scores={"D": 5})
    HiddenObservationFactory(round=round_, key="spread:D")

    analysis = analyse(round_)

    assert [o.key for o in analysis.hidden] == ["spread:D"]
    assert "spread:D" not in [o.key for o in analysis.observations]
    assert [o.key for o in analysis.observations_for("D")] == [
        o.key for o in analysis.observations if o.theme == "D"
    ]


def test_analyse_compares_domains_side_by_side(round_, participant, other_participant):
    give(participant, scores={"A": 2, "B": 6})
    give(other_participant, scores={"A": 5, "B": 3})

    analysis = analyse(round_)

    assert analysis.domains == ["Armoede", "Gezondheid"]
    assert analysis.domain_table[:3] == [("A", [2, 5]), ("B", [None, 3]), ("C", [None, None])]


def test_analyse_numbers_the_markers_after_the_participants(round_):
    ParticipantFactory(round=round_, position=4, domain="armoede")
    later = ParticipantFactory(round=round_, position=9, domain="gezondheid")
    services.save_score(later, theme="D", value=3)

    row = analyse(round_).chart.rows[3]

    assert (row.theme, [m.number for m in row.markers]) == ("D", ["9"])


def test_analyse_charts_only_the_chosen_themes_but_observes_all(round_, participant, other_participant):
    give(participant, scores={"A": 1, "D": 2})
    give(other_participant, scores={"A": 5, "D": 5})

    analysis = analyse(round_, themes=["D"])

    assert [row.theme for row in analysis.chart.rows] == ["D"]
    assert {"spread:A", "spread:D"} <= {o.key for o in analysis.observations}


def test_analyse_of_a_round_without_participants(round_):
    analysis = analyse(round_)

    assert (analysis.answers, analysis.observations, analysis.domains) == ([], [], [])
    assert [row.markers for row in analysis.chart.rows] == [[]] * 6
    assert analysis.proposals() == []


def test_analyse_of_an_unchanged_round_is_kept_and_reads_only_the_version_and_the_notes(
    round_, participant, django_assert_num_queries
):
    give(participant, scores={"D": 2})
    first = analyse(round_)

    with django_assert_num_queries(2):
        again = analyse(round_)

    assert again.answers is first.answers
    assert again.answers[0].scores == {"D": (2, None)}


def test_analyse_after_a_changed_score_is_built_again(round_, participant):
    give(participant, scores={"D": 2})
    analyse(round_)
    give(participant, scores={"D": 5})

    assert analyse(round_).answers[0].scores == {"D": (5, None)}


def test_analyse_after_a_hidden_observation_is_built_again(round_, participant, other_participant):
    give(participant, scores={"D": 1})
    give(other_participant, scores={"D": 5})
    shown = analyse(round_).observations[0]
    HiddenObservationFactory(round=round_, key=shown.key)

    analysis = analyse(round_)

    assert (shown in analysis.observations, shown in analysis.hidden) == (False, True)


def test_analyse_of_a_kept_round_shows_a_changed_note(round_, participant):
    services.save_step1_note(participant, text="Eerst")
    analyse(round_)
    services.save_step1_note(participant, text="Daarna")

    assert [(p.pk, text) for p, text in analyse(round_).results.notes] == [(participant.pk, "Daarna")]


def test_analyse_keeps_each_language_apart(round_, participant):
    give(participant, scores={"D": 2})
    dutch = analyse(round_)
    with translation.override("en"):
        english = analyse(round_)

    assert (dutch.answers[0].key, english.answers[0].key) == (
        "Deelnemer 1 (Armoede)",
        "Participant 1 (Poverty)",
    )


def test_analyse_of_one_theme_uses_the_kept_analysis_of_the_round(
    round_, participant, django_assert_num_queries
):
    give(participant, scores={"D": 2, "A": 4})
    whole = analyse(round_)

    with django_assert_num_queries(2):
        theme = analyse(round_, themes=["A"])

    assert ([row.theme for row in theme.chart.rows], theme.observations) == (["A"], whole.observations)
    assert len(analyse(round_).chart.rows) == 6


def test_analyse_step1_draws_the_chart_of_the_whole_analysis_from_the_scores_alone(
    round_, participant, other_participant, django_assert_num_queries
):
    give(participant, scores={"D": 2, "A": 6}, ticks={"7": {"7a": ""}})
    give(other_participant, scores={"D": 5})
    Participant.objects.filter(pk=participant.pk).update(finished_at=timezone.now())  # one not handed in
    version = live_version(round_)
    whole = analyse(round_, version=version)
    forget_kept()

    with django_assert_num_queries(2):  # the participants and their scores
        scores_only = analyse_step1(round_, version=version)

    assert scores_only.chart == whole.chart
    assert scores_only.results.scores == whole.results.scores
    assert (scores_only.observations, scores_only.results.step2) == ([], [])


def test_analyse_step1_uses_the_whole_analysis_when_it_is_kept(
    round_, participant, django_assert_num_queries
):
    give(participant, scores={"D": 2})
    version = live_version(round_)
    whole = analyse(round_, version=version)

    with django_assert_num_queries(0):
        kept = analyse_step1(round_, version=version)

    assert kept is whole
