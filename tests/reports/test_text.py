"""Free text made safe for the files: formulas in CSV, characters XML cannot hold."""

import csv
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gesprekstool.reports.csv_export import render_csv
from gesprekstool.reports.text import csv_safe, xml_safe

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def pieces(text: str) -> list[str]:
    """Every piece a spreadsheet may turn into a cell: split at "," and ";", without the white space
    (tab and carriage return included) and quotes it may skip before reading a formula."""
    return [p.lstrip(' "\t\r\n\x0b\x0c') for p in re.split("[,;]", text)]


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "\t'=1"),
        ('kosten;=HYPERLINK("http://x")', 'kosten;\'=HYPERLINK("http://x")'),
        ("a, -b", "a, '-b"),
        ('x;"=cmd', "x;\"'=cmd"),
        ("gewone tekst, met een komma; en een puntkomma", "gewone tekst, met een komma; en een puntkomma"),
        ("e-mail en 3-5 jaar", "e-mail en 3-5 jaar"),
        ("", ""),
    ],
)
def test_csv_safe_puts_an_apostrophe_before_every_formula(text, safe):
    assert csv_safe(text) == safe


@given(st.text(alphabet=st.sampled_from(list("=+-@\t\r,; \"ab1'")), max_size=30))
def test_no_piece_of_a_safe_text_starts_a_formula(text):
    assert not [p for p in pieces(csv_safe(text)) if p.startswith(FORMULA_START)]


@given(st.text(max_size=40))
def test_csv_safe_only_adds_apostrophes(text):
    assert csv_safe(text).replace("'", "") == text.replace("'", "")


def test_csv_quotes_every_field_and_no_cell_starts_a_formula_split_either_way(full_round):
    participant = full_round.participants.first()
    participant.step1_note = 'Zie bijlage;=HYPERLINK("http://kwaad.example","klik"),+1;-2;@x'
    participant.save()

    data = render_csv(full_round).decode("utf-8-sig")

    for line in csv.reader(io.StringIO(data)):
        assert all(not cell.startswith(FORMULA_START) for cell in line)
    first_line = data.split("\r\n")[0]
    assert first_line == '"ronde";"deelnemer";"stap";"itemcode";"itemtekst";"waarde";"tekst"'
    # A Dutch Excel opening it with a double click: split at ";" and at ",", quotes not honoured.
    for line in data.split("\r\n"):
        for cell in pieces(line):
            assert not cell.startswith(FORMULA_START[:4]), cell


def test_xml_safe_removes_what_xml_cannot_hold():
    assert xml_safe("a\x00b\x07c\x1bd\x0be\tf\ng\rh\ufffei\ud800j") == "abcde\tf\ng\rhij"
