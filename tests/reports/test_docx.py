"""The Word memo, read back with python-docx: real headings, tables, all content, no leaked names."""

import io

import docx
from docx.oxml.ns import qn

from gesprekstool.reports.docx import render_docx

from .conftest import NAMES, all_texts, private_words


def document_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_memo_has_headings_tables_and_everything_of_an_anonymised_round(full_round):
    document = docx.Document(io.BytesIO(render_docx(full_round)))
    text = document_text(document)

    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Samenvatting") in headings
    assert ("Heading 1", "Stap 1. De balans opmaken: waar staat onze gemeente?") in headings
    assert ("Heading 1", "Stap 3. Actieagenda: Wat gaan we doen?") in headings
    for theme in full_round.instrument.themes:
        assert ("Heading 2", theme.label) in headings
    for question in full_round.instrument.questions:
        assert ("Heading 3", f"{question.number}. {question.text}") in headings
    assert document.paragraphs[1].style.name == "Title"
    assert document.paragraphs[1].text == full_round.title

    scores = next(t for t in document.tables if t.rows[0].cells[0].text == "Deelnemer")
    assert [c.text for c in scores.rows[1].cells] == [
        "Deelnemer 1 (Armoede)",
        "4",
        "2 → 3",
        "3",
        "1",
        "weet niet",
        "5",
    ]
    assert [c.text for c in scores.rows[2].cells] == [
        "Deelnemer 2 (Gezondheid)",
        "2",
        "5",
        "3",
        "4",
        "3",
        "weet niet → 4",
    ]
    actions = [t for t in document.tables if t.rows[0].cells[0].text == "Acties, wie doet wat"]
    assert [c.text for c in actions[0].rows[1].cells] == [
        "Monitor per wijk samenvoegen met de schuldhulpcijfers",
        "Deelnemer 1 (Armoede)",
        "Beleidsteam Sociaal Domein",
        "1 maart 2027",
        "open",
    ]
    for snippet in all_texts():
        assert snippet in text, snippet
    for word in private_words():
        assert word not in text, word
    assert document.core_properties.author == "Gemeente Testdorp"
    assert "python-docx" not in (document.core_properties.comments or "")


def test_memo_of_a_named_round_shows_names(named_round):
    text = document_text(docx.Document(io.BytesIO(render_docx(named_round))))

    assert f"{NAMES[0]} (Armoede)" in text


def test_memo_keeps_only_characters_word_can_hold(full_round):
    participant = full_round.participants.first()
    participant.step1_note = "Bel\x07 \x0bmij"
    participant.save()

    text = document_text(docx.Document(io.BytesIO(render_docx(full_round))))

    assert "Bel mij" in text


def test_memo_table_rows_are_never_split_across_pages(full_round):
    document = docx.Document(io.BytesIO(render_docx(full_round)))

    rows = [row for table in document.tables for row in table.rows[1:]]
    assert rows
    assert all(row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    assert all(table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for table in document.tables)
