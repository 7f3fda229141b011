"""The analyst's files: the Excel workbook (openpyxl) and the long CSV file, read back."""

import csv
import io

import openpyxl

from gesprekstool.reports.csv_export import render_csv
from gesprekstool.reports.xlsx import render_xlsx

from .conftest import NAMES, all_texts, private_words


def assert_every_text_and_no_private_word(text: str) -> None:
    for snippet in all_texts():
        assert snippet in text, snippet
    for word in private_words():
        assert word not in text, word


def workbook_text(workbook) -> str:
    return "\n".join(
        str(value)
        for sheet in workbook
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def test_workbook_has_one_sheet_per_step_and_the_actions(full_round):
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(full_round)))

    assert workbook.sheetnames == ["Ronde", "Per thema", "Stap 1", "Stap 2", "Acties"]
    step1 = list(workbook["Stap 1"].iter_rows(values_only=True))
    assert step1[0][:7] == (
        "ronde",
        "deelnemer",
        "domein",
        "itemcode",
        "themanaam",
        "itemtekst",
        "eerste score",
    )
    # one row per participant and theme, plus the note
    assert len(step1) == 1 + 2 * (6 + 1)
    b = next(r for r in step1 if r[1] == "Deelnemer 1 (Armoede)" and r[3] == "B")
    assert b[4:11] == (
        "Zicht op de lokale problematiek en kansen",
        "Onze gemeente heeft goed zicht op de lokale problematiek en kansen.",
        2,
        "niet mee eens",
        3,
        "neutraal",
        3,
    )
    e = next(r for r in step1 if r[1] == "Deelnemer 1 (Armoede)" and r[3] == "E")
    assert e[6:8] == (6, "weet niet")

    step2 = list(workbook["Stap 2"].iter_rows(values_only=True))
    options = sum(len(q.options) for q in full_round.instrument.questions)
    assert len(step2) == 1 + 2 * (options + 6)
    row = next(r for r in step2 if r[1] == "Deelnemer 1 (Armoede)" and r[7] == "1f")
    assert row[3:] == (
        "A",
        "Visie op armoede, schulden en gezondheid",
        "1",
        row[6],
        "1f",
        "Anders, namelijk",
        1,
        "Armoede komt vaak samen met schulden en stress",
    )
    assert next(r for r in step2 if r[1] == "Deelnemer 1 (Armoede)" and r[7] == "1b")[9] == 0
    assert (
        next(r for r in step2 if r[1] == "Deelnemer 1 (Armoede)" and r[7] == "3a")[9] is None
    )  # not answered

    actions = list(workbook["Acties"].iter_rows(values_only=True))
    assert actions[1][1:6] == (
        "B",
        "Zicht op de lokale problematiek en kansen",
        "Monitor per wijk samenvoegen met de schuldhulpcijfers",
        "Deelnemer 1 (Armoede)",
        "Beleidsteam Sociaal Domein",
    )
    assert actions[1][6].date().isoformat() == "2027-03-01"
    assert actions[0][7] == "status"
    assert actions[1][7] == "open"

    text = workbook_text(workbook)
    assert_every_text_and_no_private_word(text)


def test_workbook_keeps_a_formula_typed_by_a_participant_as_text(full_round):
    participant = full_round.participants.first()
    participant.step1_note = '=HYPERLINK("http://example.invalid","klik")'
    participant.save()

    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(full_round)))

    note = next(r for r in workbook["Stap 1"].iter_rows() if r[3].value == "notitie")
    assert note[11].data_type == "s"
    assert note[11].value == '=HYPERLINK("http://example.invalid","klik")'


def test_workbook_of_a_named_round_shows_names(named_round):
    text = workbook_text(openpyxl.load_workbook(io.BytesIO(render_xlsx(named_round))))

    assert f"{NAMES[1]} (Gezondheid)" in text


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_is_one_long_table_with_everything(full_round):
    rows = read_csv(render_csv(full_round))

    assert rows[0] == ["ronde", "deelnemer", "stap", "itemcode", "itemtekst", "waarde", "tekst"]
    assert all(len(r) == 7 for r in rows)
    assert [
        "Armoede en gezondheid 2026",
        "Deelnemer 1 (Armoede)",
        "1",
        "B",
        "Onze gemeente heeft goed zicht op de lokale problematiek en kansen.",
        "2",
        "niet mee eens",
    ] in rows
    assert [
        "Armoede en gezondheid 2026",
        "Deelnemer 1 (Armoede)",
        "1",
        "B-herzien",
        "Onze gemeente heeft goed zicht op de lokale problematiek en kansen.",
        "3",
        "neutraal",
    ] in rows
    assert [
        "Armoede en gezondheid 2026",
        "Deelnemer 2 (Gezondheid)",
        "2",
        "2d",
        "Ja, inzicht in: anders, namelijk",
        "1",
        "Cijfers uit de jeugdmonitor",
    ] in rows
    assert [
        "Armoede en gezondheid 2026",
        "Deelnemer 1 (Armoede)",
        "3",
        "B-actie",
        "Monitor per wijk samenvoegen met de schuldhulpcijfers",
        "2027-03-01",
        "Beleidsteam Sociaal Domein",
    ] in rows
    assert [
        "Armoede en gezondheid 2026",
        "",
        "3",
        "vervolg",
        "Vervolg",
        "bijeenkomst",
        "De groep komt in dezelfde samenstelling opnieuw bij elkaar",
    ] in rows
    text = "\n".join(",".join(r) for r in rows)
    assert_every_text_and_no_private_word(text)


def test_csv_defuses_formulas(full_round):
    participant = full_round.participants.first()
    participant.step1_note = "=1+1"
    participant.save()

    rows = read_csv(render_csv(full_round))

    assert next(r for r in rows if r[3] == "notitie" and r[1] == "Deelnemer 1 (Armoede)")[6] == "'=1+1"
