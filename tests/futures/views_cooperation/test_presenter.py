"""The presenter's cooperation page: the missing links, most marked first, and a missing link into step 3."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.agenda.models import Action
from gesprekstool.futures import cooperation
from gesprekstool.futures.models import CooperationMark
from gesprekstool.rounds import services
from tests.futures.views_cooperation.pages import action_url, present_url

# --- The presenter -----------------------------------------------------------------------------------------


def test_presenter_shows_the_matrix_and_the_links_most_marked_first(
    facilitator_client, round_, part, participant, other_participant
):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(other_participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(other_participant, party_a="Bibliotheek", party_b="gezondheid")

    response = facilitator_client.get(present_url(round_))

    assert response.status_code == HTTPStatus.OK
    assert [(li.label, li.count) for li in response.context["links"]] == [
        ("GGD – Armoede", 2),
        ("Bibliotheek – Gezondheid", 1),
    ]
    assert [p.label for p in response.context["matrix"].parties] == [
        "Armoede",
        "GGD",
        "Bibliotheek",
        "Gezondheid",
    ]
    html = response.content.decode()
    assert "De grootste ontbrekende verbindingen" in html
    assert "2 deelnemers hebben paren aangegeven" in html
    assert 'class="gt-coop__cell gt-coop__cell--4">2</td>' in html


@pytest.mark.parametrize("count", [1, 5])
def test_presenter_queries_do_not_grow_with_participants(
    facilitator_client, round_, part, count, django_assert_num_queries
):
    for n in range(count):
        p = services.add_participant(round_, display_name=f"P{n}", domain="armoede")
        cooperation.add_mark(p, party_a="GGD", party_b="armoede")
        cooperation.add_mark(p, party_a="GGD", party_b=f"Partner {n}")

    # Session, user, round, membership, part, links, participants marking.
    with django_assert_num_queries(7):
        response = facilitator_client.get(present_url(round_))

    assert response.context["links"][0].count == count


def test_presenter_without_a_part_says_so(facilitator_client, round_):
    response = facilitator_client.get(present_url(round_))

    assert response.status_code == HTTPStatus.OK
    assert "Deze ronde heeft nog geen toekomstbeeld" in response.content.decode()


def test_live_fragment_is_204_while_the_counts_are_unchanged(facilitator_client, round_, part, participant):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    url = reverse("cooperation:live", kwargs={"pk": round_.pk})
    version = cooperation.links_version(cooperation.missing_links(part))

    unchanged = facilitator_client.get(url, {"versie": version})
    cooperation.add_mark(participant, party_a="GGD", party_b="gezondheid")
    changed = facilitator_client.get(url, {"versie": version})

    assert unchanged.status_code == HTTPStatus.NO_CONTENT
    assert changed.status_code == HTTPStatus.OK
    assert 'id="cooperation-live"' in changed.content.decode()


def test_presenter_is_for_the_facilitator_only(client, reader_client, outsider_client, round_, part):
    url = present_url(round_)

    assert client.get(url).status_code == HTTPStatus.FOUND
    assert reader_client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.get(url).status_code == HTTPStatus.NOT_FOUND


# --- Into step 3 -------------------------------------------------------------------------------------------


def test_facilitator_turns_a_missing_link_into_an_action(facilitator_client, round_, part, participant):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")

    response = facilitator_client.post(
        action_url(round_), {"party_a": "GGD", "party_b": "armoede", "theme": "D", "owner_name": "Wijkteam"}
    )

    assert response.status_code == HTTPStatus.FOUND
    action = Action.objects.get()
    assert (action.round_id, action.theme, action.owner_name) == (round_.pk, "D", "Wijkteam")
    assert list(CooperationMark.objects.values_list("action_id", flat=True)) == [action.pk]
    shown = facilitator_client.get(present_url(round_)).content.decode()
    assert reverse("agenda:action", kwargs={"pk": round_.pk, "action_id": action.pk}) in shown


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        (
            {"party_a": "GGD", "party_b": "armoede", "theme": "Z"},
            HTTPStatus.UNPROCESSABLE_ENTITY,
            "Kies een van de thema",
        ),
        (
            {"party_a": "GGD", "party_b": "gezondheid", "theme": "E"},
            HTTPStatus.CONFLICT,
            "Niemand heeft dit paar",
        ),
        (
            {"party_a": "GGD", "party_b": "armoede", "theme": "E", "owner_name": "x" * 201},
            HTTPStatus.UNPROCESSABLE_ENTITY,
            "De actie is niet",
        ),
    ],
)
def test_a_bad_action_request_changes_nothing(
    facilitator_client, round_, part, participant, data, status, message
):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")

    response = facilitator_client.post(action_url(round_), data)

    assert response.status_code == status
    assert message in response.content.decode()
    assert (Action.objects.count(), list(CooperationMark.objects.values_list("action_id", flat=True))) == (
        0,
        [None],
    )


def test_a_link_becomes_an_action_only_once_and_never_in_a_closed_round(
    facilitator_client, round_, part, participant
):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(participant, party_a="GGD", party_b="gezondheid")
    data = {"party_a": "GGD", "party_b": "armoede", "theme": "E"}
    facilitator_client.post(action_url(round_), data)

    twice = facilitator_client.post(action_url(round_), data)
    services.close_round(round_)
    closed = facilitator_client.post(action_url(round_), {**data, "party_b": "gezondheid"})

    assert (twice.status_code, closed.status_code) == (HTTPStatus.CONFLICT, HTTPStatus.CONFLICT)
    assert "al een actie" in twice.content.decode()
    assert "gesloten" in closed.content.decode()
    assert Action.objects.count() == 1


def test_a_reader_or_another_organisation_makes_no_action(
    reader_client, outsider_client, round_, part, participant
):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    data = {"party_a": "GGD", "party_b": "armoede", "theme": "E"}

    assert reader_client.post(action_url(round_), data).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.post(action_url(round_), data).status_code == HTTPStatus.NOT_FOUND
    assert Action.objects.count() == 0
