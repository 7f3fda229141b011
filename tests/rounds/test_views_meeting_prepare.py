"""Preparing the conversation: hiding and showing observations, own observations, and the questions
for the group."""

from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages

from gesprekstool.rounds.models import ConversationQuestion, OwnObservation, Round
from tests.factories import (
    ConversationQuestionFactory,
    HiddenObservationFactory,
    OwnObservationFactory,
    RoundFactory,
)
from tests.rounds.pages import dutch, url

TOO_LONG = "x" * 5001


def prepare_url(round_: Round, anchor: str) -> str:
    return f"{url('prepare', round_)}#{anchor}"


def messages_of(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


# --- Prepare page: observations ---------------------------------------------------------------------------


def test_observation_hide_moves_it_to_the_hidden_list(facilitator_client, spread_round):
    response = facilitator_client.post(url("observation_toggle", spread_round), {"key": "spread:D"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == prepare_url(spread_round, "wat-opvalt")
    analysis = facilitator_client.get(url("prepare", spread_round)).context["analysis"]
    assert [o.key for o in analysis.hidden] == ["spread:D"]
    assert "spread:D" not in [o.key for o in analysis.observations]


def test_observation_hide_twice_keeps_one(facilitator_client, spread_round):
    for _ in range(2):
        facilitator_client.post(url("observation_toggle", spread_round), {"key": "spread:D"})

    assert list(spread_round.hidden_observations.values_list("key", flat=True)) == ["spread:D"]


def test_observation_show_again(facilitator_client, spread_round):
    HiddenObservationFactory(round=spread_round, key="spread:D")

    facilitator_client.post(url("observation_toggle", spread_round), {"key": "spread:D", "show": "1"})

    assert list(spread_round.hidden_observations.all()) == []


def test_observation_toggle_without_a_key_is_404(facilitator_client, spread_round):
    response = facilitator_client.post(url("observation_toggle", spread_round), {"key": ""})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert list(spread_round.hidden_observations.all()) == []


def test_own_observation_add(facilitator_client, round_):
    response = facilitator_client.post(url("own_observation_add", round_), {"theme": "D", "text": "Valt op"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == prepare_url(round_, "wat-opvalt")
    assert list(round_.own_observations.values_list("theme", "text")) == [("D", "Valt op")]
    assert messages_of(response) == [("success", dutch("Your observation has been added."))]


def test_own_observation_for_all_themes(facilitator_client, round_):
    facilitator_client.post(url("own_observation_add", round_), {"theme": "", "text": "Algemeen"})

    assert list(round_.own_observations.values_list("theme", "text")) == [("", "Algemeen")]


def test_own_observation_of_5000_characters_is_kept_whole(facilitator_client, round_):
    facilitator_client.post(url("own_observation_add", round_), {"theme": "D", "text": "x" * 5000})

    assert round_.own_observations.get().text == "x" * 5000


OBSERVATION_REFUSED = "Write what stands out, in at most 5,000 characters."
QUESTION_REFUSED = "Choose a theme and write the question, in at most 5,000 characters."


@pytest.mark.parametrize(
    ("endpoint", "data", "message"),
    [
        pytest.param(
            "own_observation_add",
            {"theme": "D", "text": TOO_LONG},
            OBSERVATION_REFUSED,
            id="observation too long",
        ),
        pytest.param(
            "own_observation_add",
            {"theme": "Z", "text": "Valt op"},
            OBSERVATION_REFUSED,
            id="observation unknown theme",
        ),
        pytest.param(
            "own_observation_add", {"theme": "D", "text": ""}, OBSERVATION_REFUSED, id="observation empty"
        ),
        pytest.param(
            "question_add", {"theme": "D", "text": TOO_LONG}, QUESTION_REFUSED, id="question too long"
        ),
        pytest.param(
            "question_add", {"theme": "Z", "text": "Vraag"}, QUESTION_REFUSED, id="question unknown theme"
        ),
        pytest.param(
            "question_add", {"theme": "", "text": "Vraag"}, QUESTION_REFUSED, id="question without theme"
        ),
    ],
)
def test_a_refused_observation_or_question_saves_nothing(facilitator_client, round_, endpoint, data, message):
    response = facilitator_client.post(url(endpoint, round_), data)

    assert response.status_code == HTTPStatus.FOUND
    assert (list(round_.own_observations.all()), list(round_.conversation_questions.all())) == ([], [])
    assert messages_of(response) == [("error", dutch(message))]


def test_own_observation_delete(facilitator_client, round_, own_observation):
    response = facilitator_client.post(
        url("own_observation_delete", round_, observation_id=own_observation.pk)
    )

    assert response.status_code == HTTPStatus.FOUND
    assert list(round_.own_observations.all()) == []


def test_own_observation_of_another_round_cannot_be_deleted(facilitator_client, organisation, round_):
    other_round = RoundFactory(organisation=organisation)
    other = OwnObservationFactory(round=other_round, text="Andere ronde")

    response = facilitator_client.post(url("own_observation_delete", round_, observation_id=other.pk))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert OwnObservation.objects.filter(pk=other.pk).exists()


def test_prepare_page_proposes_questions_not_taken_over_yet(facilitator_client, spread_round):
    proposals = facilitator_client.get(url("prepare", spread_round)).context["proposals"]
    theme, text = proposals[0]
    ConversationQuestionFactory(round=spread_round, theme=theme, text=text, position=1, proposed=True)

    again = facilitator_client.get(url("prepare", spread_round)).context["proposals"]

    assert theme == "D"
    assert again == proposals[1:]


# --- Prepare page: questions for the group ----------------------------------------------------------------


def test_question_add_puts_it_last(facilitator_client, round_, questions):
    response = facilitator_client.post(
        url("question_add", round_), {"theme": "B", "text": "Wie weet het?", "proposed": "1"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == prepare_url(round_, "vragen")
    added = round_.conversation_questions.last()
    assert (added.theme, added.text, added.position, added.proposed) == ("B", "Wie weet het?", 4, True)


def test_question_save_changes_the_text(facilitator_client, round_, questions):
    response = facilitator_client.post(
        url("question_update", round_, question_id=questions[1].pk), {"action": "save", "text": "Beter"}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert [q.text for q in round_.conversation_questions.all()] == ["Vraag 1", "Beter", "Vraag 3"]


@pytest.mark.parametrize("text", [TOO_LONG, ""], ids=["too long", "empty"])
def test_question_save_refused_keeps_the_text(facilitator_client, round_, questions, text):
    response = facilitator_client.post(
        url("question_update", round_, question_id=questions[1].pk), {"action": "save", "text": text}
    )

    assert response.url == prepare_url(round_, f"vraag-{questions[1].pk}")
    assert [q.text for q in round_.conversation_questions.all()] == ["Vraag 1", "Vraag 2", "Vraag 3"]
    assert messages_of(response) == [
        ("error", dutch("A question cannot be empty or longer than 5,000 characters."))
    ]


@pytest.mark.parametrize(
    ("index", "action", "order"),
    [
        (1, "up", ["Vraag 2", "Vraag 1", "Vraag 3"]),
        (1, "down", ["Vraag 1", "Vraag 3", "Vraag 2"]),
        (0, "up", ["Vraag 1", "Vraag 2", "Vraag 3"]),
        (2, "down", ["Vraag 1", "Vraag 2", "Vraag 3"]),
    ],
)
def test_question_move_reorders_the_positions(facilitator_client, round_, questions, index, action, order):
    facilitator_client.post(
        url("question_update", round_, question_id=questions[index].pk), {"action": action}
    )

    ordered = list(round_.conversation_questions.all())
    assert [q.text for q in ordered] == order
    assert [q.position for q in ordered] == [1, 2, 3]


def test_question_move_after_a_delete_keeps_the_order(facilitator_client, round_, questions):
    questions[0].delete()

    facilitator_client.post(url("question_update", round_, question_id=questions[2].pk), {"action": "up"})

    assert [q.text for q in round_.conversation_questions.all()] == ["Vraag 3", "Vraag 2"]


def test_question_delete(facilitator_client, round_, questions):
    facilitator_client.post(url("question_update", round_, question_id=questions[0].pk), {"action": "delete"})

    assert [q.text for q in round_.conversation_questions.all()] == ["Vraag 2", "Vraag 3"]


def test_question_of_another_round_cannot_be_changed(facilitator_client, organisation, round_):
    other = ConversationQuestionFactory(round=RoundFactory(organisation=organisation), theme="A", text="X")

    response = facilitator_client.post(
        url("question_update", round_, question_id=other.pk), {"action": "delete"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert ConversationQuestion.objects.filter(pk=other.pk).exists()
