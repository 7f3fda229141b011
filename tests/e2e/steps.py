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
