"""The presenter on a projector: the chart fills the screen, and the keys step through the slides."""

import re

import pytest
from playwright.sync_api import Page, expect

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Round
from tests.e2e.steps import log_in
from tests.factories import answer_everything, sannes_round


def words_option(round_: Round) -> tuple[str, str]:
    """The question of theme A with an "anders, namelijk" option, and that option: (codes)."""
    question = next(
        q for q in round_.instrument.questions if q.theme == "A" and any(o.needs_text for o in q.options)
    )
    return question.code, next(o for o in question.options if o.needs_text).code


def joost_writes(round_: Round, words: str) -> None:
    question, option = words_option(round_)
    joost = round_.participants.get(display_name="Joost")
    services.save_question(joost, question=question, choices={option: words})


@pytest.fixture
def presented_round(transactional_db):
    round_ = sannes_round()
    fatima = services.add_participant(round_, display_name="Fatima", domain="armoede")
    joost = services.add_participant(round_, display_name="Joost", domain="gezondheid")
    answer_everything(fatima, finish=True)
    answer_everything(joost)
    joost_writes(round_, "Via de wijkteams")
    return round_


def test_presenter_fills_the_projector_and_steps_with_the_keys(
    page: Page, live_server, presented_round, axe, screenshot_dir
):
    page.set_viewport_size({"width": 1920, "height": 1080})
    log_in(page, live_server)
    present = f"{live_server.url}/rondes/{presented_round.pk}/presentatie/"
    page.goto(present)
    axe(page)

    # The chart uses the projector: far more than the 700 px it had on a 1920 px screen.
    box = page.locator("#present-chart-title").locator("xpath=..").bounding_box()
    assert box["width"] >= 1400
    # Fatima handed in, Joost did not: his markers carry the dashed ring, explained in the legend.
    expect(page.get_by_text("stippelrand: nog niet ingeleverd")).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/presenter-overview.png", full_page=True)

    page.keyboard.press("Space")
    expect(page).to_have_url(f"{present}?thema=A")
    page.keyboard.press("PageDown")
    expect(page).to_have_url(re.compile(r"\?thema=A&deel=antwoorden$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("de antwoorden in stap 2")
    axe(page)
    page.get_by_text("Toon 1 tekst").click()
    expect(page.get_by_text("Via de wijkteams")).to_be_visible()

    # People go on answering in the room: the slide follows without a reload (a poll every 3 s), and
    # the fold the presenter opened stays open while its texts change.
    joost_writes(presented_round, "Via de wijkteams en de bibliotheek")
    services.save_comment(
        presented_round.participants.get(display_name="Joost"), theme="A", text="Nieuw in de zaal"
    )
    expect(page.get_by_text("Via de wijkteams en de bibliotheek")).to_be_visible(timeout=10_000)
    page.get_by_text("Toon 2 opmerkingen").click()
    expect(page.get_by_text("Nieuw in de zaal")).to_be_visible()
    expect(page).to_have_url(re.compile(r"\?thema=A&deel=antwoorden$"))
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/presenter-answers.png", full_page=True)

    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("PageUp")
    expect(page).to_have_url(f"{present}?thema=A")
    page.keyboard.press("End")
    expect(page).to_have_url(re.compile(r"\?thema=F&deel=antwoorden$"))
    page.keyboard.press("Home")
    expect(page).to_have_url(present)
    page.keyboard.press("Shift+Space")
    expect(page).to_have_url(present)  # the first slide has nothing before it
