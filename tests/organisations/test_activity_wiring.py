"""The actions the Logboek must show are written where they happen."""

import io
from http import HTTPStatus

from django.core.management import call_command

from gesprekstool.organisations.models import ActivityEntry


def lines():
    return list(ActivityEntry.objects.order_by("pk").values_list("action", "actor_name", "subject", "detail"))


def test_revealing_results_is_logged(facilitator_client, round_, facilitator):
    facilitator_client.post(f"/rondes/{round_.pk}/tonen/")

    assert lines() == [("results_revealed", facilitator.username, "Armoede en gezondheid 2026", "")]


def test_hiding_results_again_is_not_logged(facilitator_client, round_):
    facilitator_client.post(f"/rondes/{round_.pk}/tonen/", {"hide": "1"})

    assert lines() == []


def test_every_download_is_logged_with_its_format(reader_client, round_, participant):
    for fmt in ("json", "csv"):
        assert reader_client.get(f"/rondes/{round_.pk}/downloaden/{fmt}/").status_code == HTTPStatus.OK

    assert [(action, subject, detail) for action, _actor, subject, detail in lines()] == [
        ("round_exported", "Armoede en gezondheid 2026", "json"),
        ("round_exported", "Armoede en gezondheid 2026", "csv"),
    ]


def test_refused_download_is_not_logged(outsider_client, round_):
    assert outsider_client.get(f"/rondes/{round_.pk}/downloaden/json/").status_code == HTTPStatus.NOT_FOUND
    assert lines() == []


def test_export_command_is_logged_without_a_user(round_, tmp_path):
    call_command(
        "export_round",
        str(round_.pk),
        "--format",
        "json",
        "-o",
        str(tmp_path / "r.json"),
        stderr=io.StringIO(),
    )

    assert lines() == [("round_exported", "", "Armoede en gezondheid 2026", "json (opdracht op de server)")]


def test_log_lines_hold_no_tokens_or_answer_texts(facilitator_client, round_, participant):
    from tests.factories import answer_everything  # noqa: PLC0415

    answer_everything(participant)
    facilitator_client.post(f"/rondes/{round_.pk}/tonen/")
    facilitator_client.get(f"/rondes/{round_.pk}/downloaden/json/")
    facilitator_client.post(f"/rondes/{round_.pk}/deelnemers/{participant.pk}/verwijderen/")

    text = repr(lines())
    assert (participant.token in text, "Opmerking" in text, "Opvallend" in text, "Fatima" in text) == (
        False,
        False,
        False,
        False,
    )


def test_calendar_download_is_logged(reader_client, round_):
    assert reader_client.get(f"/rondes/{round_.pk}/actieagenda/agenda.ics").status_code == HTTPStatus.OK

    assert [(action, detail) for action, _actor, _subject, detail in lines()] == [("round_exported", "ics")]
