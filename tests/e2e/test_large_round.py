"""A round of more than 40 participants: the chart counts the participants per score and domain,
and the results page fetches the table and the names under the step-2 options when asked for them
(docs/performance.md). axe-core checks every state."""

import re

import pytest
from playwright.sync_api import Page, expect

from gesprekstool.rounds.charts import PER_PARTICIPANT_UP_TO
from tests.e2e.steps import log_in
from tests.factories import add_answered_in_bulk, sannes_round

PARTICIPANTS = PER_PARTICIPANT_UP_TO + 5


@pytest.fixture
def large_round(transactional_db):
    round_ = sannes_round(title="Grote bijeenkomst")
    add_answered_in_bulk(round_, PARTICIPANTS)
    return round_


def test_results_of_a_large_round_open_the_table_and_the_names_on_request(
    page: Page, live_server, large_round, axe, screenshot_dir
):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/rondes/{large_round.pk}/resultaten/")

    expect(page.get_by_text(re.compile("Het getal in een teken is het aantal deelnemers"))).to_be_visible()
    table = page.get_by_role("table", name="Scores per thema en deelnemer")
    expect(table).to_have_count(0)
    axe(page)

    page.get_by_text(f"Toon de scores van de {PARTICIPANTS} deelnemers als tabel").click()
    expect(table.get_by_role("columnheader", name=re.compile(r"^Deelnemer 1 \("))).to_be_visible()
    axe(page)

    expect(page.locator(".gt-result-option__who")).to_have_count(0)
    page.get_by_role("link", name="Toon wie elk antwoord koos").click()
    expect(page.locator(".gt-result-option__who").first).to_contain_text("Deelnemer")
    expect(page.get_by_role("link", name="Toon wie elk antwoord koos")).to_have_count(0)
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/results-large.png", full_page=True)
