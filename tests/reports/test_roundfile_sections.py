"""Sections that other apps add to the round file (gesprekstool/rounds/filesections.py): exported after
the sections of format version 1, checked, imported, optional, and byte-stable like the rest.

The section below is a real one an app could add: the facilitator's own observations, which format
version 1 leaves out."""

import json

import pytest
from django.utils.translation import gettext as _

from gesprekstool.reports.roundfile import RoundFileError, import_round_file, render_round_file
from gesprekstool.rounds import filesections
from gesprekstool.rounds.models import OwnObservation, Round
from tests.factories import OwnObservationFactory

SCHEMA = {
    "type": "array",
    "maxItems": 100,
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["theme", "text", "noted_on"],
        "properties": {
            "theme": {"type": "string", "maxLength": 2},
            "text": {"$ref": "#/$defs/text"},
            "noted_on": {"$ref": "#/$defs/optional_date"},
        },
    },
}


def dump(round_: Round) -> list:
    return [
        {"theme": o.theme, "text": o.text, "noted_on": None}
        for o in round_.own_observations.order_by("created_at", "id")
    ]


def check(value: list, *, instrument, numbers: set[int], actions: int) -> None:
    themes = {t.code for t in instrument.themes} | {""}
    for i, item in enumerate(value):
        if item["theme"] not in themes:
            filesections.refuse(
                ["own_observations", i, "theme"],
                _("the instrument has no theme “%(code)s”."),
                code=item["theme"],
            )
        filesections.check_day(item["noted_on"], ["own_observations", i, "noted_on"])


def load(round_: Round, value: list, *, participants: dict) -> None:
    OwnObservation.objects.bulk_create(
        OwnObservation(round=round_, theme=item["theme"], text=item["text"]) for item in value
    )


@pytest.fixture
def section():
    filesections.register("own_observations", schema=SCHEMA, dump=dump, load=load, check=check)
    yield
    filesections.unregister("own_observations")


@pytest.fixture
def observed_round(full_round):
    OwnObservationFactory(round=full_round, theme="B", text="Niemand kent de wijkcijfers")
    OwnObservationFactory(round=full_round, theme="", text="Iedereen wil verder")
    return full_round


def test_a_registered_section_is_written_last_and_comes_back_byte_for_byte(section, observed_round):
    data = render_round_file(observed_round)

    imported = import_round_file(data)

    assert list(json.loads(data))[-3:] == ["actions", "agreement", "own_observations"]
    assert list(imported.own_observations.values_list("theme", "text")) == [
        ("B", "Niemand kent de wijkcijfers"),
        ("", "Iedereen wil verder"),
    ]
    assert render_round_file(imported) == data


def test_a_file_without_a_registered_section_still_imports(observed_round, section):
    filesections.unregister("own_observations")
    data = render_round_file(observed_round)
    filesections.register("own_observations", schema=SCHEMA, dump=dump, load=load, check=check)

    imported = import_round_file(data)

    assert "own_observations" not in json.loads(data)
    assert imported.own_observations.count() == 0


def test_without_the_section_registered_its_key_is_refused(section, observed_round):
    data = render_round_file(observed_round)
    filesections.unregister("own_observations")

    with pytest.raises(RoundFileError) as refused:
        import_round_file(data)

    assert str(refused.value) == (
        "Het bestand klopt niet met het schema van een rondebestand bij het hoogste niveau: "
        "heeft onbekende sleutels: “own_observations”."
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"text": "x" * 5001},
            "Het bestand klopt niet met het schema van een rondebestand bij own_observations[1].text: "
            "is langer dan 5000 tekens.",
        ),
        ({"theme": "Q"}, "own_observations[1].theme: het instrument heeft geen thema “Q”."),
        (
            {"noted_on": "9999-12-31"},
            "own_observations[1].noted_on: 9999-12-31 valt buiten de jaren 1900 tot en met 2999.",
        ),
    ],
    ids=["schema", "check", "date"],
)
def test_a_bad_section_refuses_the_whole_file_and_changes_nothing(section, observed_round, change, message):
    data = json.loads(render_round_file(observed_round))
    data["own_observations"][1].update(change)
    rounds = Round.objects.count()

    with pytest.raises(RoundFileError) as refused:
        import_round_file(json.dumps(data).encode())

    assert str(refused.value) == message
    assert Round.objects.count() == rounds
