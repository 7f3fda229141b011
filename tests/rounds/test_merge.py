"""Merging a duplicate participant (someone who joined twice) into another one (issue 15): the
duplicate's answers only fill gaps, then the duplicate goes."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.rounds import removal, services
from gesprekstool.rounds.models import Participant
from tests.factories import RoundFactory, answers_of


def merge_url(participant: Participant) -> str:
    return reverse(
        "rounds:participant_merge", kwargs={"pk": participant.round_id, "participant_id": participant.pk}
    )


@pytest.fixture
def pair(participant, other_participant):
    """Fatima (kept) answered theme A and question 1; Joost (duplicate) answered more."""
    services.save_score(participant, theme="A", value=2)
    services.save_question(participant, question="1", choices={"1a": ""})
    services.save_comment(participant, theme="A", text="Van Fatima")
    services.save_score(other_participant, theme="A", value=5)
    services.save_score(other_participant, theme="B", value=4)
    services.save_question(other_participant, question="1", choices={"1b": ""})
    services.save_question(other_participant, question="2", choices={"2a": ""})
    services.save_comment(other_participant, theme="A", text="Van Joost")
    services.save_comment(other_participant, theme="B", text="Alleen bij Joost")
    services.save_step1_note(other_participant, text="Notitie van Joost")
    services.mark_opened(other_participant)
    return participant, other_participant


def test_merge_fills_only_the_gaps_and_deletes_the_duplicate(pair, facilitator):
    kept, duplicate = pair

    moved = removal.merge_participant(duplicate, into=kept, by=facilitator)

    after = answers_of(kept)
    assert moved == 4
    assert after["scores"] == {"A": (2, None), "B": (4, None)}
    assert after["choices"] == {"1a": ("1", ""), "2a": ("2", "")}
    assert after["comments"] == {"A": "Van Fatima", "B": "Alleen bij Joost"}
    assert after["note"] == "Notitie van Joost"
    assert after["first_opened_at"] == duplicate.first_opened_at
    assert Participant.objects.filter(pk=duplicate.pk).exists() is False


def test_merge_is_in_the_activity_log_by_number_not_by_name(pair, facilitator):
    kept, duplicate = pair

    removal.merge_participant(duplicate, into=kept, by=facilitator)

    entry = ActivityEntry.objects.get(action="participants_merged")
    assert (entry.actor, entry.subject, entry.detail) == (
        facilitator,
        "Armoede en gezondheid 2026",
        "Deelnemer 2 (Gezondheid) in Deelnemer 1 (Armoede)",
    )


def test_merge_refuses_the_same_participant_another_round_or_the_group(participant, joint_round, facilitator):
    elsewhere = services.add_participant(
        RoundFactory(organisation=participant.round.organisation), display_name="X", domain="armoede"
    )
    group = joint_round.participants.get()

    refusals = []
    for duplicate, into in [(participant, participant), (participant, elsewhere), (group, participant)]:
        with pytest.raises(removal.MergeRefused) as refusal:
            removal.merge_participant(duplicate, into=into, by=facilitator)
        refusals.append(str(refusal.value))

    assert refusals == [
        "Kies een andere deelnemer om mee samen te voegen.",
        "Alleen twee deelnemers van dezelfde ronde kunnen worden samengevoegd.",
        "Alleen twee deelnemers van dezelfde ronde kunnen worden samengevoegd.",
    ]
    assert Participant.objects.filter(pk=participant.pk).exists() is True


# --- Page -----------------------------------------------------------------------------------------------


def test_merge_page_explains_which_answers_stay(facilitator_client, pair):
    kept, duplicate = pair

    response = facilitator_client.get(merge_url(duplicate))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Joost samenvoegen als dubbele aanmelding" in page
    assert "Waar allebei een antwoord gaven, blijft het antwoord van de deelnemer die blijft." in page
    assert f'<option value="{kept.pk}">Fatima – Deelnemer 1 (Armoede)</option>' in page
    assert f'<option value="{duplicate.pk}"' not in page


def test_merge_post_merges_and_goes_back_to_the_kept_participant(facilitator_client, pair):
    kept, duplicate = pair

    response = facilitator_client.post(merge_url(duplicate), {"into": kept.pk})

    assert (response.status_code, response["Location"]) == (
        HTTPStatus.FOUND,
        f"/rondes/{kept.round_id}/?deelnemer={kept.pk}#deelnemer-{kept.pk}",
    )
    assert Participant.objects.filter(pk=duplicate.pk).exists() is False


def test_merge_into_a_participant_of_another_round_changes_nothing(facilitator_client, pair, organisation):
    kept, duplicate = pair
    elsewhere = services.add_participant(
        RoundFactory(organisation=organisation), display_name="X", domain="armoede"
    )
    before = (answers_of(kept), answers_of(duplicate))

    response = facilitator_client.post(merge_url(duplicate), {"into": elsewhere.pk})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Kies een van de deelnemers van deze ronde." in response.content.decode()
    assert (answers_of(kept), answers_of(duplicate)) == before


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("reader_client", HTTPStatus.FORBIDDEN), ("outsider_client", HTTPStatus.NOT_FOUND)],
)
def test_merge_refused_to_a_reader_and_another_organisation(request, pair, client_name, status):
    kept, duplicate = pair
    before = (answers_of(kept), answers_of(duplicate))

    response = request.getfixturevalue(client_name).post(merge_url(duplicate), {"into": kept.pk})

    assert response.status_code == status
    assert (answers_of(kept), answers_of(duplicate)) == before


def test_merge_asks_anonymous_to_log_in(client, pair):
    kept, duplicate = pair

    response = client.post(merge_url(duplicate), {"into": kept.pk})

    assert (response.status_code, response["Location"].startswith("/inloggen/")) == (HTTPStatus.FOUND, True)
    assert Participant.objects.filter(pk=duplicate.pk).exists() is True


def test_joint_form_cannot_be_merged(facilitator_client, joint_round):
    group = joint_round.participants.get()

    response = facilitator_client.get(merge_url(group))

    assert response.status_code == HTTPStatus.NOT_FOUND
