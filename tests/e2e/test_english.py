"""Issue 12's English journey: a facilitator switches to English, runs a round in English, a participant
answers steps 1 and 2 in English, and the facilitator reads the results in English; axe-core on every page."""

import re

from playwright.sync_api import Page, expect

from gesprekstool.inspiration import library
from gesprekstool.rounds.models import Participant, Round, Score
from tests.e2e.steps import answer_step2, log_in, score

THEMES = "ABCDEF"
# One or two English options per theme page (question number, option text from the English instrument).
ANSWERS = {
    "A": [(1, "Many of our residents struggle with both poverty and health problems.")],
    "B": [
        (2, "Yes, insight into the districts/neighbourhoods where this combination occurs most often."),
        (3, "Don't know."),
    ],
    "C": [(4, "We encourage combined approaches by partners in the neighbourhood.")],
    "D": [(7, "Adequately supporting (vulnerable) residents with financial and/or health problems.")],
    "E": [(8, "One of the partners"), (11, "No.")],
    "F": [(14, "Support within the municipality.")],
}


def html_lang(page: Page) -> str:
    return page.locator("html").get_attribute("lang")


def test_english_round_end_to_end(page: Page, browser, live_server, facilitator, axe):
    # The facilitator opens the login page (Dutch) and switches to English with the button in the header.
    page.goto(f"{live_server.url}/inloggen/")
    assert html_lang(page) == "nl"
    page.get_by_role("form", name="Taal").get_by_role("button", name="English").click()
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    assert html_lang(page) == "en"
    log_in(page, live_server, axe=axe, language="en")
    expect(page.get_by_role("heading", level=1, name="Rounds")).to_be_visible()
    axe(page)

    # A new round whose participants see English.
    page.get_by_role("link", name="New round").click()
    axe(page)
    page.get_by_label("Title").fill("Poverty and health 2026")
    page.get_by_label("Date").fill("2026-12-01")
    page.get_by_label(re.compile("^Individually")).check()
    page.get_by_role("group", name="Language").get_by_label("English").check()
    page.get_by_role("button", name="Create round").click()
    expect(page.get_by_role("heading", level=1, name="Poverty and health 2026")).to_be_visible()
    page.get_by_label("Name", exact=True).fill("Jane")
    page.get_by_label("Domain").select_option(label="Health")
    page.get_by_role("button", name="Add participant").click()
    expect(page.get_by_role("heading", level=3, name=re.compile("Jane"))).to_be_visible()
    axe(page)
    link = page.get_by_label("Personal link of Jane").input_value()
    assert Round.objects.get().language == "en"

    # Jane opens her link in a fresh browser with no choice made (and a Dutch browser): the round's English.
    context = browser.new_context(locale="nl-NL")
    jane = context.new_page()
    jane.goto(link)
    assert html_lang(jane) == "en"
    expect(jane.get_by_role("heading", level=1, name="Welcome, Jane")).to_be_visible()
    axe(jane)
    jane.get_by_role("button", name="Start").click()
    expect(jane.get_by_role("heading", level=1)).to_contain_text(
        "Taking stock: where does our municipality stand?"
    )
    expect(
        jane.get_by_text("Our municipality has a clear vision of the connection between poverty and health.")
    ).to_be_visible()
    axe(jane)
    for theme, value in zip(THEMES, (4, 2, 6, 3, 5, 1), strict=True):
        score(jane, theme, value, saved="Saved at")
    expect(
        jane.get_by_role("group", name=re.compile(r"^C\. ")).get_by_label("6 – don't know")
    ).to_be_checked()
    jane.get_by_label("What stands out ...").fill("We connect more on paper than in practice.")
    jane.get_by_role("button", name="Save and continue to step 2").click()

    # Step 2 in English: the instrument's English questions and options.
    answer_step2(
        jane,
        axe,
        ANSWERS,
        other_text="Health comes first.",
        other="Other, namely",
        saved="Saved at",
        onward="Save and continue to theme|Save and review your scores",
    )

    expect(jane.get_by_role("heading", level=1, name="Review your scores")).to_be_visible()
    axe(jane)
    jane.get_by_role("button", name="Done: hand in my answers").click()
    expect(jane.get_by_role("heading", level=1)).to_contain_text("Thank you")
    axe(jane)
    context.close()

    participant = Participant.objects.get(display_name="Jane")
    assert participant.finished_at is not None
    assert Score.objects.get(participant=participant, theme="C").first == 6
    assert participant.language == ""  # she chose nothing: mails to her follow the round's English

    # The facilitator reads the results in English.
    page.get_by_role("link", name="Results").first.click()
    assert html_lang(page) == "en"
    table = page.get_by_role("table", name="Scores per theme and participant")
    expect(table.get_by_role("columnheader", name="Participant 1 (Health)")).to_be_visible()
    expect(page.get_by_text("Health comes first.")).to_be_visible()
    expect(
        page.get_by_text(
            "Our municipality has a clear vision of the connection between poverty and health."
        ).first
    ).to_be_visible()
    axe(page)

    # The practice library: English interface and theme titles, its Dutch content says so.
    library.import_library(library.read(library.SHIPPED))
    results_url = page.url
    page.get_by_role("link", name="Inspiration").first.click()
    page.get_by_role("link", name="E. The role of the municipality").click()
    expect(page.get_by_role("heading", level=1, name="E. The role of the municipality")).to_be_visible()
    axe(page)
    page.locator(".gt-entry-card").first.get_by_role("link").click()
    expect(page.get_by_text("This practice is described in Dutch.")).to_be_visible()
    assert page.get_by_role("heading", level=1).get_attribute("lang") == "nl"
    axe(page)
    page.goto(results_url)

    # Back to Dutch with the switch: the same page, now in Dutch.
    page.get_by_role("form", name="Language").get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("table", name="Scores per thema en deelnemer")).to_be_visible()
    assert html_lang(page) == "nl"
    assert len(axe.checked) >= 16
