"""A round's page: adding participants, their cards a page at a time, revoking, renewing and reopening
their links, and closing the round."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant, Round
from gesprekstool.rounds.views import PARTICIPANTS_PER_PAGE
from tests.factories import HELD_ON, ParticipantFactory, answer_everything, answers_of
from tests.rounds.pages import detail_url, participant_url

HELD_ON_MOMENT = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


# --- Participants and their links -------------------------------------------------------------------------


def test_round_detail_adds_a_participant(facilitator_client, round_):
    data = {"display_name": "Fatima", "domain": "armoede", "department": "Werk en Inkomen", "email": ""}

    response = facilitator_client.post(detail_url(round_), data)

    participant = round_.participants.get()
    assert response.url == detail_url(round_)
    assert (participant.position, participant.display_name, participant.domain, participant.is_group) == (
        1,
        "Fatima",
        "armoede",
        False,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("display_name", ""), ("domain", "sport"), ("email", "geen-adres"), ("display_name", "x" * 101)],
)
def test_round_detail_bad_participant_is_422(facilitator_client, round_, field, value):
    data = {"display_name": "Fatima", "domain": "armoede", field: value}

    response = facilitator_client.post(detail_url(round_), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert round_.participants.count() == 0


def test_round_detail_adds_no_participant_to_a_joint_round(facilitator_client, joint_round):
    response = facilitator_client.post(
        detail_url(joint_round), {"display_name": "Fatima", "domain": "armoede"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert joint_round.participants.count() == 1


def test_round_detail_shows_each_participants_link(
    facilitator_client, round_, participant, other_participant
):
    page = facilitator_client.get(detail_url(round_)).content.decode()

    assert reverse("fill:intro", kwargs={"key": participant.token}) in page
    assert reverse("fill:intro", kwargs={"key": other_participant.token}) in page


def cards_of(html: str) -> list[str]:
    """The participants whose cards a round page shows, by their card's anchor."""
    return re.findall(r'<li class="gt-card" id="deelnemer-(\d+)">', html)


@pytest.fixture
def large_round(round_):
    """A round of one participant more than a page of cards holds; the first has handed in and
    the second is busy."""
    people = ParticipantFactory.create_batch(PARTICIPANTS_PER_PAGE + 1, round=round_)
    Participant.objects.filter(pk=people[0].pk).update(
        first_opened_at=HELD_ON_MOMENT, finished_at=HELD_ON_MOMENT
    )
    Participant.objects.filter(pk=people[1].pk).update(first_opened_at=HELD_ON_MOMENT)
    return round_, [str(p.pk) for p in people]


def test_round_detail_shows_a_large_round_a_page_of_cards_at_a_time(facilitator_client, large_round):
    round_, ids = large_round

    first = facilitator_client.get(detail_url(round_)).content.decode()
    second = facilitator_client.get(detail_url(round_), {"pagina": 2}).content.decode()

    assert cards_of(first) == ids[:PARTICIPANTS_PER_PAGE]
    assert cards_of(second) == ids[PARTICIPANTS_PER_PAGE:]
    assert (
        "51 deelnemers: 1 ingeleverd, 1 bezig, 49 nog niet begonnen. Hier staan nummer 1 tot en met 50."
        in first
    )
    assert 'href="?pagina=2#participants-heading">Volgende pagina</a>' in first
    assert 'href="?pagina=1#participants-heading">Vorige pagina</a>' in second
    assert "Samenvoegen (dubbel)" in second  # the one card of page 2 can be merged into the others


def test_round_detail_opens_the_page_of_the_participant_asked_for(facilitator_client, large_round):
    round_, ids = large_round

    asked = facilitator_client.get(detail_url(round_), {"deelnemer": ids[-1]}).content.decode()
    unknown = facilitator_client.get(detail_url(round_), {"deelnemer": "999999"}).content.decode()
    nonsense = facilitator_client.get(detail_url(round_), {"pagina": "x"}).content.decode()

    assert cards_of(asked) == ids[PARTICIPANTS_PER_PAGE:]
    assert cards_of(unknown) == ids[:PARTICIPANTS_PER_PAGE]
    assert cards_of(nonsense) == ids[:PARTICIPANTS_PER_PAGE]


def test_round_detail_of_a_small_round_has_no_pages(
    facilitator_client, round_, participant, other_participant
):
    html = facilitator_client.get(detail_url(round_)).content.decode()

    assert cards_of(html) == [str(participant.pk), str(other_participant.pk)]
    assert "utrecht-pagination" not in html
    assert "participants-summary" not in html


def test_participant_revoke_stops_the_link(facilitator_client, client, participant):
    answer_everything(participant)
    before = answers_of(participant)

    response = facilitator_client.post(participant_url("revoke", participant))

    after = answers_of(participant)
    assert (
        response.url
        == f"{detail_url(participant.round)}?deelnemer={participant.pk}#deelnemer-{participant.pk}"
    )
    assert after["link_revoked_at"] is not None
    assert {**after, "link_revoked_at": None} == before
    assert client.get(reverse("fill:intro", kwargs={"key": participant.token})).status_code == HTTPStatus.GONE


def test_participant_renew_replaces_the_link(facilitator_client, participant):
    answer_everything(participant)
    before = answers_of(participant)

    facilitator_client.post(participant_url("renew", participant))

    after = answers_of(participant)
    assert after["token"] != before["token"]
    assert {**after, "token": before["token"]} == before
    assert (
        facilitator_client.get(reverse("fill:intro", kwargs={"key": before["token"]})).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert (
        facilitator_client.get(reverse("fill:intro", kwargs={"key": after["token"]})).status_code
        == HTTPStatus.OK
    )


def test_participant_reopen_lets_them_answer_again(facilitator_client, participant):
    answer_everything(participant, finish=True)

    facilitator_client.post(participant_url("reopen", participant))

    assert answers_of(participant)["finished_at"] is None


def test_participant_reopen_of_the_joint_form(facilitator_client, joint_round):
    group = answer_everything(joint_round.participants.get(), finish=True)

    response = facilitator_client.post(participant_url("reopen", group))

    assert response.status_code == HTTPStatus.FOUND
    assert answers_of(group)["finished_at"] is None


@pytest.mark.parametrize("name", ["revoke", "renew"])
def test_participant_link_of_the_joint_form_cannot_be_changed(facilitator_client, joint_round, name):
    group = joint_round.participants.get()
    before = answers_of(group)

    response = facilitator_client.post(participant_url(name, group))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(group) == before


@pytest.mark.parametrize("name", ["revoke", "renew", "reopen"])
def test_participant_of_another_round_is_404(facilitator_client, organisation, round_, name):
    other_round = services.create_round(
        organisation=organisation, title="Ander", held_on=HELD_ON, mode="individual"
    )
    stranger = services.add_participant(other_round, display_name="Ander", domain="armoede")
    before = answers_of(stranger)

    response = facilitator_client.post(
        reverse(f"rounds:{name}", kwargs={"pk": round_.pk, "participant_id": stranger.pk})
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(stranger) == before


def test_round_close_and_reopen(facilitator_client, round_):
    closed = facilitator_client.post(reverse("rounds:close", kwargs={"pk": round_.pk}))
    closed_at = Round.objects.get(pk=round_.pk).closed_at
    reopened = facilitator_client.post(reverse("rounds:close", kwargs={"pk": round_.pk}), {"reopen": "1"})

    assert (closed.url, reopened.url) == (detail_url(round_), detail_url(round_))
    assert closed_at is not None
    assert Round.objects.get(pk=round_.pk).closed_at is None
