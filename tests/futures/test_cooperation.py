"""Cooperation marks: adding, withdrawing, counting, and a missing link into an action."""

import pytest
from django.utils import timezone

from gesprekstool.agenda.models import Action
from gesprekstool.futures import cooperation
from gesprekstool.futures.cooperation import CooperationRefused, Link, party
from gesprekstool.futures.models import CooperationMark
from gesprekstool.rounds import services
from tests.factories import FuturePartFactory


@pytest.fixture
def part(round_):
    return FuturePartFactory(round=round_)


def marks_in_db() -> list[tuple[int, str, str]]:
    return list(CooperationMark.objects.order_by("pk").values_list("participant_id", "party_a", "party_b"))


def test_round_parties_are_its_domains_in_order_then_its_organisations(round_):
    services.add_participant(round_, display_name="A", domain="gezondheid", department="GGD  Hollands Midden")
    services.add_participant(round_, display_name="B", domain="armoede", department="ggd hollands midden")
    services.add_participant(round_, display_name="C", domain="anders", department="Bibliotheek")
    services.add_participant(round_, display_name="D", domain="armoede", department="")

    parties = cooperation.round_parties(round_)

    assert [(p.key, p.label) for p in parties] == [
        ("armoede", "Armoede"),
        ("gezondheid", "Gezondheid"),
        ("Bibliotheek", "Bibliotheek"),
        ("GGD Hollands Midden", "GGD Hollands Midden"),
    ]


def test_a_typed_name_of_a_domain_or_listed_organisation_becomes_that_party():
    parties = [party("armoede"), party("GGD")]

    assert [
        cooperation.resolve(name, parties) for name in ("  ggd ", "ARMOEDE", "Gezondheid", "Sportbedrijf")
    ] == [
        "GGD",
        "armoede",
        "gezondheid",
        "Sportbedrijf",
    ]


def test_marks_are_stored_as_one_ordered_pair_and_marking_again_changes_nothing(part, participant):
    cooperation.add_mark(participant, party_a="gezondheid", party_b="armoede")
    cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")

    assert marks_in_db() == [(participant.pk, "armoede", "gezondheid")]


@pytest.mark.parametrize(("a", "b"), [("armoede", "armoede"), ("", "armoede"), ("x" * 121, "armoede")])
def test_a_pair_of_one_party_or_a_too_long_name_is_refused(part, participant, a, b):
    with pytest.raises(ValueError):
        cooperation.add_mark(participant, party_a=a, party_b=b)

    assert marks_in_db() == []


def test_no_marks_in_a_closed_round_or_without_an_open_part(round_, participant):
    with pytest.raises(CooperationRefused, match="niet open"):
        cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")
    part = FuturePartFactory(round=round_, enabled=False)
    with pytest.raises(CooperationRefused, match="niet open"):
        cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")
    part.enabled = True
    part.save()
    cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")
    services.close_round(round_)
    participant.round.refresh_from_db()

    with pytest.raises(CooperationRefused, match="gesloten"):
        cooperation.add_mark(participant, party_a="armoede", party_b="GGD")
    with pytest.raises(CooperationRefused, match="gesloten"):
        cooperation.withdraw_mark(participant, party_a="armoede", party_b="gezondheid")

    assert marks_in_db() == [(participant.pk, "armoede", "gezondheid")]


def test_a_participant_marks_at_most_max_marks_pairs(part, participant):
    for n in range(cooperation.MAX_MARKS):
        cooperation.add_mark(participant, party_a="armoede", party_b=f"Partner {n:02d}")

    with pytest.raises(CooperationRefused, match="10 paren"):
        cooperation.add_mark(participant, party_a="gezondheid", party_b="Nog een")

    assert len(marks_in_db()) == cooperation.MAX_MARKS


def test_a_revoked_link_marks_nothing(part, participant):
    participant.link_revoked_at = timezone.now()

    with pytest.raises(CooperationRefused):
        cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")

    assert marks_in_db() == []


def test_withdraw_removes_only_ones_own_mark(part, participant, other_participant):
    cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")
    cooperation.add_mark(other_participant, party_a="armoede", party_b="gezondheid")

    assert cooperation.withdraw_mark(participant, party_a="gezondheid", party_b="armoede") is True
    assert cooperation.withdraw_mark(participant, party_a="gezondheid", party_b="armoede") is False
    assert marks_in_db() == [(other_participant.pk, "armoede", "gezondheid")]


def test_missing_links_count_participants_per_pair_the_most_marked_first(round_, part):
    people = [services.add_participant(round_, display_name=f"P{n}", domain="armoede") for n in range(4)]
    for p in people:
        cooperation.add_mark(p, party_a="GGD", party_b="armoede")
    for p in people[:2]:
        cooperation.add_mark(p, party_a="Woningcorporatie", party_b="gezondheid")
    cooperation.add_mark(people[3], party_a="Bibliotheek", party_b="armoede")
    cooperation.add_mark(people[3], party_a="Bibliotheek", party_b="GGD")

    links = cooperation.missing_links(part)

    assert [(li.party_a.label, li.party_b.label, li.count) for li in links] == [
        ("GGD", "Armoede", 4),
        ("Woningcorporatie", "Gezondheid", 2),
        ("Bibliotheek", "Armoede", 1),
        ("Bibliotheek", "GGD", 1),
    ]
    assert cooperation.participants_marking(part) == 4


@pytest.mark.parametrize("count", [1, 5])
def test_counting_is_one_query_however_many_participants(round_, part, count, django_assert_num_queries):
    for n in range(count):
        p = services.add_participant(round_, display_name=f"P{n}", domain="armoede")
        cooperation.add_mark(p, party_a="GGD", party_b="armoede")
        cooperation.add_mark(p, party_a="GGD", party_b=f"Partner {n}")

    with django_assert_num_queries(1):
        links = cooperation.missing_links(part)

    assert [li.count for li in links][:1] == [count]
    assert len(links) == 1 + count


def test_matrix_is_symmetric_with_the_most_marked_parties_and_shades():
    links = [
        Link(party_a=party("GGD"), party_b=party("armoede"), count=4),
        Link(party_a=party("Bibliotheek"), party_b=party("GGD"), count=1),
        Link(party_a=party("Sport"), party_b=party("Zorg"), count=1),
    ]

    matrix = cooperation.matrix(links, limit=3)

    assert [p.label for p in matrix.parties] == ["GGD", "Armoede", "Bibliotheek"]
    assert [[c and (c.count, c.level) for c in cells] for _p, cells in matrix.rows] == [
        [None, (4, 4), (1, 1)],
        [(4, 4), None, (0, 0)],
        [(1, 1), (0, 0), None],
    ]
    assert matrix.left_out == 2


def test_matrix_of_no_links_is_empty():
    assert cooperation.matrix([]) == cooperation.Matrix(parties=[], rows=[], left_out=0)


def test_a_missing_link_becomes_one_action_linked_to_all_its_marks(
    round_, part, participant, other_participant
):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(other_participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(other_participant, party_a="GGD", party_b="gezondheid")

    action = cooperation.link_to_action(
        part, party_a="armoede", party_b="GGD", theme="E", owner_name="Beleidsadviseur armoede"
    )

    assert (action.round_id, action.theme, action.description, action.owner_name, action.status) == (
        round_.pk,
        "E",
        "Nauwer samenwerken: GGD en Armoede (een ontbrekende verbinding, genoemd door 2 deelnemers "
        "in het toekomstbeeld).",
        "Beleidsadviseur armoede",
        "open",
    )
    assert list(CooperationMark.objects.order_by("pk").values_list("action_id", flat=True)) == [
        action.pk,
        action.pk,
        None,
    ]
    assert cooperation.missing_links(part)[0].action_id == action.pk


def test_a_link_becomes_an_action_once_and_an_unmarked_pair_never(round_, part, participant):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    cooperation.link_to_action(part, party_a="GGD", party_b="armoede")

    with pytest.raises(CooperationRefused, match="al een actie"):
        cooperation.link_to_action(part, party_a="GGD", party_b="armoede")
    with pytest.raises(CooperationRefused, match="Niemand"):
        cooperation.link_to_action(part, party_a="GGD", party_b="gezondheid")
    services.close_round(round_)
    part.round.refresh_from_db()
    with pytest.raises(CooperationRefused, match="gesloten"):
        cooperation.link_to_action(part, party_a="GGD", party_b="Bibliotheek")

    assert Action.objects.count() == 1


def test_an_action_on_a_theme_the_instrument_has_not_is_refused(part, participant):
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")

    with pytest.raises(ValueError):
        cooperation.link_to_action(part, party_a="GGD", party_b="armoede", theme="Z")

    assert (Action.objects.count(), marks_in_db()) == (0, [(participant.pk, "GGD", "armoede")])
