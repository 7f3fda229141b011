"""Deleting a participant or a round: nothing of it remains in any table, and the pages that ask first."""

import datetime
from http import HTTPStatus

import pytest
from django.apps import apps
from django.db import models
from django.utils import dateformat, timezone

from gesprekstool.agenda.models import Action, OwnerLink, SentReminder
from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.rounds import removal, services
from gesprekstool.rounds.models import (
    Participant,
    Round,
)
from tests.factories import (
    ActionFactory,
    ActionNoteFactory,
    AgreementFactory,
    CalendarFeedFactory,
    ConversationQuestionFactory,
    HiddenObservationFactory,
    OwnerLinkFactory,
    OwnObservationFactory,
    SentReminderFactory,
    answer_everything,
)


def rows_referring_to(model, pk: int) -> dict[str, int]:
    """Every row of every model that points at `model` #pk through a foreign key or one-to-one field."""
    found = {}
    for other in apps.get_models():
        for field in other._meta.get_fields():
            if isinstance(field, models.ForeignKey) and field.related_model is model:
                count = other._default_manager.filter(**{field.attname: pk}).count()
                if count:
                    found[f"{other.__name__}.{field.name}"] = count
    return found


@pytest.fixture
def busy_round(round_, participant, facilitator):
    """A round with answers, an action agenda with notes and reminders, observations and a repeat."""
    participant.email = "fatima@example.nl"
    participant.save()
    answer_everything(participant)
    other = services.add_participant(
        round_, display_name="Gijs", domain="gezondheid", email="gijs@example.nl"
    )
    answer_everything(other)
    action = ActionFactory(round=round_, theme="A", description="Wijkcijfers", owner=participant)
    outside = ActionFactory(
        round=round_, theme="B", description="Folder", owner_name="Bea", owner_email="bea@example.nl"
    )
    ActionNoteFactory(action=action, text="Begonnen", author_name="Fatima")
    AgreementFactory(round=round_, notes="We zien elkaar terug")
    CalendarFeedFactory(round=round_)
    HiddenObservationFactory(round=round_, key="x")
    OwnObservationFactory(round=round_, text="Opvallend")
    ConversationQuestionFactory(round=round_, theme="A", text="Waarom?")
    SentReminderFactory(
        kind="meeting",
        target=f"participant:{participant.pk}",
        date=timezone.localdate(),
        recipient="fatima@example.nl",
    )
    SentReminderFactory(
        kind="overdue", target=f"action:{outside.pk}", date=timezone.localdate(), recipient="bea@example.nl"
    )
    for email in ("fatima@example.nl", "bea@example.nl", "gijs@example.nl"):
        OwnerLinkFactory(organisation=round_.organisation, email=email, expires_at=timezone.now())
    repeat = services.create_round(
        organisation=round_.organisation, title="Herhaling", held_on=round_.held_on, mode="individual"
    )
    repeat.previous = round_
    repeat.save()
    return round_


def test_delete_participant_leaves_nothing_of_them(busy_round, participant, facilitator):
    pk = participant.pk

    removal.delete_participant(participant, by=facilitator)

    assert rows_referring_to(Participant, pk) == {}
    assert Participant.objects.filter(pk=pk).exists() is False
    assert SentReminder.objects.filter(target=f"participant:{pk}").count() == 0
    assert sorted(OwnerLink.objects.values_list("email", flat=True)) == ["bea@example.nl", "gijs@example.nl"]
    assert Action.objects.get(description="Wijkcijfers").owner_id is None
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.actor, entry.subject, entry.detail) == (
        "participant_deleted",
        facilitator,
        "Armoede en gezondheid 2026",
        "Deelnemer 1 (Armoede)",
    )


def test_delete_participant_keeps_the_others(busy_round, participant, facilitator):
    removal.delete_participant(participant, by=facilitator)

    assert list(busy_round.participants.values_list("display_name", flat=True)) == ["Gijs"]
    assert busy_round.participants.get().scores.count() == 6


def test_delete_round_leaves_nothing_of_it(busy_round, facilitator):
    pk = busy_round.pk
    participant_pks = list(busy_round.participants.values_list("pk", flat=True))
    action_pks = list(Action.objects.filter(round=busy_round).values_list("pk", flat=True))

    removal.delete_round(busy_round, by=facilitator)

    assert rows_referring_to(Round, pk) == {}
    assert [rows_referring_to(Participant, p) for p in participant_pks] == [{}, {}]
    assert [rows_referring_to(Action, a) for a in action_pks] == [{}, {}]
    assert (SentReminder.objects.count(), OwnerLink.objects.count()) == (0, 0)
    assert list(Round.objects.values_list("title", "previous")) == [("Herhaling", None)]
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.actor, entry.subject) == (
        "round_deleted",
        facilitator,
        "Armoede en gezondheid 2026",
    )


# --- Pages -----------------------------------------------------------------------------------------


def test_participant_delete_page_names_the_participant(facilitator_client, round_, participant):
    response = facilitator_client.get(f"/rondes/{round_.pk}/deelnemers/{participant.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.OK
    assert "Fatima verwijderen?" in response.content.decode()
    assert Participant.objects.filter(pk=participant.pk).exists() is True


def test_participant_delete_post_deletes(facilitator_client, round_, participant):
    response = facilitator_client.post(f"/rondes/{round_.pk}/deelnemers/{participant.pk}/verwijderen/")

    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, f"/rondes/{round_.pk}/")
    assert Participant.objects.filter(pk=participant.pk).exists() is False


def test_participant_delete_refused_to_a_reader(reader_client, round_, participant):
    response = reader_client.post(f"/rondes/{round_.pk}/deelnemers/{participant.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Participant.objects.filter(pk=participant.pk).exists() is True


def test_participant_delete_hidden_from_another_organisation(outsider_client, round_, participant):
    response = outsider_client.post(f"/rondes/{round_.pk}/deelnemers/{participant.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Participant.objects.filter(pk=participant.pk).exists() is True


def test_participant_delete_asks_anonymous_to_log_in(client, round_, participant):
    response = client.post(f"/rondes/{round_.pk}/deelnemers/{participant.pk}/verwijderen/")

    assert (response.status_code, response["Location"].startswith("/inloggen/")) == (HTTPStatus.FOUND, True)
    assert Participant.objects.filter(pk=participant.pk).exists() is True


def test_joint_form_cannot_be_deleted(facilitator_client, joint_round):
    group = joint_round.participants.get()

    response = facilitator_client.post(f"/rondes/{joint_round.pk}/deelnemers/{group.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_round_delete_page_asks_for_the_title(facilitator_client, round_):
    response = facilitator_client.get(f"/rondes/{round_.pk}/verwijderen/")

    assert response.status_code == HTTPStatus.OK
    assert "Typ de titel van de ronde om te bevestigen" in response.content.decode()


@pytest.mark.parametrize("typed", ["", "Armoede en gezondheid", "armoede en gezondheid 2026"])
def test_round_delete_with_another_title_deletes_nothing(facilitator_client, round_, participant, typed):
    response = facilitator_client.post(f"/rondes/{round_.pk}/verwijderen/", {"title": typed})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert (Round.objects.count(), Participant.objects.count(), ActivityEntry.objects.count()) == (1, 1, 0)


def test_round_delete_with_the_title_deletes(facilitator_client, round_, participant):
    response = facilitator_client.post(
        f"/rondes/{round_.pk}/verwijderen/", {"title": "Armoede en gezondheid 2026"}
    )

    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, "/rondes/")
    assert (Round.objects.count(), Participant.objects.count()) == (0, 0)


def test_round_delete_refused_to_a_reader(reader_client, round_):
    response = reader_client.post(f"/rondes/{round_.pk}/verwijderen/", {"title": round_.title})

    assert (response.status_code, Round.objects.count()) == (HTTPStatus.FORBIDDEN, 1)


def test_round_delete_hidden_from_another_organisation(outsider_client, round_):
    response = outsider_client.post(f"/rondes/{round_.pk}/verwijderen/", {"title": round_.title})

    assert (response.status_code, Round.objects.count()) == (HTTPStatus.NOT_FOUND, 1)


def test_round_page_tells_how_long_personal_data_is_kept(facilitator_client, round_):
    open_page = facilitator_client.get(f"/rondes/{round_.pk}/").content.decode()
    services.close_round(round_)
    closed_page = facilitator_client.get(f"/rondes/{round_.pk}/").content.decode()

    assert "Persoonsgegevens worden bewaard tot 90 dagen na het sluiten van de ronde." in open_page
    until = dateformat.format(timezone.localdate() + datetime.timedelta(days=90), "j F Y")
    assert f"Persoonsgegevens worden bewaard tot {until} (90 dagen na sluiten)." in closed_page
