"""Reading CSV files of local figures as people really have them (docs/indicators.md)."""

from decimal import Decimal
from pathlib import Path

import pytest

from gesprekstool.indicators import csvfile
from gesprekstool.indicators.csvfile import FileProblem, Row, parse_value, read

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "indicatoren-voorbeeld.csv"


def test_the_documented_example_file_is_read_in_full():
    rows = read(EXAMPLE.read_bytes())

    assert [(r.name, r.value, r.unit, r.year, r.area, r.line) for r in rows] == [
        ("Kinderen in huishoudens met een laag inkomen", Decimal("9.8"), "%", 2023, "Voorbeeldstad", 2),
        ("Huishoudens met problematische schulden", Decimal("6.4"), "%", 2022, "Voorbeeldstad", 3),
        (
            "Volwassenen met een goede of zeer goede ervaren gezondheid",
            Decimal("71"),
            "%",
            2022,
            "Voorbeeldstad",
            4,
        ),
        ("Volwassenen die moeite hebben met rondkomen", Decimal("17.5"), "%", 2022, "Voorbeeldstad", 5),
        (
            "Huishoudens met een bijstandsuitkering; per 1.000 huishoudens",
            Decimal("42"),
            "per 1.000 huishoudens",
            2024,
            "Voorbeeldstad",
            6,
        ),
        ("Gemiddeld besteedbaar inkomen per huishouden", Decimal("38600"), "euro", 2022, "Wijk Noord", 7),
    ]
    assert (rows[0].source, rows[0].link) == (
        "CBS (verzonnen voorbeeldcijfer)",
        "https://www.waarstaatjegemeente.nl/",
    )


def test_english_comma_separated_utf8_without_bom():
    data = b'Area,Year,Value,Source,Indicator,Unit\nTestdorp,2023,9.8,CBS,"Children, low income",%\n'

    assert read(data) == [
        Row(
            name="Children, low income",
            value=Decimal("9.8"),
            unit="%",
            year=2023,
            area="Testdorp",
            source="CBS",
            line=2,
        )
    ]


def test_windows_1252_with_semicolons_and_cbs_years():
    data = "Onderwerpen;Regio's;Perioden;Waarde;Bron\r\nVroegsignalering schulden;Súdwest-Fryslân;2023JJ00;1.234,5;CBS\r\n"

    (row,) = read(data.encode("cp1252"))

    assert (row.name, row.area, row.year, row.value, row.unit) == (
        "Vroegsignalering schulden",
        "Súdwest-Fryslân",
        2023,
        Decimal("1234.5"),
        "",
    )


def test_tab_separated_with_provisional_year_and_extra_columns_ignored():
    data = b"id\tindicator\twaarde\tjaar\tgebied\tbron\topmerking\n7\tSchulden\t6,4\t2024*\tTestdorp\tCBS\tvoorlopig\n"

    assert [(r.name, r.value, r.year) for r in read(data)] == [("Schulden", Decimal("6.4"), 2024)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("9,8", Decimal("9.8")),
        ("9.8", Decimal("9.8")),
        ("38.600", Decimal("38600")),
        ("0.125", Decimal("0.125")),
        ("1.234.567", Decimal("1234567")),
        ("1.234,5", Decimal("1234.5")),
        ("1,234.5", Decimal("1234.5")),
        ("-3", Decimal("-3")),
        ("12 345", Decimal("12345")),
        ("0,12345", Decimal("0.1235")),
    ],
)
def test_numbers_as_people_write_them(text, value):
    assert parse_value(text) == value


def test_a_point_grouping_three_digits_is_a_decimal_point_outside_dutch_files():
    assert parse_value("38.600", dutch=False) == Decimal("38.6")


@pytest.mark.parametrize("text", ["", ".", "x", "-", "n.v.t.", "1e5", "9,8,1", "99999999999999"])
def test_what_is_no_number(text):
    with pytest.raises(ValueError):
        parse_value(text)


HEADER = "indicator;waarde;eenheid;jaar;gebied;bron\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Het bestand is leeg."),
        (HEADER.encode(), "Het bestand noemt de kolommen, maar er staan geen cijfers onder."),
        (
            b"naam waarde jaar\nx 1 2020\n",
            "Regel 1 moet de kolommen noemen, gescheiden door \u201c;\u201d of \u201c,\u201d. We vonden maar één kolom.",
        ),
        (
            b"indicator;waarde;jaar;bron\nSchulden;6,4;2022;CBS\n",
            "In regel 1 ontbreekt de kolom gebied. De eerste regel noemt de kolommen, bijvoorbeeld "
            "indicator;waarde;eenheid;jaar;gebied;bron (Engelse namen mogen ook).",
        ),
        (
            b"indicator;waarde;value;jaar;gebied;bron\n",
            "Regel 1, kolom 3: \u201cvalue\u201d is de tweede kolom voor waarde.",
        ),
        (
            (HEADER + "Schulden;6,4;%;2022;Testdorp;CBS\nArmoede;n.v.t.;%;2022;Testdorp;CBS\n").encode(),
            "Regel 3, kolom 2 (waarde): \u201cn.v.t.\u201d is geen getal (schrijf bijvoorbeeld 9,8 of 1250).",
        ),
        (
            (HEADER + "Schulden;6,4;%;22;Testdorp;CBS\n").encode(),
            "Regel 2, kolom 4 (jaar): \u201c22\u201d is geen jaartal (schrijf bijvoorbeeld 2024).",
        ),
        (
            (HEADER + "Schulden;6,4;%;2022;;CBS\n").encode(),
            "Regel 2, kolom 5 (gebied): deze is leeg.",
        ),
        (
            (HEADER + "Schulden;6,4;%;2022;Testdorp\n").encode(),
            "Regel 2 heeft 5 kolommen, regel 1 heeft er 6. Staat er een scheidingsteken (; of ,) in een tekst "
            "of getal? Zet die tekst dan tussen aanhalingstekens.",
        ),
        (
            (HEADER + "Schulden;6,4;%;2022;Testdorp;CBS\n\nschulden;7;%;2022;TESTDORP;GGD\n").encode(),
            "Regel 4: deze indicator, dit jaar en dit gebied staan al op regel 2.",
        ),
        (
            (HEADER + '"Schulden;6,4;%;2022;Testdorp;CBS\n').encode(),
            'Regel 2: een aanhalingsteken (") wordt niet gesloten.',
        ),
        (
            b"PK\x03\x04\x00\x00binary",
            "Dit is geen CSV-bestand (misschien een Excel-werkmap). Kies in Excel \u201cOpslaan als\u201d en het "
            "type \u201cCSV (gescheiden door lijstscheidingsteken)\u201d.",
        ),
        (
            (HEADER.rstrip("\n") + ";link\nSchulden;6,4;%;2022;Testdorp;CBS;javascript:alert(1)\n").encode(),
            "Regel 2, kolom 7 (link): een link begint met https:// en heeft hoogstens 500 tekens.",
        ),
        (
            (HEADER + "Schulden;6,4;%;2022;Testdorp;" + "C" * 201 + "\n").encode(),
            "Regel 2, kolom 6 (bron): langer dan 200 tekens.",
        ),
    ],
)
def test_a_file_in_another_shape_gets_a_dutch_message_naming_line_and_column(data, message):
    with pytest.raises(FileProblem) as problem:
        read(data)

    assert str(problem.value) == message


def test_a_byte_windows_1252_cannot_read_is_named_by_its_line():
    data = HEADER.encode() + b"Schulden;6,4;%;2022;Test\x81dorp;CBS\n"

    with pytest.raises(FileProblem) as problem:
        read(data)

    assert str(problem.value) == (
        "Regel 2 bevat een teken dat we niet kunnen lezen. Sla het bestand op als UTF-8 en probeer het opnieuw."
    )


def test_too_many_rows_and_too_large_files_are_refused(monkeypatch):
    monkeypatch.setattr(csvfile, "MAX_ROWS", 2)
    rows = "".join(f"Cijfer {n};{n};%;2022;Testdorp;CBS\n" for n in range(3))

    with pytest.raises(FileProblem) as many:
        read((HEADER + rows).encode())
    with pytest.raises(FileProblem) as large:
        read(b"x" * (csvfile.MAX_BYTES + 1))

    assert (str(many.value), str(large.value)) == (
        "Het bestand heeft meer dan 2 cijfers. Verdeel het over kleinere bestanden.",
        "Het bestand is groter dan 1 MB. Verdeel het over kleinere bestanden.",
    )


def test_control_characters_are_taken_out_of_texts():
    (row,) = read((HEADER + "Schul\x1bden;6,4;%;2022;Testdorp;CBS\n").encode())

    assert row.name == "Schulden"
