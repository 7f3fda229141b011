"""Anonymising a round replaces the partners named in its cooperation marks (futures/retention.py)."""

import pytest

from gesprekstool.futures import cooperation
from gesprekstool.futures.models import CooperationMark
from gesprekstool.rounds import removal, services
from tests.factories import FuturePartFactory


@pytest.fixture
def part(round_):
    return FuturePartFactory(round=round_)


def marks_in_db() -> list[tuple[int, str, str, str]]:
    return list(
        CooperationMark.objects.order_by("pk").values_list("participant_id", "party_a", "party_b", "others")
    )


def test_anonymising_a_round_numbers_the_named_partners_and_keeps_the_counts(
    part, participant, other_participant
):
    cooperation.add_mark(participant, party_a="armoede", party_b="Werk en Inkomen")
    cooperation.add_mark(participant, party_a="Jan de Vries", party_b="GGD")
    cooperation.add_mark(other_participant, party_a="GGD", party_b="Jan de Vries")
    cooperation.add_mark(other_participant, party_a="armoede", party_b="gezondheid")
    CooperationMark.objects.filter(participant=other_participant, party_a="GGD").update(
        others="Buurtsportcoach Piet"
    )

    removal.remove_personal_data(part.round, by=None)

    assert marks_in_db() == [
        (participant.pk, "Genoemde partner 1", "armoede", ""),
        (participant.pk, "Genoemde partner 2", "Genoemde partner 3", ""),
        (other_participant.pk, "Genoemde partner 2", "Genoemde partner 3", ""),
        (other_participant.pk, "armoede", "gezondheid", ""),
    ]
    assert [(li.label, li.count) for li in cooperation.missing_links(part)] == [
        ("Genoemde partner 2 – Genoemde partner 3", 2),
        ("Armoede – Gezondheid", 1),
        ("Genoemde partner 1 – Armoede", 1),
    ]


def test_anonymising_a_joint_round_also_numbers_the_names_the_group_marked(joint_round):
    part = FuturePartFactory(round=joint_round, mode="joint")
    group = joint_round.participants.get(is_group=True)
    cooperation.add_mark(group, party_a="Sportbedrijf", party_b="armoede")

    removal.remove_personal_data(joint_round, by=None)

    assert [(li.party_a.key, li.party_b.key) for li in cooperation.missing_links(part)] == [
        ("Genoemde partner 1", "armoede")
    ]


def test_marks_of_other_rounds_and_deleting_a_participant_leave_the_names(
    organisation, facilitator, part, participant, other_participant
):
    later = services.create_round(
        organisation=organisation,
        title="Later",
        held_on=part.round.held_on,
        mode="individual",
        created_by=facilitator,
    )
    later_part = FuturePartFactory(round=later)
    someone = services.add_participant(later, display_name="Els", domain="armoede", department="GGD")
    cooperation.add_mark(someone, party_a="GGD", party_b="armoede")
    cooperation.add_mark(participant, party_a="GGD", party_b="armoede")
    cooperation.add_mark(other_participant, party_a="GGD", party_b="armoede")

    removal.delete_participant(participant, by=None)

    assert [(li.label, li.count) for li in cooperation.missing_links(part)] == [("GGD – Armoede", 1)]
    assert [(li.label, li.count) for li in cooperation.missing_links(later_part)] == [("GGD – Armoede", 1)]

    removal.remove_personal_data(part.round, by=None)

    assert [li.label for li in cooperation.missing_links(part)] == ["Genoemde partner 1 – Armoede"]
    assert [li.label for li in cooperation.missing_links(later_part)] == ["GGD – Armoede"]
