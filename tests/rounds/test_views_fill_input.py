"""Bad input on the answer pages: a clear refusal and nothing saved; text of any length up to the limit,
control characters dropped, hostile text escaped."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from gesprekstool.rounds import services
from tests.answers import INSTRUMENT, THEMES
from tests.factories import answers_of
from tests.rounds.fill import HTMX, fill_url, question_data, scores_data, theme_data

LIMIT = 5000


# --- Bad input: a clear refusal, and nothing saved before changes -----------------------------------------


@pytest.mark.parametrize("value", ["0", "7", "abc", "", "3.5"])
def test_fill_score_out_of_scale_is_refused(client, started, value):
    services.save_score(started, theme="A", value=4)
    before = answers_of(started)

    response = client.post(fill_url(started, "score", theme="A"), {"score-A-score": value}, **HTMX)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["form"].errors.as_data()["score"][0].code in {"invalid_choice", "required"}
    assert answers_of(started) == before


@pytest.mark.parametrize("value", ["0", "7", "abc"])
def test_fill_step1_out_of_scale_is_refused(client, started, value):
    services.save_score(started, theme="A", value=4)
    data = scores_data({**dict.fromkeys(THEMES, 2), "A": value})

    response = client.post(fill_url(started, "step1"), data)

    saved = answers_of(started)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert saved["scores"]["A"] == (4, None)
    assert saved["step1_done_at"] is None


@pytest.mark.parametrize("value", ["0", "7", "abc"])
def test_fill_revise_out_of_scale_is_refused(client, in_review, value):
    before = answers_of(in_review)

    response = client.post(fill_url(in_review, "revise", theme="A"), {"score-A-score": value}, **HTMX)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert answers_of(in_review) == before


@pytest.mark.parametrize(
    ("name", "kwargs", "method"),
    [
        ("score", {"theme": "Z"}, "post"),
        ("score", {"theme": "a"}, "post"),
        ("step2", {"theme": "Z"}, "get"),
        ("step2", {"theme": "Z"}, "post"),
        ("comment", {"theme": "Z"}, "post"),
        ("revise", {"theme": "Z"}, "post"),
        ("question", {"question": "15"}, "post"),
        ("question", {"question": "0"}, "post"),
        ("question", {"question": "1a"}, "post"),
    ],
)
def test_fill_unknown_theme_or_question_is_404(client, in_review, name, kwargs, method):
    before = answers_of(in_review)

    response = getattr(client, method)(fill_url(in_review, name, **kwargs), {"score-Z-score": "3"})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(in_review) == before


@pytest.mark.parametrize("options", [["1z"], ["2a"], ["1a", "2a"], ["A"]])
def test_fill_question_unknown_option_is_refused(client, in_step2, options):
    services.save_question(in_step2, question="1", choices={"1b": ""})
    before = answers_of(in_step2)

    response = client.post(fill_url(in_step2, "question", question="1"), question_data("1", options), **HTMX)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["form"].errors.as_data()["options"][0].code == "invalid_choice"
    assert answers_of(in_step2) == before


# Every field that takes free text: where it is posted, how, and where the text is stored.
TEXT_FIELDS = {
    "note": (
        lambda p: fill_url(p, "note"),
        lambda text: {"note-text": text},
        lambda saved: saved["note"],
    ),
    "comment": (
        lambda p: fill_url(p, "comment", theme="A"),
        lambda text: {"comment-A-text": text},
        lambda saved: saved["comments"].get("A"),
    ),
    "question": (
        lambda p: fill_url(p, "question", question="1"),
        lambda text: question_data("1", ["1f"], {"1f": text}),
        lambda saved: saved["choices"].get("1f", ("1", None))[1],
    ),
}


def error_codes(response) -> list[str]:
    return [e.code for errors in response.context["form"].errors.as_data().values() for e in errors]


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_fill_text_of_5000_characters_is_saved(client, started, field):
    url, data, stored = TEXT_FIELDS[field]
    text = "x" * LIMIT

    response = client.post(url(started), data(text), **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert stored(answers_of(started)) == text


@pytest.mark.parametrize("field", TEXT_FIELDS)
def test_fill_text_with_nul_and_other_control_characters_is_saved_without_them(client, started, field):
    url, data, stored = TEXT_FIELDS[field]

    response = client.post(url(started), data("a\x00b\x1b[0m\nc"), **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert stored(answers_of(started)) == "ab[0m\nc"


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("text", ["x" * (LIMIT + 1)], ids=["5001"])
def test_fill_text_too_long_is_refused(client, started, field, text):
    services.save_step1_note(started, text="Oud")
    services.save_comment(started, theme="A", text="Oud")
    services.save_question(started, question="1", choices={"1f": "Oud"})
    before = answers_of(started)
    url, data, _stored = TEXT_FIELDS[field]

    response = client.post(url(started), data(text), **HTMX)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert error_codes(response) == ["max_length"]
    assert answers_of(started) == before


@pytest.mark.parametrize(
    ("question", "options", "exclusive"),
    [
        ("1", ["1e", "1a"], "1e"),
        ("1", ["1a", "1e"], "1e"),
        ("11", ["11d", "11e"], "11d"),
    ],
)
def test_fill_question_exclusive_option_with_another_is_refused(
    client, in_step2, question, options, exclusive
):
    services.save_question(in_step2, question=question, choices={options[0]: ""})
    before = answers_of(in_step2)

    response = client.post(
        fill_url(in_step2, "question", question=question), question_data(question, options), **HTMX
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["form"].errors.as_data()["__all__"][0].code == "exclusive"
    assert INSTRUMENT.option(exclusive).text in response.content.decode()
    assert answers_of(in_step2) == before


def test_fill_question_1e_with_1a_names_wij_zien_geen_reden(client, in_step2):
    response = client.post(
        fill_url(in_step2, "question", question="1"), question_data("1", ["1e", "1a"]), **HTMX
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Wij zien geen reden." in response.content.decode()


@pytest.mark.parametrize("text", [None, "", "   ", "\n\t"])
def test_fill_question_anders_namelijk_without_text_is_refused(client, in_step2, text):
    services.save_question(in_step2, question="1", choices={"1a": ""})
    before = answers_of(in_step2)
    texts = {} if text is None else {"1f": text}

    response = client.post(
        fill_url(in_step2, "question", question="1"), question_data("1", ["1a", "1f"], texts), **HTMX
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["form"].errors.as_data()["text_1f"][0].code == "text_required"
    assert answers_of(in_step2) == before


def test_fill_question_text_of_an_unticked_option_is_not_stored(client, in_step2):
    data = question_data("1", ["1a"], {"1f": "Niet aangevinkt"})

    client.post(fill_url(in_step2, "question", question="1"), data, **HTMX)

    assert answers_of(in_step2)["choices"] == {"1a": ("1", "")}


def test_fill_step2_page_with_a_bad_question_saves_the_good_ones(client, in_step2):
    data = {**theme_data("B", comment="Goed"), **question_data("2", ["2a", "2e"])}

    response = client.post(fill_url(in_step2, "step2", theme="B"), data)

    saved = answers_of(in_step2)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert saved["choices"] == {"3a": ("3", "")}
    assert saved["comments"] == {"B": "Goed"}


HOSTILE = "<script>alert(1)</script>"


def test_fill_hostile_text_is_stored_as_given_and_escaped_in_results(client, facilitator, in_step2):
    client.post(fill_url(in_step2, "comment", theme="A"), {"comment-A-text": HOSTILE}, **HTMX)
    client.post(
        fill_url(in_step2, "question", question="1"), question_data("1", ["1f"], {"1f": HOSTILE}), **HTMX
    )
    client.post(fill_url(in_step2, "note"), {"note-text": "niet " + HOSTILE}, **HTMX)
    facilitator_client = Client()
    facilitator_client.force_login(facilitator)

    results = facilitator_client.get(reverse("rounds:results", kwargs={"pk": in_step2.round.pk}))

    saved = answers_of(in_step2)
    page = results.content.decode()
    assert (saved["comments"]["A"], saved["choices"]["1f"][1], saved["note"]) == (
        HOSTILE,
        HOSTILE,
        "niet " + HOSTILE,
    )
    assert HOSTILE not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 3


def test_fill_hostile_text_is_escaped_on_the_participants_own_pages(client, in_review):
    services.save_comment(in_review, theme="A", text=HOSTILE)

    review = client.get(fill_url(in_review, "review")).content.decode()

    assert HOSTILE not in review
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in review


def test_a_comment_loses_control_characters_but_keeps_its_lines(client, in_step2):
    response = client.post(
        fill_url(in_step2, "comment", theme="A"), {"comment-A-text": "Eerste\x0b regel\x1b\nTweede\x00 regel"}
    )

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.NO_CONTENT, HTTPStatus.FOUND)
    assert in_step2.comments.get(theme="A").text == "Eerste regel\nTweede regel"
