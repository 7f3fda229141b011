"""Issue 16, item 4: a participant on a phone (390 px) marks a pair of partners that should work more
closely together; the facilitator sees the pair in the presenter's matrix and table and turns the missing
link into an action of step 3. axe-core and the HTML checker on every page; no horizontal scrolling."""

import re

from playwright.sync_api import Page, expect

from gesprekstool.agenda.models import Action
from gesprekstool.futures.models import CooperationMark
from tests.e2e.steps import PHONE, fits, log_in


def test_a_phone_marks_a_pair_and_the_facilitator_makes_the_missing_link_an_action(
    page: Page,
    browser,
    live_server,
    workshop,
    axe,
):
    round_, people, _prompt = workshop
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/d/{people[0].token}/toekomst/samenwerking/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Wie moeten nauwer samenwerken?")
    fits(phone)
    axe(phone)

    # By keyboard: choose the first partner from the list, type the second one's name, send with Enter.
    phone.get_by_label(re.compile("^1e partner")).focus()
    phone.get_by_label(re.compile("^1e partner")).select_option(label="Armoede")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")  # past "Of een andere partner 1" to the second list
    expect(phone.get_by_label(re.compile("^2e partner"))).to_be_focused()
    phone.get_by_label(re.compile("^Of een andere partner 2: typ de naam")).fill("Huisartsen")
    phone.get_by_role("button", name="Dit paar aangeven").press("Enter")
    expect(phone.get_by_text("Opgeslagen: Huisartsen en Armoede moeten nauwer samenwerken.")).to_be_visible()
    expect(phone.locator(".gt-coop-mark")).to_have_count(1)
    fits(phone)
    axe(phone)
    assert list(CooperationMark.objects.values_list("party_a", "party_b")) == [("Huisartsen", "armoede")]

    log_in(page, live_server)
    page.goto(f"{live_server.url}/rondes/{round_.pk}/toekomstbeeld/samenwerking/")
    matrix = page.get_by_role("table", name="Matrix van de paren")
    expect(matrix.get_by_role("rowheader")).to_have_text(["Armoede", "Huisartsen"])
    expect(matrix.locator(".gt-coop__cell:not(.gt-coop__cell--self)")).to_have_text(["1", "1"])
    table = page.get_by_role("table", name="De grootste ontbrekende verbindingen")
    expect(table.get_by_role("rowheader")).to_have_text([re.compile(r"^Huisartsen\W+en\W+Armoede$")])
    expect(table.locator(".gt-coop__count")).to_have_text(["1"])
    axe(page)

    table.get_by_text("Maak er een actie van").click()
    table.get_by_label("Wie zou dit kunnen oppakken").fill("GGD regio")
    table.get_by_role("button", name="Op de agenda zetten").click()
    expect(
        page.get_by_text(re.compile("^De ontbrekende verbinding staat nu als actie op de agenda"))
    ).to_be_visible()
    expect(table.get_by_role("link", name="Op de agenda")).to_be_visible()
    axe(page)
    action = Action.objects.get(round=round_)
    assert (action.theme, action.owner_name, action.status) == ("E", "GGD regio", "open")
    assert CooperationMark.objects.get().action == action
    context.close()
