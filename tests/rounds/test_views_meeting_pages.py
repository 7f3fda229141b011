"""Every meeting page at once: who may see and change what, no names in an anonymised round, what
the observations rest on, and a number of queries that does not grow with the participants."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gesprekstool.rounds import services
from gesprekstool.rounds.models import ConversationQuestion, OwnObservation, Round
from tests.factories import HiddenObservationFactory, add_answered_in_bulk, answer_everything
from tests.rounds.pages import results_for_participants, url


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
        "present answers": f"{url('present', round_)}?thema=D&deel=antwoorden",
        "live answers": f"{url('present_live', round_)}?thema=D&deel=antwoorden",
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
    "present answers",
    "live answers",
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
        "live answers": 'id="present-answers-live"',
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
