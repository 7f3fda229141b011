"""Step 3: the action agenda and the follow-up agreement of a round."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.rounds import services
from tests.factories import HELD_ON, ActionFactory, AgreementFactory, ParticipantFactory


def agenda_url(round_) -> str:
    return reverse("agenda:edit", kwargs={"pk": round_.pk})


def add_url(round_) -> str:
    return reverse("agenda:action_add", kwargs={"pk": round_.pk})


def agreement_url(round_) -> str:
    return reverse("agenda:agreement", kwargs={"pk": round_.pk})


def actions_of(round_) -> list[tuple]:
    return list(
        Action.objects.filter(round=round_)
        .order_by("pk")
        .values_list("theme", "description", "owner_id", "owner_name", "department", "due_on")
    )


def action_data(**overrides) -> dict:
    return {"theme": "B", "description": "Cijfers koppelen", "department": "", "due_on": "", **overrides}


def test_agenda_page_opens_with_every_theme_and_no_actions_yet(facilitator_client, round_):
    response = facilitator_client.get(agenda_url(round_))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Stap 3. Actieagenda: Wat gaan we doen?" in html
    assert "A. Visie op armoede, schulden en gezondheid" in html
    assert html.count("Nog geen acties.") == 6


def test_agenda_lists_actions_under_their_theme(facilitator_client, round_, participant):
    ActionFactory(round=round_, theme="C", description="Eerste", owner=participant)

    response = facilitator_client.get(agenda_url(round_))

    themes = {theme.code: [a.description for a in actions] for theme, actions in response.context["themes"]}
    assert themes == {"A": [], "B": [], "C": ["Eerste"], "D": [], "E": [], "F": []}
    assert participant.display_name in response.content.decode()


def test_action_add_with_a_participant_as_owner(facilitator_client, round_, participant):
    data = action_data(owner=str(participant.pk), department="Werk en Inkomen", due_on="2027-03-01")

    response = facilitator_client.post(add_url(round_), data)

    assert response.url == f"{agenda_url(round_)}#thema-B"
    assert actions_of(round_) == [
        ("B", "Cijfers koppelen", participant.pk, "", "Werk en Inkomen", datetime.date(2027, 3, 1))
    ]


def test_action_add_with_another_person_as_owner(facilitator_client, round_):
    response = facilitator_client.post(add_url(round_), action_data(owner_name="De wethouder"))

    assert response.status_code == HTTPStatus.FOUND
    assert actions_of(round_) == [("B", "Cijfers koppelen", None, "De wethouder", "", None)]
    assert Action.objects.get().who == "De wethouder"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({}, "owner"),
        ({"owner_name": "   "}, "owner"),
        ({"owner": "PARTICIPANT", "owner_name": "De wethouder"}, "owner_name"),
        ({"owner_name": "X", "theme": "G"}, "theme"),
        ({"owner_name": "X", "description": ""}, "description"),
        ({"owner_name": "X", "description": "x" * 5001}, "description"),
        ({"owner_name": "X", "due_on": "31-02-2027"}, "due_on"),
    ],
    ids=["neither", "blank name", "both", "theme", "no description", "too long", "bad date"],
)
def test_action_add_bad_input_is_422(facilitator_client, round_, participant, overrides, field):
    ActionFactory(round=round_, theme="A", description="Bestaand", owner=participant)
    before = actions_of(round_)
    data = action_data(**{k: str(participant.pk) if v == "PARTICIPANT" else v for k, v in overrides.items()})

    response = facilitator_client.post(add_url(round_), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["action_form"].errors) == [field]
    assert actions_of(round_) == before


def test_action_add_with_a_participant_of_another_round_is_422(facilitator_client, organisation, round_):
    stranger = ParticipantFactory(round__organisation=organisation)

    response = facilitator_client.post(add_url(round_), action_data(owner=str(stranger.pk)))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["action_form"].errors.as_data()["owner"][0].code == "invalid_choice"
    assert actions_of(round_) == []


def test_action_add_with_the_group_form_as_owner_is_422(facilitator_client, joint_round):
    group = joint_round.participants.get()

    response = facilitator_client.post(add_url(joint_round), action_data(owner=str(group.pk)))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert actions_of(joint_round) == []


def test_action_delete_removes_the_action(facilitator_client, round_, participant):
    kept = ActionFactory(round=round_, theme="A", description="Blijft", owner_name="X")
    gone = ActionFactory(round=round_, theme="A", description="Weg", owner=participant)

    response = facilitator_client.post(
        reverse("agenda:action_delete", kwargs={"pk": round_.pk, "action_id": gone.pk})
    )

    assert response.url == agenda_url(round_)
    assert list(Action.objects.values_list("pk", flat=True)) == [kept.pk]


def test_action_delete_of_another_round_is_404(facilitator_client, organisation, round_):
    other_round = services.create_round(
        organisation=organisation, title="Ander", held_on=HELD_ON, mode="individual"
    )
    other_action = ActionFactory(round=other_round, theme="A", description="Elders", owner_name="X")

    response = facilitator_client.post(
        reverse("agenda:action_delete", kwargs={"pk": round_.pk, "action_id": other_action.pk})
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Action.objects.filter(pk=other_action.pk).exists()


@pytest.mark.parametrize("name", ["action_add", "agreement"])
def test_agenda_post_only_endpoints_refuse_get(facilitator_client, round_, name):
    response = facilitator_client.get(reverse(f"agenda:{name}", kwargs={"pk": round_.pk}))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def agreement_of(round_) -> tuple | None:
    return (
        Agreement.objects.filter(round=round_)
        .values_list("follow_up", "next_meeting_on", "accountability", "notes")
        .first()
    )


def test_agreement_save_stores_the_follow_up(facilitator_client, round_):
    data = {
        "follow_up": "bijeenkomst",
        "next_meeting_on": "2027-02-01",
        "accountability": "Elk kwartaal",
        "notes": "Toelichting",
    }

    response = facilitator_client.post(agreement_url(round_), data)

    assert response.url == agenda_url(round_)
    assert agreement_of(round_) == ("bijeenkomst", datetime.date(2027, 2, 1), "Elk kwartaal", "Toelichting")


def test_agreement_save_updates_the_same_agreement(facilitator_client, round_):
    facilitator_client.post(agreement_url(round_), {"follow_up": "afdelingen", "notes": "Eerst"})

    facilitator_client.post(agreement_url(round_), {"follow_up": "", "notes": "Daarna"})

    assert Agreement.objects.filter(round=round_).count() == 1
    assert agreement_of(round_) == ("", None, "", "Daarna")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"follow_up": "afdelingen", "next_meeting_on": "2027-02-01"}, "next_meeting_on"),
        ({"follow_up": "", "next_meeting_on": "2027-02-01"}, "next_meeting_on"),
        ({"follow_up": "elders"}, "follow_up"),
        ({"follow_up": "bijeenkomst", "next_meeting_on": "morgen"}, "next_meeting_on"),
        ({"follow_up": "afdelingen", "notes": "x" * 5001}, "notes"),
    ],
    ids=["date without meeting", "date undecided", "unknown follow-up", "bad date", "too long"],
)
def test_agreement_save_bad_input_is_422(facilitator_client, round_, data, field):
    facilitator_client.post(agreement_url(round_), {"follow_up": "afdelingen", "notes": "Bestaand"})
    before = agreement_of(round_)

    response = facilitator_client.post(agreement_url(round_), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["agreement_form"].errors) == [field]
    assert agreement_of(round_) == before


def test_agreement_is_read_only_for_a_reader(reader_client, round_):
    AgreementFactory(round=round_, follow_up="afdelingen", notes="Afgesproken")

    response = reader_client.get(agenda_url(round_))

    page = response.content.decode()
    assert "Afgesproken" in page
    assert agreement_url(round_) not in page
    assert add_url(round_) not in page


def test_action_add_strips_control_characters(facilitator_client, round_):
    facilitator_client.post(
        add_url(round_),
        action_data(description="Cijfers\x0c koppelen\x85\nen delen", owner_name="De\x1b wethouder\n"),
    )

    assert actions_of(round_) == [("B", "Cijfers koppelen\nen delen", None, "De wethouder", "", None)]


@pytest.mark.parametrize("due_on", ["9999-12-31", "0001-01-01"])
def test_action_add_refuses_a_date_at_the_edge_of_the_calendar(facilitator_client, round_, due_on):
    response = facilitator_client.post(add_url(round_), action_data(owner_name="De wethouder", due_on=due_on))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["action_form"].errors["due_on"] == [
        "Kies een datum tussen de jaren 1900 en 2999."
    ]
    assert actions_of(round_) == []
