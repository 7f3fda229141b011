"""Issue 2's journey: a facilitator runs an individual round with two participants."""

import re

from playwright.sync_api import Page, expect

from gesprekstool.agenda.models import Action
from gesprekstool.rounds.models import Participant, Score
from tests.e2e.steps import PHONE, answer_step2, log_in, score, tick

THEMES = "ABCDEF"


def add_participant(page: Page, name: str, domain: str) -> None:
    page.get_by_label("Naam", exact=True).fill(name)
    page.get_by_label("Domein").select_option(label=domain)
    page.get_by_role("button", name="Deelnemer toevoegen").click()
    expect(page.get_by_role("heading", level=3, name=re.compile(name))).to_be_visible()


# One or two options per theme page (question number, option text).
ANSWERS = {
    "A": [(1, "Veel van onze inwoners kampen zowel met armoede als met gezondheidsproblemen.")],
    "B": [
        (2, "Ja, inzicht in de wijken/buurten waar deze combinatie het vaakst voorkomt."),
        (3, "Weet niet."),
    ],
    "C": [(4, "We stimuleren gecombineerde aanpakken van partners in de wijk.")],
    "D": [
        (
            7,
            "Het adequaat ondersteunen van (kwetsbare) inwoners met financiële en/of gezondheidsproblemen.",
        )
    ],
    "E": [(8, "Partner"), (11, "Nee.")],
    "F": [(14, "Draagvlak binnen de gemeente.")],
}


def test_individual_round_end_to_end(page: Page, browser, live_server, facilitator, axe, screenshot_dir):
    # The facilitator creates a round and adds two participants.
    log_in(page, live_server, axe=axe)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Nieuwe ronde").click()
    axe(page)
    page.get_by_label("Titel").fill("Armoede en gezondheid 2026")
    page.get_by_label("Datum").fill("2026-12-01")
    page.get_by_label(re.compile("^Afzonderlijk")).check()
    page.get_by_role("button", name="Ronde aanmaken").click()
    expect(page.get_by_role("heading", level=1, name="Armoede en gezondheid 2026")).to_be_visible()
    add_participant(page, "Fatima", "Armoede")
    add_participant(page, "Joost", "Gezondheid")
    axe(page)
    link_fatima = page.get_by_label("Persoonlijke link van Fatima").input_value()
    link_joost = page.get_by_label("Persoonlijke link van Joost").input_value()
    assert link_fatima != link_joost

    # Fatima starts, gives three scores, and closes her browser halfway.
    context = browser.new_context(locale="nl-NL")
    fatima = context.new_page()
    fatima.goto(link_fatima)
    axe(fatima)
    fatima.get_by_role("button", name="Beginnen").click()
    axe(fatima)
    for theme, value in zip("ABC", (4, 2, 6), strict=True):
        score(fatima, theme, value)
    context.close()

    # She opens the same link again: her scores are there and she continues.
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    fatima = context.new_page()
    fatima.goto(link_fatima)
    expect(fatima).to_have_url(re.compile(r"/stap-1/$"))
    expect(
        fatima.get_by_role("group", name=re.compile(r"^B\. ")).get_by_label(re.compile("^2 – "))
    ).to_be_checked()
    for theme, value in zip("DEF", (2, 3, 4), strict=True):
        score(fatima, theme, value)
    fatima.get_by_label("Wat opvalt ...").fill("We verbinden op papier meer dan in de praktijk.")
    fatima.get_by_role("button", name="Opslaan en naar stap 2").click()

    # Step 2: an exclusive answer combined with another gets a clear message.
    tick(fatima, 1, "Wij zien geen reden.")
    tick(fatima, 1, "Een gecombineerde aanpak van armoede en gezondheidsachterstanden bespaart kosten.")
    expect(fatima.get_by_role("group", name=re.compile(r"^1\. "))).to_contain_text(
        "kan niet samen met een ander antwoord"
    )
    fatima.get_by_role("group", name=re.compile(r"^1\. ")).get_by_label("Wij zien geen reden.").uncheck()
    answer_step2(fatima, axe, ANSWERS, other_text="Gezondheid is een voorwaarde om uit de schulden te komen.")

    # The review: she revises theme D from 2 to 3, then hands in.
    expect(fatima.get_by_role("heading", level=1, name="Uw scores herzien")).to_be_visible()
    axe(fatima)
    review_d = fatima.get_by_role("group", name=re.compile(r"^D\. "))
    review_d.get_by_label(re.compile("^3 – ")).check()
    expect(review_d.get_by_text(re.compile("Opgeslagen om"))).to_be_visible()
    if screenshot_dir:
        fatima.screenshot(path=f"{screenshot_dir}/review-phone.png", full_page=True)
    fatima.get_by_role("button", name="Klaar: mijn antwoorden inleveren").click()
    expect(fatima.get_by_role("heading", level=1)).to_contain_text("Bedankt")
    axe(fatima)
    context.close()

    # Joost fills in everything in one go.
    context = browser.new_context(locale="nl-NL")
    joost = context.new_page()
    joost.goto(link_joost)
    joost.get_by_role("button", name="Beginnen").click()
    for theme, value in zip(THEMES, (5, 4, 3, 5, 4, 3), strict=True):
        score(joost, theme, value)
    joost.get_by_role("button", name="Opslaan en naar stap 2").click()
    answer_step2(joost, axe, ANSWERS)
    joost.get_by_role("button", name="Klaar: mijn antwoorden inleveren").click()
    expect(joost.get_by_role("heading", level=1)).to_contain_text("Bedankt")
    context.close()

    fatima_row = Participant.objects.get(display_name="Fatima")
    score_d = Score.objects.get(participant=fatima_row, theme="D")
    assert (score_d.first, score_d.revised) == (2, 3)

    # The facilitator sees both columns, then adds two actions in step 3.
    page.get_by_role("link", name="Uitkomsten").click()
    table = page.get_by_role("table", name="Scores per thema en deelnemer")
    expect(table.get_by_role("columnheader", name="Deelnemer 1 (Armoede)")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Deelnemer 2 (Gezondheid)")).to_be_visible()
    expect(table.get_by_role("row", name=re.compile(r"^D\. ")).get_by_role("cell").first).to_contain_text("2")
    expect(page.get_by_text("Gezondheid is een voorwaarde om uit de schulden te komen.")).to_be_visible()
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/results.png", full_page=True)

    page.get_by_role("link", name="Stap 3: actieagenda").click()
    axe(page)
    for theme_label, text, owner in (
        (
            "D. Focus: Signaleren, bereiken en ondersteunen",
            "Signalen van schulden samen oppakken met de GGD.",
            "Fatima",
        ),
        ("B. Zicht op de lokale problematiek en kansen", "Cijfers per wijk naast elkaar leggen.", "Joost"),
    ):
        page.get_by_label("Thema").select_option(label=theme_label)
        page.get_by_label("Wat gaan we doen").fill(text)
        page.get_by_label("Wie (een deelnemer)").select_option(label=owner)
        page.get_by_label(re.compile(r"^Afdeling\b")).fill("Sociaal domein")
        page.get_by_role("button", name="Actie toevoegen").click()
        expect(page.get_by_role("cell", name=text, exact=True)).to_be_visible()
    axe(page)
    assert Action.objects.count() == 2
    assert len(axe.checked) >= 12
