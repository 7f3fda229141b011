"""manage.py export_round and import_round."""

import io
import json

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from gesprekstool.organisations.models import Organisation
from gesprekstool.reports import roundfile
from gesprekstool.rounds.models import Participant, Round


@pytest.mark.parametrize("fmt", ["json", "docx", "xlsx", "csv"])
def test_export_round_writes_the_file(full_round, tmp_path, fmt):
    target = tmp_path / f"ronde.{fmt}"

    call_command("export_round", str(full_round.pk), "--format", fmt, "-o", str(target), stderr=io.StringIO())

    data = target.read_bytes()
    if fmt == "json":
        assert json.loads(data)["round"]["title"] == full_round.title
    elif fmt == "docx":
        assert docx.Document(target).paragraphs[1].text == full_round.title
    elif fmt == "xlsx":
        assert openpyxl.load_workbook(target).sheetnames == [
            "Ronde",
            "Per thema",
            "Stap 1",
            "Stap 2",
            "Acties",
        ]
    else:
        assert data.decode("utf-8-sig").startswith('"ronde";"deelnemer";"stap"')


def test_export_round_writes_json_to_standard_output(full_round):
    out = io.StringIO()

    call_command("export_round", str(full_round.pk), stdout=out)

    assert out.getvalue().encode() == roundfile.render_round_file(full_round)


def test_export_round_refuses_binary_output_to_the_terminal_and_unknown_rounds(full_round):
    with pytest.raises(CommandError, match="binair"):
        call_command("export_round", str(full_round.pk), "--format", "pdf")
    with pytest.raises(CommandError, match="Er is geen ronde 999999"):
        call_command("export_round", "999999")


def test_import_round_reads_a_file_with_new_links(full_round, tmp_path, other_organisation):
    path = tmp_path / "ronde.json"
    path.write_bytes(roundfile.render_round_file(full_round))
    out = io.StringIO()

    call_command("import_round", str(path), "--organisation", "elders", stdout=out)

    imported = Round.objects.get(organisation=other_organisation)
    assert "ingelezen als ronde" in out.getvalue() and "2 deelnemers" in out.getvalue()
    assert roundfile.render_round_file(imported).replace(b"Gemeente Elders", b"Gemeente Testdorp").replace(
        b'"elders"', b'"testdorp"'
    ) == roundfile.render_round_file(full_round)
    old = set(Participant.objects.filter(round=full_round).values_list("token", flat=True))
    assert not old & set(imported.participants.values_list("token", flat=True))


def test_import_round_refuses_a_bad_file_and_changes_nothing(full_round, tmp_path):
    data = json.loads(roundfile.render_round_file(full_round))
    data["participants"][0]["scores"][0]["first"] = 9
    path = tmp_path / "kapot.json"
    path.write_text(json.dumps(data))
    before = Round.objects.count()

    with pytest.raises(
        CommandError, match=r"kapot.json: participants\[0\].scores\[0\].first: 9 is geen score"
    ):
        call_command("import_round", str(path))

    assert Round.objects.count() == before


def test_import_round_refuses_a_50_mb_file_without_reading_it(tmp_path, db):
    path = tmp_path / "groot.json"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk

    with pytest.raises(CommandError, match="groter dan 20 MB"):
        call_command("import_round", str(path))


def test_import_round_names_a_missing_file_and_organisation(tmp_path, db):
    with pytest.raises(CommandError, match="bestaat-niet.json"):
        call_command("import_round", str(tmp_path / "bestaat-niet.json"))
    with pytest.raises(CommandError, match="geen organisatie met de korte naam “nergens”"):
        call_command("import_round", str(tmp_path / "x.json"), "--organisation", "nergens")
    assert Organisation.objects.count() == 0


def test_import_round_echoes_no_escape_code_from_the_command_line(tmp_path, db):
    with pytest.raises(CommandError) as refused:
        call_command("import_round", str(tmp_path / "x.json"), "--organisation", "elders\x1b[2J\x1b]0;x\x07")

    assert str(refused.value) == "Er is geen organisatie met de korte naam “elders[2J]0;x”."


def test_import_round_refuses_edge_dates_and_escape_codes_in_dutch(full_round, tmp_path):
    data = json.loads(roundfile.render_round_file(full_round))
    data["round"]["held_on"] = "9999-12-31"
    path = tmp_path / "rand.json"
    path.write_text(json.dumps(data))
    before = Round.objects.count()

    with pytest.raises(CommandError, match=r"rand.json: round.held_on: 9999-12-31 valt buiten de jaren 1900"):
        call_command("import_round", str(path))

    data["round"]["held_on"] = "2026-11-20"
    data["round"]["title"] = "Ronde \x1b[31mrood"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=r"round.title bevat een stuurteken"):
        call_command("import_round", str(path))
    assert Round.objects.count() == before
