"""WCAG 2.1.1 and 1.4.10 for data tables and charts: on a phone a wide table or chart scrolls sideways inside
its own region, and a keyboard reaches that region (a tab stop named by the caption or the chart's title)
and scrolls it with the arrow keys."""

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from gesprekstool.demo.data import PASSWORD, USERNAME
from tests.e2e.steps import fits, log_in
from tests.factories import sannes_round

SMALL_PHONE = {"width": 320, "height": 640}


def scrolls_by_keyboard(page: Page, region: Locator) -> None:
    """The region is wider inside than on the screen, Tab (from the top of the page) reaches it and ArrowRight
    scrolls it."""
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    for _ in range(100):
        page.keyboard.press("Tab")
        if region.evaluate("e => e === document.activeElement"):
            break
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle())


def test_a_wide_table_on_a_phone_is_a_named_tab_stop_that_the_arrow_keys_scroll(
    browser: Browser, live_server, transactional_db, axe
):
    sannes_round(title="Armoede en gezondheid")
    context = browser.new_context(locale="nl-NL", viewport=SMALL_PHONE)
    page = context.new_page()
    log_in(page, live_server)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    axe(page)

    scrolls_by_keyboard(page, page.get_by_role("region", name="Uw rondes"))
    context.close()


@pytest.fixture
def demo_on_a_phone(browser: Browser, live_server, demo):
    context = browser.new_context(locale="nl-NL", viewport=SMALL_PHONE)
    page = context.new_page()
    log_in(page, live_server, USERNAME, PASSWORD)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    yield page
    context.close()


def test_the_cooperation_matrix_on_a_phone_is_a_named_tab_stop_that_the_arrow_keys_scroll(
    demo_on_a_phone: Page, live_server, demo, axe
):
    page = demo_on_a_phone
    page.goto(f"{live_server.url}/rondes/{demo.pk}/toekomstbeeld/samenwerking/")
    expect(page.get_by_role("table", name="Matrix van de paren")).to_be_visible()
    axe(page)
    scrolls_by_keyboard(page, page.get_by_role("region", name="Matrix van de paren"))
    # The table of missing links beside it scrolls in its own region too, so the page itself fits.
    expect(page.get_by_role("region", name="De grootste ontbrekende verbindingen")).to_be_visible()
    fits(page)


def test_the_progress_chart_on_a_phone_is_a_named_tab_stop_that_the_arrow_keys_scroll(
    demo_on_a_phone: Page, live_server, axe
):
    page = demo_on_a_phone
    page.goto(f"{live_server.url}/voortgang/")
    expect(page.get_by_role("heading", level=1, name="Voortgang door de tijd")).to_be_visible()
    axe(page)
    scrolls_by_keyboard(
        page,
        page.get_by_role(
            "region",
            name="Gemiddelde scores voor A. Visie op armoede, schulden en gezondheid, ronde na ronde",
        ),
    )
