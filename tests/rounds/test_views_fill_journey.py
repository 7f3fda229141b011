"""A participant's link from the introduction to "Klaar": the journey, resuming where they left off,
and the links to part 2 of the tool."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds import services
from tests.answers import INSTRUMENT, THEMES
from tests.factories import answer_everything, answer_step1, answer_theme, answers_of, first_choice
from tests.rounds.fill import fill_url, scores_data, theme_data

# --- The journey -----------------------------------------------------------------------------------------


def test_fill_journey_succeeds(client, participant):
    intro = client.get(fill_url(participant, "intro"))
    start = client.post(fill_url(participant, "start"))
    step1_page = client.get(fill_url(participant, "step1"))
    first_scores = dict(zip(THEMES, [1, 2, 3, 4, 5, 6], strict=True))
    step1 = client.post(fill_url(participant, "step1"), {**scores_data(first_scores), "note-text": "Valt op"})

    assert (intro.status_code, step1_page.status_code) == (HTTPStatus.OK, HTTPStatus.OK)
    assert participant.display_name in intro.content.decode()
    assert start.url == fill_url(participant, "step1")
    assert step1.url == fill_url(participant, "step2", theme="A")

    for index, theme in enumerate(THEMES):
        page = client.get(fill_url(participant, "step2", theme=theme))
        saved = client.post(
            fill_url(participant, "step2", theme=theme), theme_data(theme, comment=f"Over {theme}")
        )
        expected = (
            fill_url(participant, "step2", theme=THEMES[index + 1]) if index + 1 < len(THEMES) else None
        )
        assert page.status_code == HTTPStatus.OK
        assert saved.url == (expected or fill_url(participant, "review"))

    review = client.get(fill_url(participant, "review"))
    revised = {**first_scores, "A": 5}
    finish = client.post(fill_url(participant, "review"), {**scores_data(revised), "go": "finish"})
    done = client.get(fill_url(participant, "done"))

    assert (review.status_code, done.status_code) == (HTTPStatus.OK, HTTPStatus.OK)
    assert finish.url == fill_url(participant, "done")
    saved = answers_of(participant)
    assert saved["scores"] == {theme: (first_scores[theme], revised[theme]) for theme in THEMES}
    assert saved["choices"] == {
        code: (question.code, text)
        for question in INSTRUMENT.questions
        for code, text in first_choice(question).items()
    }
    assert saved["comments"] == {theme: f"Over {theme}" for theme in THEMES}
    assert saved["note"] == "Valt op"
    assert None not in (
        saved["first_opened_at"],
        saved["step1_done_at"],
        saved["step2_done_at"],
        saved["finished_at"],
    )


def test_fill_step2_previous_button_goes_back_and_saves(client, in_step2):
    response = client.post(fill_url(in_step2, "step2", theme="B"), {**theme_data("B"), "go": "previous"})

    assert response.url == fill_url(in_step2, "step2", theme="A")
    assert set(answers_of(in_step2)["choices"]) == {"2a", "3a"}


def test_fill_step1_with_a_missing_score_saves_the_others(client, started):
    data = scores_data(dict.fromkeys(THEMES[:-1], 2))

    response = client.post(fill_url(started, "step1"), data)

    saved = answers_of(started)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert saved["scores"] == {theme: (2, None) for theme in THEMES[:-1]}
    assert saved["step1_done_at"] is None


def test_fill_step2_before_step1_redirects_to_step1(client, started):
    response = client.get(fill_url(started, "step2", theme="A"))

    assert response.url == fill_url(started, "step1")


def test_fill_review_save_keeps_the_first_scores(client, in_review):
    response = client.post(
        fill_url(in_review, "review"), {**scores_data(dict.fromkeys(THEMES, 6)), "go": "save"}
    )

    saved = answers_of(in_review)
    assert response.url == fill_url(in_review, "review")
    assert saved["scores"] == dict.fromkeys(THEMES, (3, 6))
    assert saved["finished_at"] is None


# --- Resume: the link opens where the participant left off ------------------------------------------------


def test_fill_intro_shows_the_introduction_before_the_start(client, participant):
    response = client.get(fill_url(participant, "intro"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Welkom, Fatima" in html
    assert "Stap 1: u geeft een score van 1 tot en met 5 bij zes stellingen" in html
    assert fill_url(participant, "start") in html


def test_fill_intro_resumes_at_step1(client, started):
    response = client.get(fill_url(started, "intro"))

    assert response.url == fill_url(started, "step1")


def test_fill_intro_resumes_at_the_first_unanswered_theme(client, in_step2):
    answer_theme(in_step2, "A")
    answer_theme(in_step2, "B")
    answer_theme(in_step2, "D")

    response = client.get(fill_url(in_step2, "intro"))

    assert response.url == fill_url(in_step2, "step2", theme="C")


def test_fill_intro_resumes_at_a_partly_answered_theme(client, in_step2):
    answer_theme(in_step2, "A")
    services.save_question(in_step2, question="2", choices={"2a": ""})

    response = client.get(fill_url(in_step2, "intro"))

    assert response.url == fill_url(in_step2, "step2", theme="B")


def test_fill_intro_resumes_at_the_review_after_step2(client, in_review):
    response = client.get(fill_url(in_review, "intro"))

    assert response.url == fill_url(in_review, "review")


def test_fill_intro_resumes_at_done_after_klaar(client, finished):
    response = client.get(fill_url(finished, "intro"))

    assert response.url == fill_url(finished, "done")


def test_fill_intro_can_be_read_again(client, in_step2):
    response = client.get(fill_url(in_step2, "intro") + "?intro=1")

    assert response.status_code == HTTPStatus.OK
    assert "Stap 1: u geeft een score van 1 tot en met 5 bij zes stellingen" in response.content.decode()


# --- Part 2 of the tool: the background and the library, linked without the token -----------------------

BACKGROUND = reverse("inspiration:background")
LIBRARY = reverse("inspiration:index")


def links_in(response) -> list[str]:
    return re.findall(r'href="([^"]+)"', response.content.decode())


def test_fill_intro_links_to_the_background_and_the_library(client, participant):
    response = client.get(fill_url(participant, "intro"))

    assert BACKGROUND in links_in(response)
    assert LIBRARY in links_in(response)
    assert "Over de gesprekstool" in response.content.decode()


@pytest.mark.parametrize("theme", ["A", "E"])
def test_fill_step2_links_to_its_theme_in_the_library(client, in_step2, theme):
    response = client.get(fill_url(in_step2, "step2", theme=theme))

    theme_links = [link for link in links_in(response) if link.startswith("/inspiratie/")]
    assert theme_links == [reverse("inspiration:theme", kwargs={"code": theme})]
    assert "Meer over dit thema" in response.content.decode()


def test_fill_done_links_to_the_background_and_the_library(client, finished):
    response = client.get(fill_url(finished, "done"))

    assert BACKGROUND in links_in(response)
    assert LIBRARY in links_in(response)
    assert "Verder lezen" in response.content.decode()


def test_fill_links_to_part_2_never_carry_the_token(client, finished):
    response = client.get(fill_url(finished, "done"))

    part2 = [link for link in links_in(response) if link.startswith("/inspiratie/")]
    assert part2 == [BACKGROUND, LIBRARY]
    assert all(finished.token not in link for link in part2)


@pytest.mark.parametrize(
    ("state", "said"),
    [
        ("step1", "Na stap 2 kunt u een score aanpassen."),
        ("step2", "Bij ‘Herzien en inleveren’ kunt u een score aanpassen."),
        ("finished", "U hebt uw antwoorden ingeleverd."),
    ],
)
def test_fill_step1_after_it_is_done_says_what_can_still_change(client, started, state, said):
    # Issue 15: after handing in, step 1 still said "Na stap 2 kunt u een score aanpassen".
    if state == "step1":
        answer_step1(started)
    else:
        answer_everything(started, finish=state == "finished")

    page = client.get(fill_url(started, "step1")).content.decode()

    assert said in page
    assert ("Na stap 2 kunt u een score aanpassen." in page) is (state == "step1")
