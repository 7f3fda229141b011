"""htmx autosave on the answer pages: every field saves the moment it changes, in a fixed number of
queries, and a double submit is harmless."""

import functools
import operator
from http import HTTPStatus

import pytest

from gesprekstool.rounds import services
from tests.factories import answers_of
from tests.rounds.fill import HTMX, fill_url, question_data, scores_data

# --- htmx: every field saves the moment it changes --------------------------------------------------------


def test_fill_score_htmx_saves_immediately(client, started):
    response = client.post(fill_url(started, "score", theme="B"), scores_data({"B": 5}), **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert "<html" not in response.content.decode()
    assert answers_of(started)["scores"] == {"B": (5, None)}


def test_fill_score_htmx_marks_the_link_opened(client, participant):
    client.post(fill_url(participant, "score", theme="A"), scores_data({"A": 2}), **HTMX)

    assert answers_of(participant)["first_opened_at"] is not None


def test_fill_note_htmx_saves_immediately(client, started):
    response = client.post(fill_url(started, "note"), {"note-text": "Wat opvalt"}, **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert answers_of(started)["note"] == "Wat opvalt"


def test_fill_question_htmx_saves_immediately(client, in_step2):
    data = question_data("1", ["1a", "1f"], {"1f": "Een eigen reden"})

    response = client.post(fill_url(in_step2, "question", question="1"), data, **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert answers_of(in_step2)["choices"] == {"1a": ("1", ""), "1f": ("1", "Een eigen reden")}


def test_fill_question_htmx_untick_removes_the_choice(client, in_step2):
    services.save_question(in_step2, question="1", choices={"1a": "", "1b": ""})

    client.post(fill_url(in_step2, "question", question="1"), question_data("1", ["1b"]), **HTMX)

    assert answers_of(in_step2)["choices"] == {"1b": ("1", "")}


def test_fill_comment_htmx_saves_immediately(client, in_step2):
    response = client.post(fill_url(in_step2, "comment", theme="C"), {"comment-C-text": "Idee"}, **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert answers_of(in_step2)["comments"] == {"C": "Idee"}


def test_fill_revise_htmx_saves_the_revised_score(client, in_review):
    response = client.post(fill_url(in_review, "revise", theme="D"), scores_data({"D": 1}), **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert answers_of(in_review)["scores"]["D"] == (3, 1)


# --- Autosave: a fixed, small number of queries; a double submit is harmless ------------------------------
# Each is: the link -> participant -> round -> organisation (one query), then the write. The tests run
# inside a transaction, so transaction.atomic shows as SAVEPOINT and RELEASE.


# Per autosave endpoint: its URL's kwargs, the data posted, where `answers_of` shows it, and what it shows.
AUTOSAVES = {
    "score": ({"theme": "B"}, scores_data({"B": 5}), ("scores", "B"), (5, None)),
    "note": ({}, {"note-text": "Wat opvalt"}, ("note",), "Wat opvalt"),
    "question": (
        {"question": "1"},
        question_data("1", ["1a", "1f"], {"1f": "Een eigen reden"}),
        ("choices",),
        {"1a": ("1", ""), "1f": ("1", "Een eigen reden")},
    ),
    "comment": ({"theme": "C"}, {"comment-C-text": "Idee"}, ("comments", "C"), "Idee"),
    "revise": ({"theme": "D"}, scores_data({"D": 1}), ("scores", "D"), (3, 1)),
}


@pytest.mark.parametrize(
    ("who", "endpoint", "queries"),
    [
        # participant, the score's INSERT ... ON CONFLICT UPDATE (the link was opened already)
        pytest.param("started", "score", 2, id="score"),
        # participant, the score, the moment the link was opened
        pytest.param("participant", "score", 3, id="unopened"),
        # participant, the note's UPDATE
        pytest.param("started", "note", 2, id="note"),
        # participant, SAVEPOINT, DELETE of the unticked options, one INSERT ... ON CONFLICT for both, RELEASE
        pytest.param("in_step2", "question", 5, id="question"),
        # participant, the comment's INSERT ... ON CONFLICT UPDATE
        pytest.param("in_step2", "comment", 2, id="comment"),
        # participant, the score's INSERT ... ON CONFLICT UPDATE
        pytest.param("in_review", "revise", 2, id="revise"),
    ],
)
def test_fill_autosave_takes_a_fixed_number_of_queries_and_saves(
    request, client, django_assert_num_queries, who, endpoint, queries
):
    participant = request.getfixturevalue(who)
    kwargs, data, saved, value = AUTOSAVES[endpoint]

    with django_assert_num_queries(queries):
        response = client.post(fill_url(participant, endpoint, **kwargs), data, **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert functools.reduce(operator.getitem, saved, answers_of(participant)) == value


def test_fill_refused_autosave_reads_only_the_participant(client, started, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.post(fill_url(started, "score", theme="B"), scores_data({"B": 9}), **HTMX)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY


def test_fill_autosave_twice_keeps_one_answer_each(client, in_step2):
    question = question_data("1", ["1a", "1f"], {"1f": "Een eigen reden"})
    comment = {"comment-C-text": "Idee"}

    for _ in range(2):
        client.post(fill_url(in_step2, "question", question="1"), question, **HTMX)
        client.post(fill_url(in_step2, "comment", theme="C"), comment, **HTMX)

    assert answers_of(in_step2)["choices"] == {"1a": ("1", ""), "1f": ("1", "Een eigen reden")}
    assert answers_of(in_step2)["comments"] == {"C": "Idee"}
    assert (in_step2.choices.count(), in_step2.comments.count()) == (2, 1)


def test_fill_autosave_keeps_the_other_score(client, in_review):
    client.post(fill_url(in_review, "revise", theme="D"), scores_data({"D": 1}), **HTMX)
    client.post(fill_url(in_review, "revise", theme="D"), scores_data({"D": 2}), **HTMX)

    assert answers_of(in_review)["scores"]["D"] == (3, 2)
