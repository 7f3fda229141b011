"""Two tabs on the same link never overwrite each other silently (issue 15): every answer field
carries the version of the answer it showed, and a save from a page whose answer changed since is
refused with 409, "not saved", what is stored and a link to reload."""

import re
from http import HTTPStatus

import pytest

from gesprekstool.rounds import services, versions
from gesprekstool.rounds.models import Participant
from tests.factories import answer_everything, answer_step1, answers_of
from tests.rounds.fill import HTMX, fill_url


def version_on(client, url: str, name: str) -> str:
    """The version a freshly loaded page carries in its hidden field `name`."""
    page = client.get(url).content.decode()
    return re.search(rf'name="{name}" id="[^"]+" value="([0-9a-f]*)"', page).group(1)


def htmx(target: str) -> dict:
    return {**HTMX, "HTTP_HX_TARGET": target, "HTTP_HX_CURRENT_URL": "http://testserver/stap-1/"}


def test_step1_carries_the_version_of_each_stored_answer(client, started):
    score = services.save_score(started, theme="A", value=2)
    services.save_step1_note(started, text="Mijn notitie")

    page = client.get(fill_url(started, "step1")).content.decode()

    assert f'name="score-A-version" id="version-step1-A" value="{versions.of_score(score)}"' in page
    assert f'name="score-B-version" id="version-step1-B" value="{versions.of_score(None)}"' in page
    assert f'name="note-version" id="version-note" value="{versions.of_text("Mijn notitie")}"' in page


def test_score_saved_from_a_current_page_returns_its_new_version(client, started):
    version = version_on(client, fill_url(started, "step1"), "score-A-version")

    first = client.post(
        fill_url(started, "score", theme="A"),
        {"score-A-score": 4, "score-A-version": version},
        **htmx("status-step1-A"),
    )
    new_version = versions.of_score(started.scores.get(theme="A"))
    # The same tab saves again with the version the first answer gave it: not stale.
    second = client.post(
        fill_url(started, "score", theme="A"),
        {"score-A-score": 5, "score-A-version": new_version},
        **htmx("status-step1-A"),
    )

    assert first.status_code == HTTPStatus.OK
    assert (
        f'<input type="hidden" name="score-A-version" id="version-step1-A" value="{new_version}" '
        'data-hx-swap-oob="true">' in first.content.decode()
    )
    assert second.status_code == HTTPStatus.OK
    assert started.scores.get(theme="A").first == 5


def test_score_from_a_stale_page_is_refused_and_says_what_is_stored(client, started):
    stale = version_on(client, fill_url(started, "step1"), "score-A-version")
    services.save_score(started, theme="A", value=4)  # the other tab

    response = client.post(
        fill_url(started, "score", theme="A"),
        {"score-A-score": 2, "score-A-version": stale},
        **htmx("status-step1-A"),
    )

    page = response.content.decode()
    assert response.status_code == HTTPStatus.CONFLICT
    assert 'data-stored="4"' in page
    assert "Niet opgeslagen." in page
    assert "Dit antwoord is in een ander venster of tabblad veranderd" in page
    assert '<a class="utrecht-link utrecht-link--html-a" href="/stap-1/">Pagina opnieuw laden</a>' in page
    assert "Opgeslagen om" not in page
    assert "data-hx-swap-oob" not in page
    assert started.scores.get(theme="A").first == 4


def test_note_from_a_stale_page_is_refused(client, started):
    stale = version_on(client, fill_url(started, "step1"), "note-version")
    services.save_step1_note(started, text="Uit het andere tabblad")

    response = client.post(
        fill_url(started, "note"), {"note-text": "Van hier", "note-version": stale}, **htmx("status-note")
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert Participant.objects.get(pk=started.pk).step1_note == "Uit het andere tabblad"


def test_page_posted_after_its_own_autosave_of_the_same_answer_is_no_conflict(client, started):
    # The note's autosave (on leaving the field) may reach the server just before the page's own
    # "save and go on": what is stored then already is what the page sends, so nothing is refused.
    page_version = version_on(client, fill_url(started, "step1"), "note-version")
    services.save_step1_note(started, text="Verbonden op papier")
    data = {f"score-{t}-score": 3 for t in "ABCDEF"}
    data.update({"note-text": "Verbonden op papier", "note-version": page_version})

    response = client.post(fill_url(started, "step1"), data)

    assert response.status_code == HTTPStatus.FOUND
    assert answers_of(started)["scores"]["A"] == (3, None)


def test_step1_page_posted_from_a_stale_page_is_refused(client, started):
    stale = version_on(client, fill_url(started, "step1"), "score-A-version")
    services.save_score(started, theme="A", value=4)
    before = answers_of(started)
    data = {f"score-{t}-score": 3 for t in "ABCDEF"}
    data["score-A-version"] = stale

    response = client.post(fill_url(started, "step1"), data)

    assert response.status_code == HTTPStatus.CONFLICT
    assert answers_of(started)["scores"]["A"] == before["scores"]["A"] == (4, None)
    assert answers_of(started)["step1_done_at"] is None
    assert 'href="' + fill_url(started, "step1") + '"' in response.content.decode()


@pytest.mark.parametrize(
    ("endpoint", "extra", "headers"),
    [
        pytest.param("comment", {}, htmx("status-comment"), id="autosave"),
        pytest.param("step2", {"go": "next"}, {}, id="step 2 page"),
    ],
)
def test_comment_from_a_stale_page_is_refused(client, started, endpoint, extra, headers):
    answer_step1(started)
    stale = version_on(client, fill_url(started, "step2", theme="A"), "comment-A-version")
    services.save_comment(started, theme="A", text="Uit het andere tabblad")

    response = client.post(
        fill_url(started, endpoint, theme="A"),
        {"comment-A-text": "Van hier", "comment-A-version": stale, **extra},
        **headers,
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert started.comments.get(theme="A").text == "Uit het andere tabblad"


def test_question_from_a_stale_page_is_refused_and_says_what_is_stored(client, started):
    answer_step1(started)
    question = started.round.instrument.theme("A").questions[0]
    plain = [o.code for o in question.options if not o.needs_text and not o.exclusive]
    stale = version_on(client, fill_url(started, "step2", theme="A"), f"q{question.code}-version")
    services.save_question(started, question=question.code, choices={plain[0]: ""})

    response = client.post(
        fill_url(started, "question", question=question.code),
        {f"q{question.code}-options": [plain[1]], f"q{question.code}-version": stale},
        **htmx(f"status-q{question.code}"),
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert f'data-stored="{plain[0]}"' in response.content.decode()
    assert list(started.choices.values_list("option", flat=True)) == [plain[0]]


def test_revised_score_from_a_stale_page_is_refused(client, started):
    answer_everything(started, score=3)
    stale = version_on(client, fill_url(started, "review"), "score-A-version")
    services.save_revised_score(started, theme="A", value=5)

    response = client.post(
        fill_url(started, "revise", theme="A"),
        {"score-A-score": 1, "score-A-version": stale},
        **htmx("status-revise-A"),
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert 'data-stored="5"' in response.content.decode()
    assert started.scores.get(theme="A").revised == 5


def test_a_save_without_a_version_is_not_checked(client, started):
    services.save_score(started, theme="A", value=4)

    response = client.post(fill_url(started, "score", theme="A"), {"score-A-score": 2}, **HTMX)

    assert response.status_code == HTTPStatus.OK
    assert started.scores.get(theme="A").first == 2


def test_check_version_in_the_service_writes_nothing_when_stale(started):
    services.save_score(started, theme="A", value=4)

    with pytest.raises(services.StaleAnswer) as refusal:
        services.save_score(started, theme="A", value=1, expected_version=versions.of_score(None))

    assert refusal.value.stored == ["4"]
    assert started.scores.get(theme="A").first == 4
