"""The presenter view: the overview, each theme's slides, and the live fragment it polls."""

import re
from http import HTTPStatus

import pytest

from gesprekstool.rounds import services
from gesprekstool.rounds.live import live_version
from gesprekstool.rounds.models import Round
from gesprekstool.rounds.slides import Slide
from tests.factories import answer_everything
from tests.rounds.pages import url


def test_round_present_overview(facilitator_client, spread_round):
    response = facilitator_client.get(url("present", spread_round))

    assert response.status_code == HTTPStatus.OK
    assert response.context["theme"] is None
    assert [row.theme for row in response.context["analysis"].chart.rows] == ["A", "B", "C", "D", "E", "F"]
    steps = response.context["steps"]
    assert (steps.previous, steps.next, steps.last) == (None, Slide("A"), Slide("F", "antwoorden"))


def test_round_present_a_theme(facilitator_client, spread_round, own_observation, questions):
    response = facilitator_client.get(f"{url('present', spread_round)}?thema=D")

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert [row.theme for row in response.context["analysis"].chart.rows] == ["D"]
    assert [q.text for q in response.context["questions"]] == ["Vraag 1", "Vraag 3"]
    assert spread_round.instrument.theme("D").statement in page
    assert (
        "Deelnemer 1 (Armoede) (nog niet ingeleverd) geeft 2, Deelnemer 2 (Gezondheid) (nog niet ingeleverd) geeft 5"
        in page
    )
    assert "Eigen observatie" in page
    assert "Vraag 2" not in page
    steps = response.context["steps"]
    assert (steps.previous, steps.next) == (Slide("C", "antwoorden"), Slide("D", "antwoorden"))


def test_round_present_first_theme_goes_back_to_the_overview(facilitator_client, round_):
    response = facilitator_client.get(f"{url('present', round_)}?thema=A")

    steps = response.context["steps"]
    assert (steps.previous, steps.next) == (Slide(""), Slide("A", "antwoorden"))


def test_round_present_answers_slide_counts_each_option_with_texts_on_demand(
    facilitator_client, round_, participant, other_participant
):
    question = next(q for q in round_.instrument.questions if any(o.needs_text for o in q.options))
    plain = next(o for o in question.options if not (o.needs_text or o.exclusive))
    text_option = next(o for o in question.options if o.needs_text)
    answer_everything(participant)
    answer_everything(other_participant)
    services.save_question(participant, question=question.code, choices={plain.code: ""})
    services.save_question(
        other_participant, question=question.code, choices={text_option.code: "Via de wijkteams"}
    )

    response = facilitator_client.get(f"{url('present', round_)}?thema={question.theme}&deel=antwoorden")

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert response.context["theme_result"].theme.code == question.theme
    assert f"{question.number}. {question.text}" in page
    assert '1<span class="gt-visually-hidden"> van 2</span>' in page
    assert "Toon 1 tekst</summary>" in page
    assert "Via de wijkteams" in page
    assert 'id="live"' not in page
    codes = [t.code for t in round_.instrument.themes]
    following = codes[codes.index(question.theme) + 1]
    assert (response.context["steps"].previous, response.context["steps"].next) == (
        Slide(question.theme),
        Slide(following),
    )


@pytest.mark.parametrize("query", ["?deel=antwoorden", "?thema=A&deel=iets"])
def test_round_present_of_an_unknown_part_is_404(facilitator_client, round_, query):
    assert facilitator_client.get(url("present", round_) + query).status_code == HTTPStatus.NOT_FOUND


def test_round_present_links_first_and_last_slides_for_the_keys(facilitator_client, round_):
    page = facilitator_client.get(f"{url('present', round_)}?thema=C").content.decode()

    present = url("present", round_)
    assert (
        f'<link rel="first" href="{present}"><link rel="last" href="{present}?thema=F&amp;deel=antwoorden">'
        in page
    )


@pytest.mark.parametrize("name", ["present", "present_live"])
def test_round_present_of_an_unknown_theme_is_404(facilitator_client, round_, name):
    response = facilitator_client.get(f"{url(name, round_)}?thema=Z")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_round_present_live_is_only_the_fragment(facilitator_client, spread_round):
    response = facilitator_client.get(f"{url('present_live', spread_round)}?thema=D")

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<html" not in page
    assert page.lstrip().startswith('<div id="live"')
    assert (
        "Deelnemer 1 (Armoede) (nog niet ingeleverd) geeft 2, Deelnemer 2 (Gezondheid) (nog niet ingeleverd) geeft 5"
        in page
    )


def live_version_of(response) -> str:
    return response.context["live_version"]


def test_round_present_live_unchanged_poll_is_empty(
    facilitator_client, spread_round, django_assert_num_queries
):
    shown = facilitator_client.get(f"{url('present_live', spread_round)}?thema=D")

    # session, user, round, membership, the fingerprint: no results read, nothing drawn
    with django_assert_num_queries(5):
        response = facilitator_client.get(
            f"{url('present_live', spread_round)}?thema=D&versie={live_version_of(shown)}"
        )

    assert (response.status_code, response.content) == (HTTPStatus.NO_CONTENT, b"")


def test_round_present_live_update_sends_no_table(facilitator_client, spread_round):
    html = facilitator_client.get(f"{url('present_live', spread_round)}?thema=D").content.decode()

    assert 'id="present-chart-title"' in html
    assert 'id="present-table-caption"' not in html


def test_round_present_live_table_is_sent_when_opened(facilitator_client, spread_round):
    response = facilitator_client.get(f"{url('present_live', spread_round)}?thema=D&deel=tabel")
    html = response.content.decode()

    assert response.status_code == HTTPStatus.OK
    assert 'id="present-table-caption"' in html
    assert "Deelnemer 1 (Armoede)" in html
    assert 'id="present-chart-title"' not in html


def test_round_present_live_after_a_new_score_is_the_fragment(facilitator_client, spread_round, participant):
    shown = facilitator_client.get(f"{url('present_live', spread_round)}?thema=D")
    services.save_score(participant, theme="D", value=1)

    response = facilitator_client.get(
        f"{url('present_live', spread_round)}?thema=D&versie={live_version_of(shown)}"
    )

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert (
        "Deelnemer 1 (Armoede) (nog niet ingeleverd) geeft 1, Deelnemer 2 (Gezondheid) (nog niet ingeleverd) geeft 5"
        in page
    )
    assert f"versie={live_version_of(response)}" in page
    assert live_version_of(response) != live_version_of(shown)


def test_round_present_page_polls_with_the_version_it_shows(facilitator_client, spread_round):
    response = facilitator_client.get(f"{url('present', spread_round)}?thema=D")

    live = url("present_live", spread_round)
    assert f'data-hx-get="{live}?thema=D&amp;versie={live_version_of(response)}"' in response.content.decode()


# --- The answers slide updates itself too -----------------------------------------------------------------


def text_question(round_):
    """A step-2 question with an "anders, namelijk" option, that option and a plain one."""
    question = next(q for q in round_.instrument.questions if any(o.needs_text for o in q.options))
    plain = next(o for o in question.options if not (o.needs_text or o.exclusive))
    return question, next(o for o in question.options if o.needs_text), plain


def version_in(response) -> str:
    """The version a fragment polls with (a fragment without an include has no response.context)."""
    return re.search(r"versie=([0-9a-f]+)", response.content.decode())[1]


def answers_live(round_, theme: str, version: str = "") -> str:
    return f"{url('present_live', round_)}?thema={theme}&deel=antwoorden" + (
        f"&versie={version}" if version else ""
    )


def test_round_present_answers_slide_polls_with_the_version_it_shows(facilitator_client, round_, participant):
    question, _text_option, _plain = text_question(round_)
    answer_everything(participant)

    response = facilitator_client.get(f"{url('present', round_)}?thema={question.theme}&deel=antwoorden")

    live = url("present_live", round_)
    page = response.content.decode()
    assert (
        f'data-hx-get="{live}?thema={question.theme}&amp;deel=antwoorden&amp;versie={live_version_of(response)}"'
        in page
    )
    assert "data-hx-swap-oob" not in page
    assert "<template>" not in page


def test_round_present_live_answers_unchanged_poll_is_empty(
    facilitator_client, round_, participant, django_assert_num_queries
):
    question, _text_option, _plain = text_question(round_)
    answer_everything(participant)
    shown = facilitator_client.get(f"{url('present', round_)}?thema={question.theme}&deel=antwoorden")

    # session, user, round, membership, the fingerprint: nothing read, nothing drawn
    with django_assert_num_queries(5):
        response = facilitator_client.get(answers_live(round_, question.theme, version_in(shown)))

    assert (response.status_code, response.content) == (HTTPStatus.NO_CONTENT, b"")


def test_round_present_live_answers_after_a_tick_and_a_text_sends_the_changed_parts(
    facilitator_client, round_, participant, other_participant
):
    question, text_option, plain = text_question(round_)
    answer_everything(participant)
    answer_everything(other_participant)
    services.save_question(participant, question=question.code, choices={plain.code: ""})
    services.save_question(other_participant, question=question.code, choices={plain.code: ""})
    shown = facilitator_client.get(answers_live(round_, question.theme))

    services.save_question(
        other_participant, question=question.code, choices={text_option.code: "Via de wijkteams"}
    )
    response = facilitator_client.get(answers_live(round_, question.theme, version_in(shown)))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert version_in(response) != version_in(shown)
    assert version_in(response) == live_version(Round.objects.get(pk=round_.pk))
    # The new poller replaces the old; every part that changes is swapped by its id, the rest dropped.
    assert page.lstrip().startswith(
        f'<div id="present-answers-live" data-hx-get="{url("present_live", round_)}?thema={question.theme}'
        f'&amp;deel=antwoorden&amp;versie={version_in(response)}"'
    )
    assert (
        f'<span class="gt-present__count" id="present-count-{plain.code}" data-hx-swap-oob="true">1'
        '<span class="gt-visually-hidden"> van 2</span></span>'
    ) in page
    assert (
        f'<details class="gt-details gt-present__texts" id="present-texts-{text_option.code}" '
        'data-hx-swap-oob="innerHTML"><summary>Toon 1 tekst</summary>'
    ) in page
    assert "<q>Via de wijkteams</q>" in page
    assert page.count("<template>") == 1


def test_round_present_live_answers_after_a_comment_sends_it(facilitator_client, round_, participant):
    question, _text_option, _plain = text_question(round_)
    answer_everything(participant)
    shown = facilitator_client.get(answers_live(round_, question.theme))

    services.save_comment(participant, theme=question.theme, text="Nieuw in de zaal")
    response = facilitator_client.get(answers_live(round_, question.theme, version_in(shown)))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert (
        '<details class="gt-details gt-present__texts" id="present-comments" data-hx-swap-oob="innerHTML">'
        "<summary>Toon 1 opmerking</summary>"
    ) in page
    assert "Nieuw in de zaal</li>" in page


@pytest.mark.parametrize("query", ["?deel=antwoorden", "?thema=A&deel=iets"])
def test_round_present_live_of_an_unknown_part_is_404(facilitator_client, round_, query):
    assert facilitator_client.get(url("present_live", round_) + query).status_code == HTTPStatus.NOT_FOUND
