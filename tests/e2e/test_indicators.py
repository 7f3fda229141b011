"""Issue 13, local figures: a facilitator imports the example CSV, chooses figures for a round and sees
them beside theme B on the results page and on the presenter's slide."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from gesprekstool.rounds import services
from tests.e2e.steps import log_in
from tests.factories import answer_everything, sannes_round

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "indicatoren-voorbeeld.csv"


@pytest.fixture
def answered_round(transactional_db):
    round_ = sannes_round(title="Armoede en gezondheid")
    answer_everything(services.add_participant(round_, display_name="Fatima", domain="armoede"))
    return round_


def test_facilitator_imports_figures_and_shows_them_beside_theme_b(
    page: Page, live_server, answered_round, axe, screenshot_dir
):
    log_in(page, live_server)

    # From the results, through the round's figures, to the organisation's figures.
    page.goto(f"{live_server.url}/rondes/{answered_round.pk}/resultaten/")
    page.get_by_role("link", name="Cijfers kiezen voor deze ronde").click()
    expect(page.get_by_text("Uw organisatie heeft nog geen lokale cijfers.")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Cijfers van uw organisatie importeren, toevoegen of wijzigen").click()
    axe(page)

    # A file in another shape: a clear message naming the line and column, nothing imported.
    page.get_by_label("CSV-bestand", exact=True).set_input_files(
        files=[
            {
                "name": "fout.csv",
                "mimeType": "text/csv",
                "buffer": b"indicator;waarde;jaar;gebied;bron\nSchulden;veel;2022;Testdorp;CBS\n",
            }
        ]
    )
    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("Regel 2, kolom 2 (waarde): “veel” is geen getal")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(0)
    axe(page)

    page.get_by_label("CSV-bestand", exact=True).set_input_files(EXAMPLE)
    page.get_by_role("button", name="Importeren").click()
    expect(
        page.get_by_text("Het bestand is geïmporteerd: 6 nieuwe cijfers, 0 cijfers bijgewerkt.")
    ).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("^Gemiddeld besteedbaar inkomen"))).to_contain_text(
        "38.600 euro"
    )
    axe(page)

    # Two figures for this round, beside theme B (ticked by default); one also beside theme D.
    page.goto(f"{live_server.url}/rondes/{answered_round.pk}/lokale-cijfers/")
    low_income = page.get_by_role("group", name=re.compile("^Kinderen in huishoudens met een laag inkomen"))
    low_income.get_by_label("Tonen in deze ronde").check()
    debts = page.get_by_role("group", name=re.compile("^Huishoudens met problematische schulden"))
    debts.get_by_label("Tonen in deze ronde").check()
    debts.get_by_role("checkbox", name=re.compile("^Thema D:")).check()
    axe(page)
    page.get_by_role("button", name="Cijfers voor deze ronde opslaan").click()

    # The results page: the figures beside theme B, with source and year.
    expect(page.get_by_text("De cijfers voor deze ronde zijn opgeslagen.")).to_be_visible()
    theme_b = page.locator('section[aria-labelledby="result-theme-B"]')
    figures = theme_b.get_by_role("complementary", name="Lokale cijfers bij thema B")
    expect(figures.get_by_role("listitem")).to_have_count(2)
    expect(figures).to_contain_text("9,8 % Kinderen in huishoudens met een laag inkomen")
    expect(figures).to_contain_text("Voorbeeldstad, 2023 · bron: CBS (verzonnen voorbeeldcijfer)")
    expect(
        page.locator('section[aria-labelledby="result-theme-D"]')
        .get_by_role("listitem")
        .filter(has_text="Huishoudens met problematische schulden")
    ).to_have_count(1)
    axe(page)

    # The presenter's slide of theme B shows them too.
    page.get_by_role("link", name="Presentatie starten").click()
    page.get_by_role("link", name="Volgende: thema A").click()
    page.get_by_role("link", name="Volgende: antwoorden bij thema A").click()
    page.get_by_role("link", name="Volgende: thema B").click()
    slide = page.get_by_role("complementary", name="Lokale cijfers")
    expect(slide.get_by_role("listitem")).to_have_count(2)
    expect(slide).to_contain_text("6,4 % Huishoudens met problematische schulden")
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/presenter-figures.png", full_page=True)
