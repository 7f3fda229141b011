"""WCAG 2.1.1 and 1.4.10 for data tables: on a phone a table scrolls sideways inside its own region, and a
keyboard reaches that region (a tab stop named by the table's caption) and scrolls it with the arrow keys."""

from playwright.sync_api import Browser, expect

from tests.e2e.steps import log_in
from tests.factories import sannes_round


def test_a_wide_table_on_a_phone_is_a_named_tab_stop_that_the_arrow_keys_scroll(
    browser: Browser, live_server, transactional_db, axe
):
    sannes_round(title="Armoede en gezondheid")
    context = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 640})
    page = context.new_page()
    log_in(page, live_server)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    axe(page)

    region = page.get_by_role("region", name="Uw rondes")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    page.get_by_role("link", name="Armoede en gezondheid").focus()
    page.keyboard.press("Shift+Tab")
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle())
    context.close()
