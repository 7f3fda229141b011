"""A joint picture of the future: the facilitator writes down the pairs the group names."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.agenda.models import Action
from gesprekstool.futures import cooperation
from gesprekstool.futures.models import FuturePart
from gesprekstool.rounds import services
from tests.futures.views_cooperation.pages import action_url, group_url, marks_in_db, present_url


def test_in_a_joint_part_the_presenter_offers_every_domain_and_the_groups_pairs(
    facilitator_client, joint_round, joint_part, group
):
    cooperation.add_mark(group, party_a="Sportbedrijf", party_b="armoede")

    response = facilitator_client.get(present_url(joint_round))

    parties = [p.key for p in response.context["pair_form"].parties]
    marks = [(a.label, b.label) for a, b in response.context["group_marks"]]
    assert (response.status_code, marks) == (HTTPStatus.OK, [("Sportbedrijf", "Armoede")])
    assert parties == ["armoede", "gezondheid", "uitvoering", "maatschappelijk", "aanpalend"]
    html = response.content.decode()
    assert "Welke partners moeten volgens de groep nauwer samenwerken?" in html
    assert 'action="' + group_url(joint_round, "withdraw") + '"' in html
    assert "deelnemer heeft paren aangegeven" not in html


def test_in_a_joint_part_the_facilitator_marks_a_pair_for_the_group(
    facilitator_client, joint_round, joint_part, group
):
    response = facilitator_client.post(group_url(joint_round), {"party_a": "armoede", "other_b": " ggd "})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == present_url(joint_round)
    assert marks_in_db() == [(group.pk, "armoede", "ggd")]
    shown = facilitator_client.get(present_url(joint_round))
    assert [(li.label, li.count) for li in shown.context["links"]] == [("Armoede – ggd", 1)]


def test_the_facilitator_withdraws_only_the_groups_own_pair(
    facilitator_client, joint_round, joint_part, group
):
    # A participant of the joint round (not possible on the site, but the rule must not depend on it).
    someone = services.add_participant(joint_round, display_name="Fatima", domain="armoede")
    cooperation.add_mark(someone, party_a="armoede", party_b="gezondheid")
    cooperation.add_mark(group, party_a="armoede", party_b="gezondheid")

    response = facilitator_client.post(
        group_url(joint_round, "withdraw"), {"party_a": "armoede", "party_b": "gezondheid"}
    )
    again = facilitator_client.post(
        group_url(joint_round, "withdraw"), {"party_a": "armoede", "party_b": "gezondheid"}
    )

    assert (response.status_code, again.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    assert marks_in_db() == [(someone.pk, "armoede", "gezondheid")]


def test_a_tampered_withdrawal_for_the_group_changes_nothing(
    facilitator_client, joint_round, joint_part, group
):
    cooperation.add_mark(group, party_a="armoede", party_b="gezondheid")

    response = facilitator_client.post(group_url(joint_round, "withdraw"), {"party_a": "armoede"})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Dat paar is niet gevonden." in response.content.decode()
    assert marks_in_db() == [(group.pk, "armoede", "gezondheid")]


def test_group_pairs_are_refused_in_a_part_on_the_phones_a_closed_part_or_round(
    facilitator_client, round_, part, participant, joint_round, joint_part, group
):
    cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")
    data = {"party_a": "armoede", "party_b": "uitvoering"}

    on_phones = facilitator_client.post(group_url(round_), data)
    FuturePart.objects.filter(pk=joint_part.pk).update(enabled=False)
    part_closed = facilitator_client.post(group_url(joint_round), data)
    FuturePart.objects.filter(pk=joint_part.pk).update(enabled=True)
    services.close_round(joint_round)
    round_closed = facilitator_client.post(group_url(joint_round), data)

    assert [r.status_code for r in (on_phones, part_closed, round_closed)] == [HTTPStatus.CONFLICT] * 3
    assert "eigen telefoon" in on_phones.content.decode()
    assert "niet open" in part_closed.content.decode()
    assert "gesloten" in round_closed.content.decode()
    assert marks_in_db() == [(participant.pk, "armoede", "gezondheid")]


def test_a_joint_round_without_a_picture_of_the_future_has_no_group_pairs(facilitator_client, joint_round):
    response = facilitator_client.post(
        group_url(joint_round), {"party_a": "armoede", "party_b": "gezondheid"}
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert "nog geen toekomstbeeld" in response.content.decode()
    assert marks_in_db() == []


@pytest.mark.parametrize("change", ["mark", "withdraw"])
def test_group_pairs_are_for_the_facilitator_only(
    client, reader_client, outsider_client, joint_round, joint_part, group, change
):
    cooperation.add_mark(group, party_a="armoede", party_b="gezondheid")
    url = group_url(joint_round, change)
    data = {"party_a": "armoede", "party_b": "uitvoering" if change == "mark" else "gezondheid"}

    anonymous = client.post(url, data)
    reader = reader_client.post(url, data)
    outsider = outsider_client.post(url, data)

    assert anonymous.status_code == HTTPStatus.FOUND
    assert anonymous["Location"].startswith(reverse("login"))
    assert (reader.status_code, outsider.status_code) == (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert marks_in_db() == [(group.pk, "armoede", "gezondheid")]


@pytest.mark.parametrize("count", [1, 4])
def test_joint_presenter_queries_do_not_grow_with_the_groups_pairs(
    facilitator_client, joint_round, joint_part, group, count, django_assert_num_queries
):
    for n in range(count):
        cooperation.add_mark(group, party_a="armoede", party_b=f"Partner {n}")

    # Session, user, round, membership, part, links, participants marking; the parties and the
    # group's pairs.
    with django_assert_num_queries(9):
        response = facilitator_client.get(present_url(joint_round))

    assert len(response.context["group_marks"]) == count


def test_a_pair_the_group_named_becomes_an_action_that_says_so(
    facilitator_client, joint_round, joint_part, group
):
    cooperation.add_mark(group, party_a="GGD", party_b="armoede")

    facilitator_client.post(action_url(joint_round), {"party_a": "GGD", "party_b": "armoede", "theme": "E"})

    assert list(Action.objects.values_list("description", flat=True)) == [
        "Nauwer samenwerken: GGD en Armoede (een ontbrekende verbinding, genoemd door de groep in het toekomstbeeld)."
    ]
