"""Steps that many browser journeys share."""

from playwright.sync_api import Page

from tests.factories import PASSWORD


def log_in(page: Page, live_server, username: str = "sanne", password: str = PASSWORD) -> None:
    """Through the login page, in Dutch, as a user without an authenticator app."""
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
