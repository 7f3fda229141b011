"""Exports are built once per round version and kept (issue 11): a second download of an unchanged
round is served from the database; a change in answers, actions or names builds it again."""

import csv
import io

import pytest
from django.urls import reverse

from gesprekstool.agenda.models import Action
from gesprekstool.agenda.services import update_action
from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.reports.formats import FORMATS
from gesprekstool.reports.models import StoredExport
from gesprekstool.reports.stored import export_bytes, export_version
from gesprekstool.rounds import removal, services


@pytest.fixture
def other_round_with_export(organisation, full_round):
    other = services.create_round(
        organisation=organisation, title="Andere ronde", held_on=full_round.held_on, mode="individual"
    )
    export_bytes(other, FORMATS["csv"])
    return other


def csv_of(round_) -> str:
    return export_bytes(round_, FORMATS["csv"]).decode("utf-8-sig")


def test_export_version_takes_four_queries(full_round, django_assert_num_queries):
    with django_assert_num_queries(4):
        export_version(full_round)


def test_a_second_export_of_an_unchanged_round_is_not_built_again(full_round, django_assert_num_queries):
    first = export_bytes(full_round, FORMATS["xlsx"])
    built_at = StoredExport.objects.get().built_at

    # The version (4 queries) and the kept file (1); building reads the results in many more.
    with django_assert_num_queries(5):
        second = export_bytes(full_round, FORMATS["xlsx"])

    assert second == first
    assert StoredExport.objects.get().built_at == built_at


def first_score_a(text: str) -> str:
    """The step-1 score on theme A of "Deelnemer 3" in the CSV file."""
    row = next(
        r
        for r in csv.reader(io.StringIO(text), delimiter=";")
        if r[1:4] == ["Deelnemer 3 (Armoede)", "1", "A"]
    )
    return row[5]


def test_a_changed_score_builds_the_export_again(full_round):
    participant = services.add_participant(full_round, display_name="Nog bezig", domain="armoede")
    services.save_score(participant, theme="A", value=2)
    before = csv_of(full_round)

    services.save_score(participant, theme="A", value=5)
    after = csv_of(full_round)

    assert (first_score_a(before), first_score_a(after)) == ("2", "5")
    assert StoredExport.objects.count() == 1


def test_a_changed_action_builds_the_export_again(full_round):
    action = Action.objects.filter(round=full_round).first()
    before = csv_of(full_round)

    update_action(action, expected_version=action.version, changes={"description": "Nieuwe afspraak"})
    after = csv_of(full_round)

    assert ("Nieuwe afspraak" in before, "Nieuwe afspraak" in after) == (False, True)


def test_a_changed_note_builds_the_export_again(full_round):
    participant = services.add_participant(full_round, display_name="Nog bezig", domain="armoede")
    before = csv_of(full_round)

    services.save_step1_note(participant, text="Een nieuwe notitie")
    after = csv_of(full_round)

    assert ("Een nieuwe notitie" in before, "Een nieuwe notitie" in after) == (False, True)


def test_each_format_and_language_is_kept_on_its_own(full_round, settings):
    from django.utils import translation  # noqa: PLC0415

    export_bytes(full_round, FORMATS["csv"])
    export_bytes(full_round, FORMATS["json"])
    with translation.override("en"):
        export_bytes(full_round, FORMATS["csv"])

    assert sorted(StoredExport.objects.values_list("fmt", "language")) == [
        ("csv", "en"),
        ("csv", "nl"),
        ("json", "nl"),
    ]


def test_removing_personal_data_removes_the_kept_exports(full_round, other_round_with_export):
    export_bytes(full_round, FORMATS["csv"])

    removal.remove_personal_data(full_round)

    assert list(StoredExport.objects.values_list("round_id", flat=True)) == [other_round_with_export.pk]


def test_deleting_a_round_removes_its_kept_exports(full_round, other_round_with_export):
    export_bytes(full_round, FORMATS["csv"])

    removal.delete_round(full_round, by=None, reason="test")

    assert list(StoredExport.objects.values_list("round_id", flat=True)) == [other_round_with_export.pk]


def test_deleting_a_participant_removes_the_rounds_kept_exports(full_round):
    export_bytes(full_round, FORMATS["csv"])

    removal.delete_participant(full_round.participants.first(), by=None)

    assert StoredExport.objects.count() == 0


def test_every_download_is_logged_also_when_served_from_the_kept_file(facilitator_client, full_round):
    url = reverse("reports:download", kwargs={"pk": full_round.pk, "fmt": "csv"})

    first = facilitator_client.get(url)
    second = facilitator_client.get(url)

    assert second.content == first.content
    assert list(
        ActivityEntry.objects.filter(action=ActivityEntry.Action.ROUND_EXPORTED).values_list(
            "detail", flat=True
        )
    ) == ["csv", "csv"]
