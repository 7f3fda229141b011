"""Steps that many browser journeys share."""

import re

from playwright.sync_api import Page, expect

from tests.factories import PASSWORD


def log_in(page: Page, live_server, username: str = "sanne", password: str = PASSWORD) -> None:
    """Through the login page, in Dutch, as a user without an authenticator app."""
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def score(page: Page, theme: str, value: int, *, saved: str = "Opgeslagen om") -> None:
    """Gives `theme` a step-1 score and waits for the autosave's message (`saved`, in the page's language)."""
    group = page.get_by_role("group", name=re.compile(rf"^{theme}\. "))
    group.get_by_label(re.compile(rf"^{value} – ")).check()
    expect(group.get_by_text(re.compile(saved))).to_be_visible()


def tick(page: Page, question: int, option: str) -> None:
    """Ticks `option` of step-2 question number `question`."""
    page.get_by_role("group", name=re.compile(rf"^{question}\. ")).get_by_label(option, exact=True).check()


def answer_step2(
    page: Page,
    axe,
    answers: dict[str, list[tuple[int, str]]],
    *,
    other_text: str | None = None,
    other: str = "Anders, namelijk",
    saved: str = "Opgeslagen om",
    onward: str = "Opslaan en naar thema|Opslaan en uw scores herzien",
) -> None:
    """Goes through the theme pages of step 2 in order: ticks each theme's `answers` (question number, option),
    on theme A also the option `other` with `other_text` when that is given, checks the page with axe and
    moves on with the button whose name matches `onward`. Texts are in the page's language, Dutch by default."""
    for theme, ticks in answers.items():
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"{theme}. ")
        for question, option in ticks:
            tick(page, question, option)
        if theme == "A" and other_text:
            tick(page, 1, other)
            page.get_by_role("textbox", name=re.compile(rf": {other}$")).fill(other_text)
            expect(
                page.get_by_role("group", name=re.compile(r"^1\. ")).get_by_text(re.compile(saved))
            ).to_be_visible()
        axe(page)
        page.get_by_role("button", name=re.compile(onward)).click()
