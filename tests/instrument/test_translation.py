"""The instrument's English version: every item of the Dutch reference, with the same codes and flags,
each text given and different from the Dutch."""

from typing import Any

import pytest
import yaml

from gesprekstool.instrument import (
    CURRENT_VERSION,
    InstrumentError,
    available_versions,
    load_instrument,
    load_instrument_file,
    translations,
)
from gesprekstool.instrument.loader import DEFINITIONS_DIR, check_translation

TEXT_KEYS = {
    "title",
    "subtitle",
    "source",
    "scale_question",
    "label",
    "instruction",
    "note_label",
    "text",
} | {
    "statement",
    "comment_label",
    "lead",
    "step3_columns",
}


def texts(value: Any, path: str = "", key: str = "") -> dict[str, str]:
    """Every text of a definition by its place ("themes[0].questions[0].options[4].text")."""
    if isinstance(value, dict):
        return {p: t for k, v in value.items() for p, t in texts(v, f"{path}.{k}", k).items()}
    if isinstance(value, list):
        return {p: t for i, v in enumerate(value) for p, t in texts(v, f"{path}[{i}]", key).items()}
    return {path: value} if key in TEXT_KEYS and isinstance(value, str) else {}


def codes(instrument) -> list[tuple]:
    return [
        (t.code, q.code, q.number, o.code, o.needs_text, o.exclusive, bool(o.lead))
        for t in instrument.themes
        for q in t.questions
        for o in q.options
    ]


@pytest.mark.parametrize("version", available_versions())
def test_every_version_has_an_english_translation(version):
    assert translations(version) == ["en"]


def test_english_has_every_item_of_the_dutch_with_the_same_codes():
    dutch, english = load_instrument(CURRENT_VERSION), load_instrument(CURRENT_VERSION, language="en")

    assert codes(english) == codes(dutch)
    assert [t.code for t in english.themes] == ["A", "B", "C", "D", "E", "F"]
    assert [q.code for q in english.questions] == [str(n) for n in range(1, 15)]
    assert english.score_values == dutch.score_values == (1, 2, 3, 4, 5, 6)
    assert len(english.step3_columns) == len(dutch.step3_columns)
    assert texts(english.to_dict()).keys() == texts(dutch.to_dict()).keys()


def test_no_english_text_is_empty_or_the_dutch():
    dutch = texts(load_instrument(CURRENT_VERSION).to_dict())
    english = texts(load_instrument(CURRENT_VERSION, language="en").to_dict())
    # Optional texts (a step's subtitle, an option's lead) are empty in both or given in both.
    given = {place for place, text in dutch.items() if text}

    assert [place for place in given if not english[place].strip()] == []
    assert [place for place in given if english[place] == dutch[place]] == []
    assert {place for place, text in english.items() if text} == given


def test_english_words_for_the_scale_and_dont_know():
    english = load_instrument(CURRENT_VERSION, language="en")

    assert english.scale_legend == "1 = strongly disagree, 5 = strongly agree"
    assert english.score_label(6) == "don't know"
    assert english.theme("A").label == "A. Vision on poverty, debt and health"


@pytest.mark.parametrize("language", [None, "nl", "nl-be", "de"])
def test_dutch_or_a_language_without_translation_gives_the_reference(language):
    assert load_instrument(CURRENT_VERSION, language=language) is load_instrument(CURRENT_VERSION)


def test_a_regional_english_gives_the_english_version():
    assert load_instrument(CURRENT_VERSION, language="en-gb") is load_instrument(
        CURRENT_VERSION, language="en"
    )


def english_file(tmp_path, change) -> Any:
    data = yaml.safe_load((DEFINITIONS_DIR / "en" / f"{CURRENT_VERSION}.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / f"{CURRENT_VERSION}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_instrument_file(path)


def drop_option(data):
    data["themes"][0]["questions"][0]["options"].pop()


def unflag_exclusive(data):
    data["themes"][0]["questions"][0]["options"][4]["exclusive"] = False


def drop_lead(data):
    data["themes"][5]["questions"][2]["options"][3].pop("lead")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            drop_option,
            "en/2018.1.yaml: wijkt af van het Nederlandse origineel bij "
            "instrument.themes[0].questions[0].options: 5 in plaats van 6",
        ),
        (
            unflag_exclusive,
            "en/2018.1.yaml: wijkt af van het Nederlandse origineel bij "
            "instrument.themes[0].questions[0].options[4].exclusive: False in plaats van True",
        ),
        (
            drop_lead,
            "en/2018.1.yaml: wijkt af van het Nederlandse origineel bij "
            "instrument.themes[5].questions[2].options[3].lead: False in plaats van True",
        ),
    ],
)
def test_a_translation_that_differs_from_the_reference_is_refused(tmp_path, change, message):
    translated = english_file(tmp_path, change)

    with pytest.raises(InstrumentError) as error:
        check_translation(load_instrument(CURRENT_VERSION), translated, name="en/2018.1.yaml")

    assert str(error.value) == message
