"""The cooperation pages of a participant, through their own link: their pairs, refusals and withdrawing."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekstool.futures import cooperation
from gesprekstool.rounds import services
from tests.futures.views_cooperation.pages import group_url, marks_in_db, marks_url


def test_participant_sees_the_rounds_parties_and_their_own_pairs(
    client, part, participant, other_participant
):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(other_participant, party_a="Bibliotheek", party_b="gezondheid")

    response = client.get(marks_url(participant))

    assert response.status_code == HTTPStatus.OK
    assert [p.key for p in response.context["form"].parties] == [
        "armoede",
        "gezondheid",
        "GGD",
        "Werk en Inkomen",
    ]
    assert [(a.label, b.label) for a, b in response.context["marks"]] == [("GGD", "Armoede")]
    assert "Bibliotheek" not in response.content.decode()


@pytest.mark.parametrize("count", [1, 4])
def test_participant_page_queries_do_not_grow_with_marks(
    client, round_, part, participant, count, django_assert_num_queries
):
    for n in range(count):
        other = services.add_participant(
            round_, display_name=f"P{n}", domain="gezondheid", department=f"Org {n}"
        )
        cooperation.add_mark(other, party_a="armoede", party_b=f"Org {n}")
        cooperation.add_mark(participant, party_a="gezondheid", party_b=f"Org {n}")

    # Participant, part, parties, own marks.
    with django_assert_num_queries(4):
        response = client.get(marks_url(participant))

    assert len(response.context["marks"]) == count


def test_participant_marks_a_listed_and_a_typed_partner(client, part, participant):
    response = client.post(
        marks_url(participant), {"party_a": "armoede", "other_a": "", "party_b": "", "other_b": "  ggd  "}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == marks_url(participant)
    assert marks_in_db() == [(participant.pk, "armoede", "ggd")]


def test_a_typed_name_of_a_listed_organisation_counts_as_that_organisation(client, part, participant):
    client.post(marks_url(participant), {"party_a": "armoede", "other_b": "werk EN inkomen"})

    assert marks_in_db() == [(participant.pk, "Werk en Inkomen", "armoede")]


@pytest.mark.parametrize("as_group", [False, True], ids=["participant", "group"])
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Kies een partner uit de lijst, of typ hieronder een naam."),
        ({"party_a": "armoede", "party_b": "armoede"}, "Kies twee verschillende partners."),
        ({"party_a": "armoede", "other_b": "Armoede"}, "Kies twee verschillende partners."),
        ({"party_a": "armoede", "party_b": "gezondheid", "other_b": "GGD"}, "niet allebei"),
        ({"party_a": "armoede", "other_b": "x" * 121}, "Houd de naam korter dan 120 tekens (nu 121)."),
        ({"party_a": "onbekend", "party_b": "armoede"}, "Kies een partner uit de lijst."),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(request, data, message, as_group):
    """Through a participant's link, or (a joint part) the facilitator writing down the group's pair."""
    if as_group:
        request.getfixturevalue("joint_part")
        writer = request.getfixturevalue("group")
        http, url = request.getfixturevalue("facilitator_client"), group_url(writer.round)
    else:
        request.getfixturevalue("part")
        request.getfixturevalue("other_participant")
        writer = request.getfixturevalue("participant")
        http, url = request.getfixturevalue("client"), marks_url(writer)
    cooperation.add_mark(writer, party_a="GGD", party_b="armoede")

    response = http.post(url, data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in response.content.decode()
    assert "Het paar is niet opgeslagen." in response.content.decode()
    assert marks_in_db() == [(writer.pk, "GGD", "armoede")]


def test_in_a_closed_round_marks_are_refused_with_a_message(
    client, round_, part, participant, other_participant
):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    services.close_round(round_)

    added = client.post(marks_url(participant), {"party_a": "armoede", "party_b": "gezondheid"})
    withdrawn = client.post(
        reverse("cooperation_fill:withdraw", kwargs={"key": participant.token}),
        {"party_a": "GGD", "party_b": "armoede"},
    )
    shown = client.get(marks_url(participant))

    assert (added.status_code, withdrawn.status_code) == (HTTPStatus.CONFLICT, HTTPStatus.CONFLICT)
    assert "Deze ronde is gesloten" in added.content.decode()
    assert shown.context["part_open"] is False
    assert "Dit paar aangeven" not in shown.content.decode()
    assert marks_in_db() == [(participant.pk, "GGD", "armoede")]


def test_without_an_open_part_nothing_is_marked(client, round_, participant, other_participant):
    response = client.post(marks_url(participant), {"party_a": "armoede", "party_b": "gezondheid"})

    assert response.status_code == HTTPStatus.CONFLICT
    assert "Het toekomstbeeld is nu niet open." in response.content.decode()
    assert marks_in_db() == []


def test_a_handed_in_participant_may_still_mark_pairs(client, part, participant, other_participant):
    services.finish(participant)

    response = client.post(marks_url(participant), {"party_a": "armoede", "party_b": "gezondheid"})

    assert response.status_code == HTTPStatus.FOUND
    assert marks_in_db() == [(participant.pk, "armoede", "gezondheid")]


def test_a_wrong_or_revoked_link_is_refused(client, part, participant):
    wrong = client.post(
        reverse("cooperation_fill:marks", kwargs={"key": "x" * 43}),
        {"party_a": "armoede", "party_b": "gezondheid"},
    )
    participant.link_revoked_at = timezone.now()
    participant.save()
    revoked = client.post(marks_url(participant), {"party_a": "armoede", "party_b": "gezondheid"})

    assert (wrong.status_code, revoked.status_code) == (HTTPStatus.NOT_FOUND, HTTPStatus.GONE)
    assert marks_in_db() == []


def test_participant_withdraws_their_own_mark(client, part, participant, other_participant):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(other_participant, party_a="GGD", party_b="armoede")
    url = reverse("cooperation_fill:withdraw", kwargs={"key": participant.token})

    response = client.post(url, {"party_a": "GGD", "party_b": "armoede"})
    again = client.post(url, {"party_a": "GGD", "party_b": "armoede"})
    bad = client.post(url, {"party_a": "", "party_b": "armoede"})

    assert (response.status_code, again.status_code, bad.status_code) == (
        HTTPStatus.FOUND,
        HTTPStatus.FOUND,
        HTTPStatus.UNPROCESSABLE_ENTITY,
    )
    assert marks_in_db() == [(other_participant.pk, "GGD", "armoede")]
