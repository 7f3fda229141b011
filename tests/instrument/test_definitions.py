"""The instrument's content (definitions/2018.1.yaml), checked against the publication."""

import pytest

from gesprekstool.instrument import Instrument, ScalePoint, StepText

OPTIONS_PER_QUESTION = {
    "1": 6,
    "2": 5,
    "3": 9,
    "4": 6,
    "5": 5,
    "6": 6,
    "7": 4,
    "8": 8,
    "9": 8,
    "10": 4,
    "11": 5,
    "12": 2,
    "13": 4,
    "14": 8,
}
EXCLUSIVE = ["1e", "2e", "3i", "5e", "9h", "10d", "11d", "11e", "12b", "13d"]
NEEDS_TEXT = [
    "1f",
    "2d",
    "2e",
    "3h",
    "4b",
    "4f",
    "5b",
    "5d",
    "5e",
    "6f",
    "7d",
    "8h",
    "9g",
    "10c",
    "12a",
    "13d",
    "14h",
]


def test_instrument_texts(instrument: Instrument) -> None:
    assert instrument.title == "Succesvol combineren van armoede- en gezondheidsbeleid"
    assert instrument.subtitle == "Gesprekstool voor gemeenten"
    assert instrument.source.startswith("Verwey-Jonker Instituut en Gezond in... (2018).")


def test_instrument_has_six_themes_with_their_questions(instrument: Instrument) -> None:
    assert [(t.code, [q.code for q in t.questions]) for t in instrument.themes] == [
        ("A", ["1"]),
        ("B", ["2", "3"]),
        ("C", ["4", "5", "6"]),
        ("D", ["7"]),
        ("E", ["8", "9", "10", "11"]),
        ("F", ["12", "13", "14"]),
    ]


def test_theme_titles_and_labels(instrument: Instrument) -> None:
    assert [t.label for t in instrument.themes] == [
        "A. Visie op armoede, schulden en gezondheid",
        "B. Zicht op de lokale problematiek en kansen",
        "C. Gecombineerd beleid",
        "D. Focus: Signaleren, bereiken en ondersteunen",
        "E. De rol van de gemeente",
        "F. Draagvlak en randvoorwaarden",
    ]
    assert {t.comment_label for t in instrument.themes} == {"Opmerkingenveld"}


def test_step1_statements_verbatim(instrument: Instrument) -> None:
    assert [t.statement for t in instrument.themes] == [
        "Onze gemeente heeft een duidelijke visie op de verbinding tussen armoede en gezondheid.",
        "Onze gemeente heeft goed zicht op de lokale problematiek en kansen.",
        "Onze gemeente legt in haar beleid duidelijke verbindingen tussen armoede en gezondheid met "
        "bijbehorende concrete doelen.",
        "Onze gemeente heeft een scherpe focus in beleid en uitvoering (signaleren, bereiken en adequaat "
        "ondersteunen van inwoners).",
        "Onze gemeente pakt een duidelijke rol bij de brede lokale aanpak van armoede en "
        "gezondheidsproblemen.",
        "Er is draagvlak in onze gemeente voor een gecombineerde aanpak.",
    ]


def test_instrument_has_fourteen_questions_in_order(instrument: Instrument) -> None:
    assert [q.number for q in instrument.questions] == list(range(1, 15))
    assert [q.code for q in instrument.questions] == [str(n) for n in range(1, 15)]
    assert [q.theme for q in instrument.questions] == list("ABBCCCDEEEEFFF")


def test_option_counts_per_question(instrument: Instrument) -> None:
    assert {q.code: len(q.options) for q in instrument.questions} == OPTIONS_PER_QUESTION
    assert sum(OPTIONS_PER_QUESTION.values()) == 80


def test_option_codes_are_question_number_plus_letter(instrument: Instrument) -> None:
    for question in instrument.questions:
        assert [o.code for o in question.options] == [f"{question.number}{c}" for c in "abcdefghi"][
            : len(question.options)
        ]


def test_exclusive_options(instrument: Instrument) -> None:
    assert [o.code for q in instrument.questions for o in q.options if o.exclusive] == EXCLUSIVE
    assert instrument.option("4a").text == (
        "We hebben in beleid (nog) geen invulling gegeven aan de combinatie van armoede- en "
        "gezondheidsbeleid."
    )
    assert [instrument.option(code).text for code in ("11d", "11e")] == ["Nee.", "Niet van toepassing."]


def test_options_that_ask_when_combined(instrument: Instrument) -> None:
    # 4a (no policy yet) can be true beside one department or working together: asked, not refused.
    assert [o.code for q in instrument.questions for o in q.options if o.ask_when_combined] == ["4a"]


def test_options_that_need_text(instrument: Instrument) -> None:
    assert [o.code for q in instrument.questions for o in q.options if o.needs_text] == NEEDS_TEXT
    both = [o.code for q in instrument.questions for o in q.options if o.needs_text and o.exclusive]
    assert both == ["2e", "5e", "13d"]
    assert [instrument.option(code).text for code in both] == ["Nee, omdat", "Nee, want", "Nee, want"]


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("1f", "Anders, namelijk"),
        ("2b", "Ja, inzicht in de wijken/buurten waar deze combinatie het vaakst voorkomt."),
        ("2d", "Ja, inzicht in: anders, namelijk"),
        ("3h", "Anders, namelijk"),
        ("4c", "Armoedebeleid en gezondheidsbeleid vallen binnen één beleidsafdeling."),
        ("5d", "Ja anders, namelijk"),
        ("8d", "Coördinator"),
        ("9g", "Ja, op een andere manier, namelijk:"),
        ("12a", "Ja, namelijk"),
        ("14g", "Een lange termijn strategie."),
    ],
)
def test_option_texts_verbatim(instrument: Instrument, code: str, text: str) -> None:
    assert instrument.option(code).text == text


def test_question_texts_with_typo_fixes(instrument: Instrument) -> None:
    assert instrument.question("6").text == (
        "Op welke manier betrekt onze gemeente inwoners bij de beleidsvorming rond armoede en gezondheid?"
    )
    assert instrument.question("10").text == (
        "Is de verbinding tussen gezondheid en armoede onderdeel van de gemeentelijke "
        "aanbestedingsprocedures en/of opdrachtverstrekkingen?"
    )
    assert instrument.question("14").text == (
        "Wij voldoen aan de volgende randvoorwaarden voor gecombineerde aanpakken:"
    )


def test_question_14_lead(instrument: Instrument) -> None:
    assert [(o.code, o.lead) for o in instrument.question("14").options if o.lead] == [
        ("14d", "Wij hebben verder:")
    ]
    assert instrument.option("14d").text == "Een concreet plan van aanpak."


def test_no_text_has_stray_whitespace_or_dots(instrument: Instrument) -> None:
    texts = [o.text for q in instrument.questions for o in q.options] + [q.text for q in instrument.questions]
    assert [t for t in texts if "  " in t or "\n" in t or t.endswith("..")] == []


def test_scale(instrument: Instrument) -> None:
    assert instrument.scale_question == (
        "Hoe vinden we dat onze gemeente scoort op onderstaande stelling op een schaal van 1 tot 5?"
    )
    assert instrument.scale == (
        ScalePoint(1, "helemaal niet mee eens"),
        ScalePoint(2, "niet mee eens"),
        ScalePoint(3, "neutraal"),
        ScalePoint(4, "mee eens"),
        ScalePoint(5, "helemaal mee eens"),
    )
    assert instrument.unknown == ScalePoint(6, "weet niet")
    assert instrument.score_values == (1, 2, 3, 4, 5, 6)
    assert [instrument.score_label(v) for v in (3, 6)] == ["neutraal", "weet niet"]
    assert instrument.scale_legend == "1 = helemaal niet mee eens, 5 = helemaal mee eens"


def test_steps(instrument: Instrument) -> None:
    assert instrument.step1.title == "De balans opmaken: waar staat onze gemeente?"
    assert instrument.step1.instruction.startswith(
        "Geef aan hoe uw gemeente volgens u scoort op deze stellingen."
    )
    assert instrument.step1.instruction.endswith("over het geheel of over de verschillende onderdelen.")
    assert instrument.step1.note_label == "Wat opvalt ..."
    assert (instrument.step2.title, instrument.step2.note_label) == ("Verdieping op zes thema's", "")
    assert instrument.step2.instruction.startswith(
        "Vink aan bij de vragen welke antwoorden van toepassing zijn."
    )
    assert instrument.step3 == StepText(
        title="Actieagenda",
        subtitle="Wat gaan we doen?",
        instruction="Maak concrete afspraken voor de komende periode. Bepaal of de groep in dezelfde "
        "samenstelling nog een keer bij elkaar komt of dat de punten bij de afzonderlijke afdelingen worden "
        "opgepakt. Spreek ook af hoe de deelnemers elkaar aan de afspraken houden, zodat de plannen niet in "
        "de waan van de dag wegzakken.",
        note_label="Ruimte voor toelichting",
    )
    assert instrument.step3_columns == ("Acties, wie doet wat", "Deelnemer", "Afdeling")


def test_lookups_raise_key_error_for_unknown_codes(instrument: Instrument) -> None:
    assert instrument.question(4).code == "4"
    assert instrument.question("4").option("4c") is instrument.option("4c")
    for lookup, code in [
        (instrument.theme, "G"),
        (instrument.question, "15"),
        (instrument.option, "4z"),
        (instrument.question("4").option, "5a"),
        (instrument.score_label, 0),
    ]:
        with pytest.raises(KeyError):
            lookup(code)
