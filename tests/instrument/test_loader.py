"""The loader: versions and caching, to_dict, and the validation of a definition file."""

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from gesprekstool.instrument.loader import (
    CURRENT_VERSION,
    DEFINITIONS_DIR,
    Instrument,
    InstrumentError,
    available_versions,
    load_instrument,
    load_instrument_file,
)

CURRENT_FILE = DEFINITIONS_DIR / f"{CURRENT_VERSION}.yaml"


def raw_definition() -> dict[str, Any]:
    return yaml.safe_load(CURRENT_FILE.read_text(encoding="utf-8"))


def write(directory: Path, data: Any, name: str = f"{CURRENT_VERSION}.yaml") -> Path:
    path = directory / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def options_of(data: dict[str, Any], number: int) -> list[dict[str, Any]]:
    questions = [q for theme in data["themes"] for q in theme["questions"]]
    return questions[number - 1]["options"]


# --- Versions and caching -------------------------------------------------------------------------


def test_available_versions_lists_the_definition_files() -> None:
    assert available_versions() == ["2018.1"]
    assert CURRENT_VERSION == "2018.1"


def test_load_instrument_defaults_to_current_version_and_is_cached() -> None:
    assert load_instrument() is load_instrument(CURRENT_VERSION)
    assert load_instrument().version == CURRENT_VERSION


@pytest.mark.parametrize("version", ["1999.1", "../definitions/2018.1", "2018.1.yaml"])
def test_load_instrument_refuses_unknown_version(version: str) -> None:
    with pytest.raises(InstrumentError, match="onbekende instrumentversie"):
        load_instrument(version)


def test_instrument_is_frozen_and_hashable(instrument: Instrument) -> None:
    with pytest.raises(AttributeError):
        instrument.version = "2019.1"  # type: ignore[misc]
    assert hash(instrument) == hash(load_instrument_file(CURRENT_FILE))


# --- to_dict ----------------------------------------------------------------------------------------


def test_to_dict_round_trips_through_yaml_and_json(tmp_path: Path, instrument: Instrument) -> None:
    data = instrument.to_dict()

    assert load_instrument_file(write(tmp_path, data)) == instrument
    (tmp_path / f"{CURRENT_VERSION}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_instrument_file(tmp_path / f"{CURRENT_VERSION}.json") == instrument


def test_to_dict_holds_exactly_the_file_content(instrument: Instrument) -> None:
    # The file leaves out defaults (false flags, empty texts); to_dict spells everything out.
    def without_defaults(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: without_defaults(v) for k, v in value.items() if v not in (False, "")}
        if isinstance(value, list):
            return [without_defaults(v) for v in value]
        return value

    assert without_defaults(instrument.to_dict()) == raw_definition()


# --- Validation -------------------------------------------------------------------------------------


def drop_text(data: dict) -> None:
    del options_of(data, 4)[2]["text"]


def duplicate_code(data: dict) -> None:
    options_of(data, 4)[3]["code"] = "4c"


def unknown_key(data: dict) -> None:
    options_of(data, 7)[0]["txet"] = "Tikfout"


def bad_scale(data: dict) -> None:
    data["scale"][3]["value"] = 7


def unknown_in_scale(data: dict) -> None:
    data["unknown"]["value"] = 5


def short_scale(data: dict) -> None:
    del data["scale"][4]


def other_unknown(data: dict) -> None:
    data["unknown"]["value"] = 9


def other_version(data: dict) -> None:
    data["version"] = "2019.1"


def empty_statement(data: dict) -> None:
    data["themes"][1]["statement"] = " "


def wrong_type(data: dict) -> None:
    options_of(data, 9)[6]["needs_text"] = "ja"


def wrong_letter(data: dict) -> None:
    options_of(data, 12)[1]["code"] = "12c"


def duplicate_theme(data: dict) -> None:
    data["themes"][2]["code"] = "B"


def skipped_number(data: dict) -> None:
    del data["themes"][5]["questions"][0]


def one_option(data: dict) -> None:
    del options_of(data, 12)[1]


def empty_column(data: dict) -> None:
    data["step3_columns"][1] = ""


def unknown_step_key(data: dict) -> None:
    data["step2"]["notelabel"] = "Notities"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (drop_text, "2018.1.yaml: vraag 4, optie 4c: 'text' ontbreekt"),
        (duplicate_code, "2018.1.yaml: vraag 4, optie 4c: optiecode '4c' komt meer dan eens voor"),
        (unknown_key, "2018.1.yaml: vraag 7, optie 7a: onbekende sleutel 'txet'"),
        (bad_scale, "2018.1.yaml: schaal: waarden moeten 1..5 zijn, op volgorde; gevonden [1, 2, 3, 7, 5]"),
        (unknown_in_scale, "2018.1.yaml: weet niet (unknown): waarde 5 is al een schaalwaarde"),
        (short_scale, "2018.1.yaml: schaal: waarden moeten 1..5 zijn, op volgorde; gevonden [1, 2, 3, 4]"),
        (other_unknown, "2018.1.yaml: weet niet (unknown): waarde moet 6 zijn; gevonden 9"),
        (other_version, "2018.1.yaml: versie '2019.1' komt niet overeen met de bestandsnaam (2018.1)"),
        (empty_statement, "2018.1.yaml: thema B: 'statement' is leeg"),
        (wrong_type, "2018.1.yaml: vraag 9, optie 9g: 'needs_text' moet true of false zijn, niet 'ja'"),
        (wrong_letter, "2018.1.yaml: vraag 12, optie 12c: optiecode '12b' verwacht (op volgorde)"),
        (duplicate_theme, "2018.1.yaml: thema B: themacode 'C' verwacht"),
        (skipped_number, "2018.1.yaml: vraag 13: vraag 12 verwacht"),
        (one_option, "2018.1.yaml: vraag 12: opties: minstens 2 nodig, 1 gevonden"),
        (empty_column, "2018.1.yaml: actieagenda, kolom 2 is leeg"),
        (unknown_step_key, "2018.1.yaml: stap 2: onbekende sleutel 'notelabel'"),
    ],
)
def test_malformed_file_names_the_item(tmp_path: Path, change: Callable[[dict], None], message: str) -> None:
    data = copy.deepcopy(raw_definition())
    change(data)

    with pytest.raises(InstrumentError) as error:
        load_instrument_file(write(tmp_path, data))

    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("themes: [\n", "2018.1.yaml: geen geldige YAML"),
        ("- just\n- a list\n", "2018.1.yaml: instrument: moet een mapping zijn"),
        ("", "2018.1.yaml: instrument: moet een mapping zijn, niet None"),
    ],
)
def test_file_that_is_no_definition(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "2018.1.yaml"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(InstrumentError) as error:
        load_instrument_file(path)

    assert str(error.value).startswith(message)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InstrumentError, match=r"^2018\.1\.yaml: kan het bestand niet lezen"):
        load_instrument_file(tmp_path / "2018.1.yaml")
