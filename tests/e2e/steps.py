"""Steps that many browser journeys share."""

import base64
import re
import time

from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

PHONE = {"width": 390, "height": 844}
# The login page's fields and button, per language.
LOGIN_FORM = {"nl": ("Gebruikersnaam", "Wachtwoord", "Inloggen"), "en": ("User name", "Password", "Log in")}
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
# On failure: the outermost elements that stick out on the right, to say what forces the width.
STICKING_OUT = """[...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
  .map(e => e.tagName.toLowerCase() + "." + [...e.classList].join(".")).slice(0, 5)"""


def log_in(
    page: Page,
    live_server,
    username: str = "sanne",
    password: str = PASSWORD,
    *,
    axe=None,
    language: str = "nl",
) -> None:
    """Through the login page, labelled in `language` (Dutch by default), which `axe` checks when given.
    A user with an authenticator app ends on the page that asks for its code."""
    name, secret, button = LOGIN_FORM[language]
    page.goto(f"{live_server.url}/inloggen/")
    if axe:
        axe(page)
    page.get_by_label(name).fill(username)
    page.get_by_label(secret).fill(password)
    page.get_by_role("button", name=button).click()


def app_code(secret_text: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key the setup page prints."""
    key = base64.b32decode(secret_text.replace(" ", ""))
    totp = TOTP(key)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def fits(phone: Page) -> None:
    """The page needs no sideways scrolling in the phone's width."""
    phone.wait_for_load_state("networkidle")
    widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert phone.evaluate(NO_SIDEWAYS_SCROLL), (
        f"{phone.url} is {widths[0]} px wide in {widths[1]} px: {phone.evaluate(STICKING_OUT)}"
    )


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
