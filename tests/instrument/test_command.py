"""``manage.py instrument``: summary, JSON and --check."""

import json
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from gesprekstool.instrument import CURRENT_VERSION, load_instrument
from gesprekstool.instrument.loader import DEFINITIONS_DIR


def run(*args: str) -> str:
    out = StringIO()
    call_command("instrument", *args, stdout=out)
    return out.getvalue()


def test_instrument_json_prints_the_whole_definition() -> None:
    output = run("--json")

    data = json.loads(output)
    assert data["version"] == CURRENT_VERSION
    assert len([q for theme in data["themes"] for q in theme["questions"]]) == 14
    assert data == load_instrument().to_dict()
    assert "één" in output  # ensure_ascii=False
    assert output.startswith('{\n  "version"')  # indent 2


def test_instrument_json_for_a_chosen_version() -> None:
    assert json.loads(run("--json", "--version", "2018.1"))["version"] == "2018.1"


def test_instrument_unknown_version_fails() -> None:
    with pytest.raises(CommandError, match="onbekende instrumentversie '1999.1'"):
        run("--version", "1999.1")


def test_instrument_summary() -> None:
    output = run()

    assert "Versie: 2018.1 (huidige versie)" in output
    assert "Thema's: 6" in output
    assert "  C. Gecombineerd beleid (vragen 4, 5, 6)" in output
    assert "Vragen: 14" in output
    assert "Antwoordopties: 80 (10 exclusief, 17 met toelichting)" in output


def test_instrument_check_accepts_a_valid_file() -> None:
    assert run("--check", str(DEFINITIONS_DIR / f"{CURRENT_VERSION}.yaml")) == "OK\n"


def test_instrument_check_refuses_a_bad_file(tmp_path: Path) -> None:
    data = yaml.safe_load((DEFINITIONS_DIR / f"{CURRENT_VERSION}.yaml").read_text(encoding="utf-8"))
    del data["themes"][0]["questions"][0]["options"][4]["text"]
    path = tmp_path / f"{CURRENT_VERSION}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    with pytest.raises(CommandError, match=r"^2018\.1\.yaml: vraag 1, optie 1e: 'text' ontbreekt$"):
        run("--check", str(path))


def test_instrument_check_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="kan het bestand niet lezen"):
        run("--check", str(tmp_path / "2018.1.yaml"))
