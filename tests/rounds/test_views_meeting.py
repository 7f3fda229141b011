"""Results, preparing the conversation, the presenter view and joining by code: who may do what."""

import datetime
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from gesprekstool.rounds import services
from gesprekstool.rounds.charts import PER_PARTICIPANT_UP_TO
from gesprekstool.rounds.models import (
    ConversationQuestion,
    FailedJoinAttempt,
    OwnObservation,
    Participant,
    Round,
)
from gesprekstool.rounds.preparation import JOIN_ALPHABET, JOIN_LENGTH
from gesprekstool.rounds.slides import Slide
from tests.factories import (
    ConversationQuestionFactory,
    HiddenObservationFactory,
    OwnObservationFactory,
    RoundFactory,
    add_answered_in_bulk,
    answer_everything,
    answer_step1,
)

TOO_LONG = "x" * 5001


def url(name: str, round_: Round, **kwargs) -> str:
    return reverse(f"rounds:{name}", kwargs={"pk": round_.pk, **kwargs})


def prepare_url(round_: Round, anchor: str) -> str:
    return f"{url('prepare', round_)}#{anchor}"


def messages_of(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def dutch(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


def meeting_state(round_: Round) -> dict:
    """Everything the meeting pages can change, for before/after comparisons."""
    fresh = Round.objects.get(pk=round_.pk)
    return {
        "hidden": sorted(fresh.hidden_observations.values_list("key", flat=True)),
        "own": list(fresh.own_observations.values_list("pk", "theme", "text")),
        "questions": list(
            fresh.conversation_questions.values_list("pk", "theme", "text", "position", "proposed")
        ),
        "round": (
            fresh.anonymised,
            fresh.results_for_participants,
            fresh.results_revealed_at,
            fresh.join_code,
        ),
        "participants": list(fresh.participants.values_list("pk", "display_name")),
    }


@pytest.fixture
def spread_round(round_, participant, other_participant):
    """Two participants far apart on theme D: Armoede 2, Gezondheid 5."""
    services.save_score(participant, theme="D", value=2)
    services.save_score(other_participant, theme="D", value=5)
    return round_


@pytest.fixture
def own_observation(round_):
    return OwnObservationFactory(round=round_, theme="D", text="Eigen observatie")


@pytest.fixture
def questions(round_):
    return [
        ConversationQuestionFactory(round=round_, theme=theme, text=f"Vraag {n}", position=n)
        for n, theme in enumerate(["D", "A", "D"], start=1)
    ]


def read_urls(round_: Round) -> dict[str, str]:
    return {
        "results": url("results", round_),
        "results table": f"{url('results', round_)}?deel=tabel",
        "results names": f"{url('results', round_)}?deel=namen",
        "prepare": url("prepare", round_),
        "present": url("present", round_),
        "present theme": f"{url('present', round_)}?thema=D",
        "live": url("present_live", round_),
        "live theme": f"{url('present_live', round_)}?thema=D",
        "live table": f"{url('present_live', round_)}?thema=D&deel=tabel",
    }


PAGES = [
    "results",
    "results table",
    "results names",
    "prepare",
    "present",
    "present theme",
    "live",
    "live theme",
    "live table",
]


def write_requests(round_: Round, own: OwnObservation, question: ConversationQuestion) -> dict[str, tuple]:
    """Every write of the meeting pages, as (url, data) for a POST."""
    update = url("question_update", round_, question_id=question.pk)
    return {
        "hide observation": (url("observation_toggle", round_), {"key": "spread:D"}),
        "show observation": (url("observation_toggle", round_), {"key": "low:A", "show": "1"}),
        "add own observation": (url("own_observation_add", round_), {"theme": "D", "text": "Nieuw"}),
        "delete own observation": (url("own_observation_delete", round_, observation_id=own.pk), {}),
        "add question": (url("question_add", round_), {"theme": "D", "text": "Nieuwe vraag"}),
        "save question": (update, {"action": "save", "text": "Anders"}),
        "move question": (update, {"action": "down"}),
        "delete question": (update, {"action": "delete"}),
        "settings": (url("settings", round_), {"results_for_participants": "on"}),
        "reveal": (url("reveal", round_), {}),
        "joining": (url("joining", round_), {}),
    }


WRITES = [
    "hide observation",
    "show observation",
    "add own observation",
    "delete own observation",
    "add question",
    "save question",
    "move question",
    "delete question",
    "settings",
    "reveal",
    "joining",
]


# --- Access -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_name", PAGES)
def test_meeting_pages_of_another_organisation_are_404(outsider_client, spread_round, page_name):
    response = outsider_client.get(read_urls(spread_round)[page_name])

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("page_name", PAGES)
def test_meeting_pages_open_for_a_reader(reader_client, spread_round, page_name):
    response = reader_client.get(read_urls(spread_round)[page_name])

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    # The pages name the round; the presenter's live fragment carries the version it shows, and its
    # table part the table.
    shows = {
        "live": "versie=",
        "live theme": "versie=",
        "live table": 'id="present-table-caption"',
        "results table": 'id="step1-caption"',
        "results names": 'id="step2-heading"',
    }
    assert shows.get(page_name, spread_round.title) in html


@pytest.mark.parametrize("page_name", PAGES)
def test_meeting_pages_need_a_login(client, spread_round, page_name):
    response = client.get(read_urls(spread_round)[page_name])

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize(
    ("who", "status"),
    [
        pytest.param("outsider_client", HTTPStatus.NOT_FOUND, id="another organisation 404"),
        pytest.param("reader_client", HTTPStatus.FORBIDDEN, id="reader 403"),
    ],
)
def test_meeting_writes_of_another_organisation_or_by_a_reader_are_refused(
    request, spread_round, own_observation, questions, write, who, status
):
    HiddenObservationFactory(round=spread_round, key="low:A")
    before = meeting_state(spread_round)
    target, data = write_requests(spread_round, own_observation, questions[0])[write]

    response = request.getfixturevalue(who).post(target, data)

    assert response.status_code == status
    assert meeting_state(spread_round) == before


@pytest.mark.parametrize("write", WRITES)
def test_meeting_writes_need_a_login(client, spread_round, own_observation, questions, write):
    before = meeting_state(spread_round)
    target, data = write_requests(spread_round, own_observation, questions[0])[write]

    response = client.post(target, data)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))
    assert meeting_state(spread_round) == before


@pytest.mark.parametrize("write", WRITES)
def test_meeting_writes_refuse_get(facilitator_client, spread_round, own_observation, questions, write):
    before = meeting_state(spread_round)
    target, _data = write_requests(spread_round, own_observation, questions[0])[write]

    response = facilitator_client.get(target)

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert meeting_state(spread_round) == before


def test_reader_sees_no_write_buttons_on_the_prepare_page(
    reader_client, spread_round, own_observation, questions
):
    page = reader_client.get(url("prepare", spread_round)).content.decode()

    assert url("observation_toggle", spread_round) not in page
    assert url("question_add", spread_round) not in page
    assert url("own_observation_delete", spread_round, observation_id=own_observation.pk) not in page


# --- Results page -----------------------------------------------------------------------------------------


def test_round_results_show_what_stands_out(facilitator_client, spread_round, own_observation):
    response = facilitator_client.get(url("results", spread_round))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "spread:D" in [o.key for o in response.context["analysis"].observations]
    assert (
        "Deelnemer 1 (Armoede) (nog niet ingeleverd) geeft 2, Deelnemer 2 (Gezondheid) (nog niet ingeleverd) geeft 5"
        in page
    )
    assert "Eigen observatie" in page
    assert 'id="chart-step1-title"' in page
    assert "Deelnemer 1 (Armoede)" in page
    assert "Fatima" not in page


@pytest.fixture
def large_round(round_):
    add_answered_in_bulk(round_, PER_PARTICIPANT_UP_TO + 1)
    return round_


def test_round_results_of_a_large_round_send_the_table_and_the_names_on_request(
    facilitator_client, large_round
):
    page = facilitator_client.get(url("results", large_round)).content.decode()

    assert 'id="chart-step1-title"' in page
    assert 'id="step1-caption"' not in page
    assert "Toon de scores van de 41 deelnemers als tabel" in page
    assert f'href="{url("results", large_round)}?tabel=1#step1-caption"' in page
    assert 'class="gt-result-option__who"' not in page
    assert f'data-hx-get="{url("results", large_round)}?deel=namen"' in page


def test_round_results_table_of_a_large_round_is_sent_when_opened(facilitator_client, large_round):
    response = facilitator_client.get(f"{url('results', large_round)}?deel=tabel")

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'id="step1-caption"' in html
    assert html.count('class="utrecht-table__header-cell gt-score-table__participant"') == 41
    assert "<html" not in html


def test_round_results_names_of_a_large_round_are_sent_when_asked(facilitator_client, large_round):
    response = facilitator_client.get(f"{url('results', large_round)}?deel=namen")

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert html.startswith(
        '\n<section aria-labelledby="step2-heading" class="gt-section" id="step2-results">'
    )
    assert 'class="gt-result-option__who">Deelnemer 1 (' in html
    assert "<html" not in html


@pytest.mark.parametrize("query", ["?tabel=1", "?namen=1"])
def test_round_results_of_a_large_round_whole_without_javascript(facilitator_client, large_round, query):
    page = facilitator_client.get(url("results", large_round) + query).content.decode()

    shown = ('id="step1-caption"' in page, 'class="gt-result-option__who"' in page)
    assert shown == {"?tabel=1": (True, False), "?namen=1": (False, True)}[query]


def test_round_results_of_a_small_round_show_table_and_names(facilitator_client, round_):
    add_answered_in_bulk(round_, PER_PARTICIPANT_UP_TO)

    page = facilitator_client.get(url("results", round_)).content.decode()

    assert ('id="step1-caption"' in page, 'class="gt-result-option__who"' in page) == (True, True)


def test_round_results_by_name_when_not_anonymised(
    facilitator_client, spread_round, participant, other_participant
):
    spread_round.anonymised = False
    spread_round.save()

    page = facilitator_client.get(url("results", spread_round)).content.decode()

    assert participant.shown_name == "Fatima (Armoede)"
    assert "Fatima (Armoede)" in page
    assert "Joost (Gezondheid)" in page


def test_round_results_escape_a_name_with_markup(facilitator_client, round_):
    round_.anonymised = False
    round_.save()
    participant = services.add_participant(round_, display_name="<b>Piet</b>", domain="armoede")
    answer_everything(participant, score=5, finish=True)

    page = facilitator_client.get(url("results", round_)).content.decode()

    assert "&lt;b&gt;Piet&lt;/b&gt; (Armoede)" in page
    assert "<b>Piet</b>" not in page


@pytest.mark.parametrize("page_name", PAGES)
def test_meeting_pages_anonymised_show_no_names_at_all(facilitator_client, round_, page_name):
    for name, domain, score in [
        ("Zaharia Vlinderkamp", "armoede", 1),
        ("Quirijn Duinmeijer", "gezondheid", 5),
    ]:
        participant = services.add_participant(round_, display_name=name, domain=domain)
        answer_everything(participant, score=score, finish=True)

    page = facilitator_client.get(read_urls(round_)[page_name]).content.decode()

    assert "Armoede" in page
    assert "Zaharia" not in page
    assert "Vlinderkamp" not in page
    assert "Quirijn" not in page
    assert "Duinmeijer" not in page


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


# --- Settings, revealing, joining -------------------------------------------------------------------------


def test_round_settings_saved(facilitator_client, round_):
    response = facilitator_client.post(url("settings", round_), {"results_for_participants": "on"})

    fresh = Round.objects.get(pk=round_.pk)
    assert response.url == url("detail", round_)
    assert (fresh.anonymised, fresh.results_for_participants) == (False, True)


def test_round_reveal_and_hide_again(facilitator_client, round_):
    shown = facilitator_client.post(url("reveal", round_), {"from": "present"})
    revealed_at = Round.objects.get(pk=round_.pk).results_revealed_at
    hidden = facilitator_client.post(url("reveal", round_), {"hide": "1"})

    assert revealed_at is not None
    assert shown.url == url("present", round_)
    assert hidden.url == url("detail", round_)
    assert Round.objects.get(pk=round_.pk).results_revealed_at is None


def test_reveal_also_switches_sharing_on(facilitator_client, round_):
    response = facilitator_client.post(url("reveal", round_), follow=True)

    fresh = Round.objects.get(pk=round_.pk)
    assert (fresh.results_for_participants, fresh.results_revealed_at is not None) == (True, True)
    assert (
        "De deelnemers zien nu de uitkomsten. De instelling ‘Deelnemers mogen de uitkomsten van de groep zien’ "
        "staat nu aan." in response.content.decode()
    )


def test_reveal_button_is_explained_beside_it(facilitator_client, round_):
    text = facilitator_client.get(url("present", round_)).content.decode()

    assert "Deze knop zet ook de instelling aan dat deelnemers ze mogen zien" in text
    assert ">Uitkomsten tonen</button>" in text


def test_round_joining_shows_a_code_and_stops(facilitator_client, round_):
    facilitator_client.post(url("joining", round_))
    code = Round.objects.get(pk=round_.pk).join_code
    page = facilitator_client.get(url("present", round_)).content.decode()
    facilitator_client.post(url("joining", round_), {"stop": "1"})

    assert len(code) == JOIN_LENGTH
    assert set(code) <= set(JOIN_ALPHABET)
    assert code in page
    assert reverse("join_round", kwargs={"code": code}) in page
    assert "<svg" in page
    assert Round.objects.get(pk=round_.pk).join_code is None


def test_round_joining_of_a_joint_round_is_refused(facilitator_client, joint_round):
    # A joint round's answers are the group's one shared form: nobody joins by code (issue 9).
    response = facilitator_client.post(url("joining", joint_round), follow=True)

    assert response.status_code == HTTPStatus.OK
    assert Round.objects.get(pk=joint_round.pk).join_code is None
    assert dutch("In a joint round the group fills in one shared form: nobody joins with a code.") in (
        response.content.decode()
    )


def test_round_joining_renews_the_code(facilitator_client, round_):
    facilitator_client.post(url("joining", round_))
    first = Round.objects.get(pk=round_.pk).join_code
    facilitator_client.post(url("joining", round_))
    second = Round.objects.get(pk=round_.pk).join_code

    assert first != second
    assert Round.objects.filter(join_code=first).exists() is False


def test_closing_a_round_ends_its_join_code_and_reopening_needs_a_new_one(facilitator_client, round_):
    facilitator_client.post(url("joining", round_))
    services.close_round(Round.objects.get(pk=round_.pk))
    services.reopen_round(Round.objects.get(pk=round_.pk))

    assert Round.objects.get(pk=round_.pk).join_code is None


def test_round_joining_of_a_closed_round_is_refused(facilitator_client, round_):
    round_.closed_at = timezone.now()
    round_.save()

    facilitator_client.post(url("joining", round_))

    assert Round.objects.get(pk=round_.pk).join_code is None


# --- Presenter view ---------------------------------------------------------------------------------------


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


# --- Joining by code --------------------------------------------------------------------------------------


@pytest.fixture
def open_round(round_):
    round_.join_code = "ABC234"
    round_.save()
    return round_


def test_join_start_page_is_public(client, db):
    response = client.get(reverse("join_start"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Meedoen aan een bijeenkomst" in html
    assert 'name="code"' in html


def test_join_start_with_a_typed_code_goes_to_the_round(client, db):
    response = client.get(reverse("join_start"), {"code": " abc 234 "})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("join_round", kwargs={"code": "ABC234"})


@pytest.mark.parametrize("code", ["ABC234", "abc234"])
def test_join_round_shows_the_form(client, open_round, code):
    response = client.get(reverse("join_round", kwargs={"code": code}))

    assert response.status_code == HTTPStatus.OK
    assert open_round.title in response.content.decode()


def test_join_round_with_a_wrong_code_is_404(client, open_round):
    response = client.get(reverse("join_round", kwargs={"code": "ZZZ999"}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert 'name="code"' in response.content.decode()
    assert dutch("There is no open meeting with this code. Check the code on the screen.") in (
        response.content.decode()
    )


def test_join_round_that_is_closed_is_404(client, open_round):
    services.close_round(open_round)

    response = client.post(
        reverse("join_round", kwargs={"code": "ABC234"}), {"display_name": "Laat", "domain": "armoede"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert list(open_round.participants.all()) == []


def test_join_round_of_a_joint_round_is_refused(client, joint_round):
    # A code made before this rule (or by the admin) still lets nobody in.
    joint_round.join_code = "ABC234"
    joint_round.save()

    response = client.post(
        reverse("join_round", kwargs={"code": "ABC234"}), {"display_name": "Sanne", "domain": "armoede"}
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert list(joint_round.participants.values_list("is_group", flat=True)) == [True]
    assert (
        dutch(
            "This meeting fills in one shared form together, on the screen. You do not need to join with your phone."
        )
        in response.content.decode()
    )


def test_join_round_refuses_an_address_after_too_many_wrong_codes(client, open_round, settings):
    settings.JOIN_CODE_ATTEMPT_LIMIT = 3
    wrong = [client.get(reverse("join_round", kwargs={"code": f"ZZZ99{n}"})).status_code for n in range(3)]

    # Now even the right code is refused from this address: a guesser cannot tell it was right.
    refused = client.get(reverse("join_round", kwargs={"code": "ABC234"}))
    other_address = client.get(reverse("join_round", kwargs={"code": "ABC234"}), REMOTE_ADDR="10.0.0.9")

    assert wrong == [404, 404, 404]
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert (
        dutch(
            "Too many wrong codes were typed from this network. Wait %(minutes)s minutes and try again, or ask the facilitator for your personal link."
        )
        % {"minutes": 10}
        in refused.content.decode()
    )
    assert other_address.status_code == HTTPStatus.OK


def test_join_round_throttle_forgets_attempts_after_the_window(client, open_round, settings):
    settings.JOIN_CODE_ATTEMPT_LIMIT = 2
    for _attempt in range(2):
        client.get(reverse("join_round", kwargs={"code": "ZZZ999"}))
    blocked = client.get(reverse("join_round", kwargs={"code": "ABC234"})).status_code
    FailedJoinAttempt.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=11))
    allowed = client.get(reverse("join_round", kwargs={"code": "ABC234"})).status_code
    client.get(reverse("join_round", kwargs={"code": "ZZZ999"}))

    assert (blocked, allowed) == (429, 200)
    # The next failure clears the old ones: only the new attempt is kept.
    assert FailedJoinAttempt.objects.count() == 1


def test_join_round_behind_a_trusted_proxy_counts_the_forwarded_address(client, open_round, settings):
    settings.JOIN_CODE_ATTEMPT_LIMIT = 1
    settings.TRUSTED_PROXY_COUNT = 1
    client.get(reverse("join_round", kwargs={"code": "ZZZ999"}), HTTP_X_FORWARDED_FOR="198.51.100.7")

    same_client = client.get(
        reverse("join_round", kwargs={"code": "ABC234"}), HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    other_client = client.get(
        reverse("join_round", kwargs={"code": "ABC234"}), HTTP_X_FORWARDED_FOR="198.51.100.8"
    )

    assert (same_client.status_code, other_client.status_code) == (
        HTTPStatus.TOO_MANY_REQUESTS,
        HTTPStatus.OK,
    )


def test_join_round_creates_a_participant_with_a_link(client, open_round, participant):
    response = client.post(
        reverse("join_round", kwargs={"code": "ABC234"}),
        {"display_name": "Sanne", "domain": "gezondheid", "join_key": "k" * 43},
    )

    joined = open_round.participants.get(display_name="Sanne")
    assert (joined.domain, joined.position, joined.is_group) == ("gezondheid", 2, False)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == f"/d/{joined.token}/"


@pytest.mark.parametrize(
    "data",
    [{"display_name": "Sanne", "domain": "onbekend"}, {"display_name": "", "domain": "armoede"}],
    ids=["unknown domain", "no name"],
)
def test_join_round_refused_creates_nobody(client, open_round, data):
    response = client.post(reverse("join_round", kwargs={"code": "ABC234"}), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(open_round.participants.all()) == []


# --- Group results for a participant ----------------------------------------------------------------------


def results_for_participants(round_, *, allowed: bool, revealed: bool) -> None:
    """Whether the round lets participants see the group's results, and whether they are revealed yet."""
    round_.results_for_participants = allowed
    round_.results_revealed_at = timezone.now() if revealed else None
    round_.save()


def group_results_page(client, participant: Participant) -> str:
    response = client.get(reverse("fill:group_results", kwargs={"key": participant.token}))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.fixture
def answered_pair(round_, participant, other_participant):
    answer_step1(participant, score=2)
    answer_step1(other_participant, score=5)
    return participant, other_participant


def test_group_results_hidden_until_revealed(client, round_, answered_pair):
    participant, other = answered_pair
    results_for_participants(round_, allowed=True, revealed=False)

    page = group_results_page(client, participant)

    assert other.label not in page
    assert other.display_name not in page
    assert 'data-hx-trigger="every 5s"' in page


def test_group_results_visible_after_reveal(client, round_, answered_pair):
    participant, other = answered_pair
    results_for_participants(round_, allowed=True, revealed=True)

    page = group_results_page(client, participant)

    assert other.label in page
    assert other.display_name not in page
    assert "data-hx-trigger" not in page


def test_group_results_never_when_participants_may_not_see_them(client, round_, answered_pair):
    participant, other = answered_pair
    results_for_participants(round_, allowed=False, revealed=True)

    page = group_results_page(client, participant)

    assert other.label not in page


def test_group_results_on_the_done_page_after_reveal(client, round_, answered_pair):
    participant, other = answered_pair
    services.finish(participant)
    results_for_participants(round_, allowed=True, revealed=True)

    page = client.get(reverse("fill:done", kwargs={"key": participant.token})).content.decode()

    assert other.label in page


# --- A fixed number of queries, whatever the number of participants ---------------------------------------


def query_counts(client, round_: Round, token: str) -> dict[str, int]:
    pages = {
        **read_urls(round_),
        "group results": reverse("fill:group_results", kwargs={"key": token}),
    }
    counts = {}
    for name, page in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page)
        assert response.status_code == HTTPStatus.OK, name
        counts[name] = len(captured)
    return counts


def test_meeting_page_queries_do_not_grow_with_participants(
    facilitator_client, round_, own_observation, questions
):
    round_.join_code = "ABC234"
    results_for_participants(round_, allowed=True, revealed=True)
    HiddenObservationFactory(round=round_, key="spread:D")
    token = add_answered_in_bulk(round_, 2)[0].token
    two = query_counts(facilitator_client, round_, token)

    add_answered_in_bulk(round_, 48)
    fifty = query_counts(facilitator_client, round_, token)

    assert round_.participants.count() == 50
    assert fifty == two


@pytest.mark.parametrize("page_name", ["results", "prepare"])
def test_observations_show_what_they_are_based_on(facilitator_client, spread_round, page_name):
    html = facilitator_client.get(read_urls(spread_round)[page_name]).content.decode()

    assert "Waarop gebaseerd" in html
    assert "Deelnemer 1 (Armoede) – thema D: 2" in html
    assert "Deelnemer 2 (Gezondheid) – thema D: 5" in html


@pytest.mark.parametrize("code", ["AB/CD", "AB?CD", "../../beheer", "ÄBC234", "x" * 41, "ABCDEFGHJKLMN"])
def test_join_start_with_a_code_that_cannot_be_one_gives_a_message(client, db, code):
    response = client.get(reverse("join_start"), {"code": code})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert 'name="code"' in response.content.decode()
    assert (
        "alleen letters en cijfers" in response.content.decode()
        or "Kijk nog eens" in response.content.decode()
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


# --- Joint rounds speak of the group ----------------------------------------------------------------------


def test_joint_round_pages_speak_of_the_group_not_of_several_participants(facilitator_client, joint_round):
    answer_everything(joint_round.participants.get(), finish=True)

    results = facilitator_client.get(url("results", joint_round)).content.decode()
    present = facilitator_client.get(url("present", joint_round)).content.decode()
    intro = facilitator_client.get(reverse("joint:intro", kwargs={"key": joint_round.pk})).content.decode()

    assert "gekozen door de groep" in results
    assert "van 1</span>" not in results
    assert "</svg> De groep</span>" in results  # the legend, not "★ Anders"
    assert "Anders</span>" not in results
    assert "Het teken is het gezamenlijke antwoord van de groep." in present
    assert "De groep heeft de scores gegeven · ingeleverd" in present
    assert "U vult hem samen in, als één groep." in intro
    assert "De verschillen tussen uw antwoorden" not in intro
