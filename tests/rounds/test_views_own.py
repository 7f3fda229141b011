"""A participant's own answers through their own link: the page and the JSON download."""

import json
from http import HTTPStatus

import pytest

from gesprekstool.organisations.models import Membership
from gesprekstool.rounds import services
from tests.factories import MembershipFactory, answer_everything


@pytest.fixture
def answered(participant, facilitator):
    facilitator.first_name, facilitator.last_name = "Lotte", "Leider"
    facilitator.save()
    answer_everything(participant)
    services.save_revised_score(participant, theme="A", value=5)
    return participant


@pytest.fixture
def someone_else(round_):
    other = services.add_participant(round_, display_name="Gijs", domain="gezondheid")
    answer_everything(other, score=1)
    services.save_comment(other, theme="A", text="Geheim van Gijs")
    return other


def test_own_answers_page_shows_own_answers_and_contact(client, answered, someone_else):
    response = client.get(f"/d/{answered.token}/mijn-antwoorden/")

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert ("Opmerking A van 1" in text, "Geheim van Gijs" in text) == (True, False)
    assert "Vraag het de gespreksleider: Lotte Leider (Gemeente Testdorp)." in text
    assert 'href="/privacy/"' in text
    assert "private" in response["Cache-Control"]


def test_own_answers_json_is_a_download_of_own_answers_only(client, answered, someone_else):
    response = client.get(f"/d/{answered.token}/mijn-antwoorden.json")

    data = json.loads(response.content)
    assert response.status_code == HTTPStatus.OK
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="mijn-antwoorden-armoede-en-gezondheid-2026.json"'
    )
    assert data["participant"] == {
        "name": "Fatima",
        "domain": "Armoede",
        "department": "Werk en Inkomen",
        "email": "",
    }
    assert (
        data["themes"][0]["theme"],
        data["themes"][0]["score_first"],
        data["themes"][0]["score_revised"],
    ) == (
        "A",
        3,
        5,
    )
    assert data["themes"][0]["comment"] == "Opmerking A van 1"
    assert data["step1_note"] == "Opvallend 1"
    assert data["contact"] == ["Lotte Leider"]
    assert "Geheim van Gijs" not in response.content.decode()
    assert answered.token not in response.content.decode()


def test_contact_is_every_facilitator_when_the_round_creator_left(client, answered, round_, facilitator):
    Membership.objects.filter(user=facilitator).delete()
    other = MembershipFactory(organisation=round_.organisation).user
    other.first_name = "Piet"
    other.save()

    data = json.loads(client.get(f"/d/{answered.token}/mijn-antwoorden.json").content)

    assert data["contact"] == ["Piet"]


def test_own_answers_of_a_revoked_link_are_gone(client, answered):
    services.revoke_link(answered)

    response = client.get(f"/d/{answered.token}/mijn-antwoorden.json")

    assert response.status_code == HTTPStatus.GONE


def test_own_answers_of_an_unknown_link_are_not_found(client, db):
    response = client.get("/d/niet-bestaand/mijn-antwoorden/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_joint_form_answers_only_for_the_facilitator(facilitator_client, reader_client, joint_round):
    shown = facilitator_client.get(f"/rondes/{joint_round.pk}/samen/mijn-antwoorden/")

    assert shown.status_code == HTTPStatus.OK
    assert joint_round.title in shown.content.decode()
    assert (
        reader_client.get(f"/rondes/{joint_round.pk}/samen/mijn-antwoorden/").status_code
        == HTTPStatus.FORBIDDEN
    )


def test_participant_pages_link_to_own_answers(client, participant):
    text = client.get(f"/d/{participant.token}/").content.decode()

    assert f'href="/d/{participant.token}/mijn-antwoorden/"' in text
