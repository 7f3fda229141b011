"""The facilitator's pages of a round: who may see and change what, and the question asked before a
link is revoked or renewed or the round is closed."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant, Round
from tests.factories import ActionFactory, answer_everything, answers_of
from tests.rounds.pages import detail_url, participant_url


def round_state(round_: Round) -> dict:
    """Everything the facilitator pages can change about a round, for before/after comparisons."""
    fresh = Round.objects.get(pk=round_.pk)
    return {
        "closed_at": fresh.closed_at,
        "participants": [answers_of(p) for p in fresh.participants.all()],
        "actions": list(Action.objects.filter(round=fresh).values_list("pk", "description")),
        "agreement": list(Agreement.objects.filter(round=fresh).values_list("follow_up", "notes")),
    }


@pytest.fixture
def action(round_, participant):
    return ActionFactory(round=round_, theme="A", description="Bestaande actie", owner=participant)


def read_pages(round_: Round) -> list[str]:
    return [
        detail_url(round_),
        reverse("rounds:results", kwargs={"pk": round_.pk}),
        reverse("agenda:edit", kwargs={"pk": round_.pk}),
    ]


def write_requests(round_: Round, participant: Participant, action: Action) -> dict[str, tuple[str, dict]]:
    """Every write on a round's pages, as (url, data) for a POST."""
    return {
        "add participant": (detail_url(round_), {"display_name": "Nieuw", "domain": "armoede"}),
        "revoke": (participant_url("revoke", participant), {}),
        "renew": (participant_url("renew", participant), {}),
        "reopen": (participant_url("reopen", participant), {}),
        "close": (reverse("rounds:close", kwargs={"pk": round_.pk}), {}),
        "reopen round": (reverse("rounds:close", kwargs={"pk": round_.pk}), {"reopen": "1"}),
        "add action": (
            reverse("agenda:action_add", kwargs={"pk": round_.pk}),
            {"theme": "A", "description": "Nieuwe actie", "owner_name": "Wethouder"},
        ),
        "delete action": (
            reverse("agenda:action_delete", kwargs={"pk": round_.pk, "action_id": action.pk}),
            {},
        ),
        "agreement": (
            reverse("agenda:agreement", kwargs={"pk": round_.pk}),
            {"follow_up": "afdelingen", "notes": "Nieuw"},
        ),
    }


WRITES = [
    "add participant",
    "revoke",
    "renew",
    "reopen",
    "close",
    "reopen round",
    "add action",
    "delete action",
    "agreement",
]


# --- Access: another organisation sees nothing, a reader changes nothing ----------------------------------


@pytest.mark.parametrize("index", range(3), ids=["detail", "results", "agenda"])
def test_round_pages_of_another_organisation_are_404(outsider_client, round_, participant, index):
    response = outsider_client.get(read_pages(round_)[index])

    assert response.status_code == HTTPStatus.NOT_FOUND


REFUSED = [
    pytest.param("outsider_client", HTTPStatus.NOT_FOUND, id="another organisation 404"),
    pytest.param("reader_client", HTTPStatus.FORBIDDEN, id="reader 403"),
]


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize(("who", "status"), REFUSED)
def test_round_writes_of_another_organisation_or_by_a_reader_are_refused(
    request, round_, participant, action, write, who, status
):
    finished = answer_everything(participant, finish=True)
    if write == "reopen round":
        services.close_round(round_)
    before = round_state(round_)
    url, data = write_requests(round_, finished, action)[write]

    response = request.getfixturevalue(who).post(url, data)

    assert response.status_code == status
    assert round_state(round_) == before


@pytest.mark.parametrize("name", ["intro", "step1"])
def test_joint_form_of_another_organisation_is_404(outsider_client, joint_round, name):
    response = outsider_client.get(reverse(f"joint:{name}", kwargs={"key": joint_round.pk}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_joint_form_post_of_another_organisation_is_404(outsider_client, joint_round):
    group = joint_round.participants.get()
    before = answers_of(group)

    response = outsider_client.post(
        reverse("joint:score", kwargs={"key": joint_round.pk, "theme": "A"}), {"score-A-score": "1"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(group) == before


def test_round_of_unknown_id_is_404(facilitator_client, round_):
    response = facilitator_client.get(reverse("rounds:detail", kwargs={"pk": round_.pk + 1000}))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("index", range(3), ids=["detail", "results", "agenda"])
def test_round_pages_open_for_a_reader(reader_client, round_, participant, index):
    response = reader_client.get(read_pages(round_)[index])

    assert response.status_code == HTTPStatus.OK
    assert "Armoede en gezondheid 2026" in response.content.decode()


@pytest.mark.parametrize(("method", "name"), [("get", "intro"), ("post", "start"), ("get", "step1")])
def test_joint_form_by_a_reader_is_403(reader_client, joint_round, method, name):
    group = joint_round.participants.get()
    before = answers_of(group)

    response = getattr(reader_client, method)(reverse(f"joint:{name}", kwargs={"key": joint_round.pk}))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert answers_of(group) == before


def test_round_detail_hides_links_from_a_reader(reader_client, facilitator_client, round_, participant):
    as_reader = reader_client.get(detail_url(round_)).content.decode()
    as_facilitator = facilitator_client.get(detail_url(round_)).content.decode()

    assert participant.token not in as_reader
    assert participant.token in as_facilitator


@pytest.mark.parametrize(
    "url_name", ["rounds:list", "rounds:create", "rounds:detail", "rounds:results", "rounds:close"]
)
def test_round_pages_need_a_login(client, round_, url_name):
    kwargs = {} if url_name in {"rounds:list", "rounds:create"} else {"pk": round_.pk}

    response = client.get(reverse(url_name, kwargs=kwargs))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_joint_form_needs_a_login(client, joint_round):
    response = client.get(reverse("joint:intro", kwargs={"key": joint_round.pk}))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_participant_reopen_refuses_get(facilitator_client, participant):
    response = facilitator_client.get(participant_url("reopen", participant))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


@pytest.mark.parametrize(
    ("name", "question", "button"),
    [
        ("close", "De ronde ‘{round}’ sluiten?", "Ja, ronde sluiten"),
        ("revoke", "De link van {name} intrekken?", "Ja, link intrekken"),
        ("renew", "Een nieuwe link maken voor {name}?", "Ja, nieuwe link maken"),
    ],
)
def test_close_revoke_and_renew_ask_first_and_change_nothing(
    facilitator_client, participant, name, question, button
):
    # Issue 15: these had no confirmation step; a GET now asks, only the POST of the answer acts.
    round_ = participant.round
    url = (
        reverse("rounds:close", kwargs={"pk": round_.pk})
        if name == "close"
        else participant_url(name, participant)
    )
    before = (round_state(round_), Participant.objects.filter(pk=participant.pk).values().get())

    response = facilitator_client.get(url)

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert question.format(round=round_.title, name=participant.display_name) in page
    assert f">{button}</button>" in page
    assert (round_state(round_), Participant.objects.filter(pk=participant.pk).values().get()) == before


def test_round_detail_links_to_the_confirmation_pages(facilitator_client, participant):
    page = facilitator_client.get(detail_url(participant.round)).content.decode()

    assert f'href="{participant_url("revoke", participant)}"' in page
    assert f'href="{participant_url("renew", participant)}"' in page
    assert f'href="{reverse("rounds:close", kwargs={"pk": participant.round_id})}"' in page


def test_round_post_without_csrf_token_is_403(facilitator, round_):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)

    response = client.post(reverse("rounds:close", kwargs={"pk": round_.pk}))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Round.objects.get(pk=round_.pk).closed_at is None
