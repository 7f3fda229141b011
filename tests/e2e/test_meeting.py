"""Issue 3's meeting: a participant joins by code while the presenter view updates by itself."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.steps import PHONE, log_in, score
from tests.factories import sannes_round


@pytest.fixture
def meeting_round(transactional_db):
    return sannes_round()


def test_meeting_join_live_update_and_reveal(
    page: Page, browser, live_server, meeting_round, axe, screenshot_dir
):
    # The facilitator allows participants to see the group results and opens the presenter view.
    log_in(page, live_server)
    page.goto(f"{live_server.url}/rondes/{meeting_round.pk}/")
    page.get_by_label(re.compile("^Deelnemers mogen de uitkomsten")).check()
    page.get_by_role("button", name="Instellingen opslaan").click()
    expect(page.get_by_text("De instellingen zijn opgeslagen.")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Presentatie").click()
    page.get_by_role("button", name="Code om mee te doen tonen").click()
    code = page.locator("#join-code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{6}", code)
    expect(page.get_by_text("0 van de 0 deelnemers hebben hun scores gegeven")).to_be_visible()
    axe(page)

    # A participant joins on a phone with the code and gives six scores.
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/meedoen/")
    axe(phone)
    phone.get_by_label("De code op het scherm").fill(code.lower())
    phone.get_by_role("button", name="Verder").click()
    axe(phone)
    phone.get_by_label("Naam", exact=True).fill("Joost")
    phone.get_by_label("Domein").select_option(label="Gezondheid")
    phone.get_by_role("button", name="Meedoen").click()
    phone.get_by_role("button", name="Beginnen").click()
    for theme, value in zip("ABCDEF", (5, 4, 2, 5, 3, 6), strict=True):
        score(phone, theme, value)

    # The presenter view shows the new answer without a reload.
    expect(page.get_by_text("1 van de 1 deelnemers hebben hun scores gegeven")).to_be_visible(timeout=10_000)
    expect(page.locator(".gt-chart__number", has_text="1").first).to_be_attached()
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/presenter.png", full_page=True)

    # The participant hands in; the group results stay hidden until the facilitator reveals them.
    phone.get_by_role("button", name="Opslaan en naar stap 2").click()
    for _theme in "ABCDE":
        phone.get_by_role("button", name=re.compile("^Opslaan en naar thema")).click()
    phone.get_by_role("button", name="Opslaan en uw scores herzien").click()
    phone.get_by_role("button", name="Klaar: mijn antwoorden inleveren").click()
    results = phone.locator("#group-results")
    expect(results).to_contain_text("zodra de gespreksleider ze laat zien")
    expect(results.get_by_role("table")).to_have_count(0)
    axe(phone)

    page.get_by_role("button", name="Uitkomsten tonen", exact=True).click()
    expect(page.get_by_text("De deelnemers zien nu de uitkomsten.")).to_be_visible()

    # Without a reload, the participant's page now shows the group's scores.
    expect(results.get_by_role("table", name="Scores per thema en deelnemer")).to_be_visible(timeout=10_000)
    axe(phone)
    if screenshot_dir:
        phone.screenshot(path=f"{screenshot_dir}/participant-revealed.png", full_page=True)
    context.close()
