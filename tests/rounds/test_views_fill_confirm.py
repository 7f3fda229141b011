"""Option 4a beside another answer is a question "klopt dat?", not a refusal (issue 15): the source marks
no option exclusive, and a gemeente can have no policy yet but one department for both."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant
from tests.factories import answer_step1, answers_of
from tests.rounds.fill import HTMX


def question_url(participant: Participant) -> str:
    return reverse("fill:question", kwargs={"key": participant.token, "question": "4"})


@pytest.fixture
def in_step2(participant):
    services.mark_opened(participant)
    answer_step1(participant)
    return participant


@pytest.mark.parametrize("other", ["4c", "4d", "4e"])
def test_4a_with_another_answer_asks_and_saves_nothing(client, in_step2, other):
    before = answers_of(in_step2)

    response = client.post(question_url(in_step2), {"q4-options": ["4a", other]}, **HTMX)

    page = response.content.decode()
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["form"].errors.as_data()["__all__"][0].code == "confirm"
    assert "Klopt dat?" in page
    assert 'name="q4-confirm"' in page
    assert "Ja, dat klopt: ik bedoel deze combinatie" in page
    assert answers_of(in_step2) == before


def test_4a_with_another_answer_confirmed_is_saved(client, in_step2):
    response = client.post(question_url(in_step2), {"q4-options": ["4a", "4c"], "q4-confirm": "on"}, **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert sorted(in_step2.choices.values_list("option", flat=True)) == ["4a", "4c"]


def test_4a_alone_needs_no_confirmation(client, in_step2):
    response = client.post(question_url(in_step2), {"q4-options": ["4a"]}, **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert list(in_step2.choices.values_list("option", flat=True)) == ["4a"]


def test_a_confirmed_combination_shows_the_confirmation_ticked(client, in_step2):
    services.save_question(in_step2, question="4", choices={"4a": "", "4d": ""})

    page = client.get(reverse("fill:step2", kwargs={"key": in_step2.token, "theme": "C"})).content.decode()

    assert 'name="q4-confirm" value="on" id="id_q4-confirm" checked' in page


def test_a_question_without_such_an_option_shows_no_confirmation(client, in_step2):
    page = client.get(reverse("fill:step2", kwargs={"key": in_step2.token, "theme": "A"})).content.decode()

    assert "-confirm" not in page
