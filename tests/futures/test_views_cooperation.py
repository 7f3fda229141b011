"""The cooperation pages: the participant's pairs, the presenter's missing links, and into step 3."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekstool.agenda.models import Action
from gesprekstool.futures import cooperation
from gesprekstool.futures.models import CooperationMark, FuturePart
from gesprekstool.rounds import services
from tests.factories import FuturePartFactory


@pytest.fixture
def part(round_):
    return FuturePartFactory(round=round_)


def marks_url(participant) -> str:
    return reverse("cooperation_fill:marks", kwargs={"key": participant.token})


def marks_in_db() -> list[tuple[int, str, str]]:
    return list(CooperationMark.objects.order_by("pk").values_list("participant_id", "party_a", "party_b"))


def present_url(round_) -> str:
    return reverse("cooperation:present", kwargs={"pk": round_.pk})


def action_url(round_) -> str:
    return reverse("cooperation:action", kwargs={"pk": round_.pk})


# --- The participant ---------------------------------------------------------------------------------------


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


# --- A joint part: the facilitator writes down the group's pairs -----------------------------------------


@pytest.fixture
def joint_part(joint_round):
    return FuturePartFactory(round=joint_round, mode="joint")


@pytest.fixture
def group(joint_round):
    return joint_round.participants.get(is_group=True)


def group_url(round_, change: str = "mark") -> str:
    return reverse(f"cooperation:group_{change}", kwargs={"pk": round_.pk})


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
