"""Issue 4's journey: the demo round is repeated, its open actions are reviewed, the new round
is answered, the owner of an action updates it through a personal link, and the progress
view shows both rounds. axe-core checks every page."""

import re

from playwright.sync_api import Page, expect

from gesprekstool.agenda.models import Action, ActionNote
from gesprekstool.demo.data import PASSWORD, USERNAME
from gesprekstool.rounds.models import Round, Score
from tests.e2e.steps import PHONE, log_in, score

DEMO_ROUND = "Armoede en gezondheid – najaar 2026"
NEW_ROUND = "Armoede en gezondheid – najaar 2027"
MEMO = "Notitie voor beide wethouders over een gezamenlijke aanpak."


def shot(page: Page, screenshot_dir, name: str) -> None:
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/{name}.png", full_page=True)


def test_repeat_review_answer_and_see_progress(page: Page, browser, live_server, demo, axe, screenshot_dir):
    log_in(page, live_server, USERNAME, PASSWORD, axe=axe)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    axe(page)

    # Repeat the demo round: Ahmed does not take part again, all open actions come along.
    page.get_by_role("link", name=DEMO_ROUND).click()
    page.get_by_role("link", name="Herhaal deze ronde").click()
    expect(page.get_by_role("heading", level=2, name="Herhaal deze ronde")).to_be_visible()
    axe(page)
    page.get_by_label("Titel van de nieuwe ronde").fill(NEW_ROUND)
    page.get_by_label("Datum").fill("2027-11-02")
    participants = page.get_by_role("group", name="Wie doet weer mee?")
    expect(participants.get_by_role("checkbox")).to_have_count(4)
    participants.get_by_label(re.compile("^Ahmed Yilmaz")).uncheck()
    # The demo's three actions of step 3, one from the picture of the future, one from a missing link.
    expect(page.get_by_role("group", name="Welke acties gaan mee?").get_by_role("checkbox")).to_have_count(5)
    shot(page, screenshot_dir, "repeat")
    page.get_by_role("button", name="Herhaal deze ronde").click()

    # The new round opens with the review: the memo to the aldermen is done.
    expect(
        page.get_by_role("heading", level=2, name="Terugblik: wat is er van de acties geworden?")
    ).to_be_visible()
    expect(page.get_by_text("0 van de 5 acties besproken.")).to_be_visible()
    axe(page)
    memo = page.get_by_role("region", name=MEMO)
    memo.get_by_role("group", name="Status").get_by_label("gedaan").check()
    memo.get_by_label("Notitie over de voortgang").fill(
        "Besproken in het college; de wethouders willen een gezamenlijke aanpak."
    )
    page.get_by_role("button", name="Terugblik opslaan").click()
    expect(page.get_by_text("De terugblik is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("5 van de 5 acties besproken.")).to_be_visible()
    expect(page.get_by_role("region", name=MEMO).locator(".gt-action-status")).to_have_text(
        re.compile("gedaan")
    )
    axe(page)
    shot(page, screenshot_dir, "review")

    new_round = Round.objects.get(title=NEW_ROUND)
    assert new_round.previous.title == DEMO_ROUND
    assert dict(new_round.actions.values_list("description", "status"))[MEMO] == "gedaan"
    assert (
        ActionNote.objects.filter(action__round=new_round, in_review=True, new_status="gedaan").count() == 1
    )

    # Fatima answers step 1 of the new round through her new personal link.
    page.get_by_role("link", name="Deelnemers").click()
    axe(page)
    link = page.get_by_label("Persoonlijke link van Fatima El Amrani").input_value()
    context = browser.new_context(locale="nl-NL")
    fatima = context.new_page()
    fatima.goto(link)
    axe(fatima)
    fatima.get_by_role("button", name="Beginnen").click()
    for theme, value in zip("ABCDEF", (4, 4, 3, 3, 4, 5), strict=True):
        score(fatima, theme, value)
    axe(fatima)
    fatima.get_by_role("button", name="Opslaan en naar stap 2").click()
    expect(fatima.get_by_role("heading", level=1)).to_contain_text("A. ")
    context.close()
    assert Score.objects.filter(participant__round=new_round).count() == 6

    # The wethouder's memo follow-up gets an owner with an e-mail address and a personal link.
    page.get_by_role("link", name="Stap 3: actieagenda").click()
    axe(page)
    page.get_by_role("link", name=re.compile("^Cijfers van de gezondheidsmonitor")).click()
    expect(page.get_by_role("heading", level=2, name=re.compile("^Actie: Cijfers"))).to_be_visible()
    axe(page)
    page.get_by_text("Wat, wie of wanneer veranderen").click()
    page.get_by_label("Wie (een deelnemer)").select_option(label="— niemand uit deze ronde —")
    page.get_by_label("Of iemand anders").fill("Joost de Vries")
    page.get_by_label("E-mailadres van die persoon").fill("j.devries@voorbeeldstad.example")
    page.get_by_label("Datum").fill("2026-01-15")  # in the past: allowed, but flagged
    page.get_by_role("button", name="Actie opslaan").click()
    expect(page.get_by_text("De actie is opgeslagen.")).to_be_visible()
    expect(page.get_by_text("De datum 15-01-2026 is al voorbij.", exact=False)).to_be_visible()
    expect(page.locator(".gt-late")).to_have_text("te laat")
    page.get_by_role("button", name="Persoonlijke link maken").click()
    owner_link = page.get_by_label("Persoonlijke link van Joost de Vries").input_value()
    axe(page)
    shot(page, screenshot_dir, "action-detail")

    # Joost opens his link (no account) while the facilitator writes a note on the same action.
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    joost = context.new_page()
    joost.goto(owner_link)
    expect(joost.get_by_role("heading", level=1, name="Uw acties")).to_be_visible()
    axe(joost)
    page.get_by_label("Notitie over de voortgang").fill("Joost gebeld: hij pakt het op.")
    page.get_by_role("button", name="Actie opslaan").click()
    expect(page.get_by_text("Joost gebeld: hij pakt het op.")).to_be_visible()
    card = joost.get_by_role("article", name=re.compile("^Cijfers van de gezondheidsmonitor"))
    card.get_by_role("group", name="Status").get_by_label("bezig").check()
    card.get_by_label("Notitie over de voortgang").fill("Monitor opgevraagd bij de GGD.")
    card.get_by_role("button", name=re.compile("^Opslaan")).click()
    # His save meets the facilitator's: a clear conflict, both versions shown, nothing lost.
    card = joost.get_by_role("article", name=re.compile("^Cijfers van de gezondheidsmonitor"))
    expect(card.get_by_role("alert")).to_contain_text("Iemand anders heeft deze actie gewijzigd")
    expect(card.get_by_role("alert")).to_contain_text("Joost gebeld: hij pakt het op.")
    expect(card.get_by_label("Notitie over de voortgang")).to_have_value("Monitor opgevraagd bij de GGD.")
    axe(joost)
    shot(joost, screenshot_dir, "owner-conflict-phone")
    card.get_by_role("button", name=re.compile("^Opslaan")).click()
    expect(joost.get_by_text("Dank u wel. Uw wijziging is opgeslagen.")).to_be_visible()
    axe(joost)
    shot(joost, screenshot_dir, "owner-phone")
    context.close()
    figures = Action.objects.get(round=new_round, description__startswith="Cijfers van de gezondheidsmonitor")
    assert figures.status == "bezig"
    assert figures.notes.get(via_link=True).author_name == "Joost de Vries"

    # The organisation's overview lists every current action.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Acties").click()
    expect(page.get_by_role("heading", level=1, name="Acties")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="5 acties, 1 te laat")).to_be_visible()
    late_row = page.get_by_role("row", name=re.compile("^Cijfers van de gezondheidsmonitor"))
    expect(late_row).to_contain_text("te laat")
    axe(page)
    shot(page, screenshot_dir, "overview-all")
    page.get_by_label("Status").select_option(label="gedaan")
    page.get_by_role("button", name="Tonen").click()
    expect(page.get_by_role("heading", level=2, name="1 actie")).to_be_visible()
    axe(page)
    shot(page, screenshot_dir, "overview")

    # The progress view shows both rounds.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Voortgang").click()
    expect(page.get_by_role("heading", level=1, name="Voortgang door de tijd")).to_be_visible()
    expect(page.get_by_text("De scores zijn een hulpmiddel voor het gesprek, geen meting.")).to_be_visible()
    table_a = page.get_by_role("table", name="Scores voor thema A als tabel")
    expect(table_a.get_by_role("columnheader", name=re.compile(DEMO_ROUND))).to_be_visible()
    expect(table_a.get_by_role("columnheader", name=re.compile(NEW_ROUND))).to_be_visible()
    expect(table_a.get_by_role("row", name=re.compile("^Groep"))).to_contain_text("4,0")
    actions = page.get_by_role("table", name="Wat er van de acties van elke ronde is geworden")
    expect(actions.get_by_role("row", name=re.compile(NEW_ROUND))).to_contain_text("5")
    expect(page.get_by_role("img", name=re.compile("^Gemiddelde scores voor A\\."))).to_be_visible()
    axe(page)
    shot(page, screenshot_dir, "progress")
    assert len(axe.checked) >= 14
