"""The "Downloaden" tab in a real browser: reachable from the round, accessible, and the files come."""

import io
import os
import re

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from gesprekstool.rounds import services
from tests.e2e.steps import PHONE, log_in
from tests.factories import HELD_ON
from tests.reports.conftest import build_round


def test_facilitator_downloads_the_report_from_the_round(
    page: Page, live_server, axe, facilitator, screenshot_dir
):
    organisation = facilitator.memberships.get().organisation
    round_ = services.create_round(
        organisation=organisation, title="Armoede en gezondheid 2026", held_on=HELD_ON, mode="individual"
    )
    build_round(round_)

    log_in(page, live_server)
    page.goto(f"{live_server.url}/rondes/{round_.pk}/")
    page.get_by_role("navigation", name="Deze ronde").get_by_role("link", name="Downloaden").click()

    expect(page.get_by_role("heading", level=2, name="De uitkomsten downloaden")).to_be_visible()
    expect(page.get_by_role("heading", level=3)).to_have_count(5)
    axe(page)
    if screenshot_dir:
        page.screenshot(path=os.path.join(screenshot_dir, "downloads.png"), full_page=True)
        page.set_viewport_size(PHONE)
        page.screenshot(path=os.path.join(screenshot_dir, "downloads-phone.png"), full_page=True)
        axe(page)

    with page.expect_download() as info:
        page.get_by_role("link", name="Verslag (PDF) downloaden").click()
    download = info.value
    assert re.fullmatch(
        r"gesprekstool-armoede-en-gezondheid-2026-2026-11-20\.pdf", download.suggested_filename
    )
    with open(download.path(), "rb") as f:
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(f.read())).pages)
    assert "Deelnemer 1 (Armoede)" in text
