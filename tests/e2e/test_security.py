"""The Content-Security-Policy in a real browser: an inline script is refused, and the collector that
every browser test relies on (conftest's csp_violations) notices."""

import base64
import time

from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from tests.factories import MembershipFactory, OrganisationFactory

PASSWORD = "geheim-wachtwoord-123"


def test_inline_script_and_style_are_refused_and_reported(page: Page, live_server, csp_violations):
    page.goto(f"{live_server.url}/inloggen/")

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.head.appendChild(script);
            document.body.setAttribute("style", "background: red");
        }"""
    )
    page.wait_for_timeout(200)
    ran = page.evaluate("() => window.injected === true")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    reported = list(csp_violations.messages)
    csp_violations.messages.clear()  # seen on purpose; the fixture's own check must pass

    assert ran is False
    assert background != "rgb(255, 0, 0)"
    # Chromium may report one refusal more than once; both kinds must be there, and nothing else.
    kinds = {message.split(": ", 1)[1].split(" violates", 1)[0] for message in reported}
    assert kinds == {"Executing inline script", "Applying inline style"}


def app_code(secret_text: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key the setup page prints."""
    key = base64.b32decode(secret_text.replace(" ", ""))
    totp = TOTP(key)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def test_turn_on_two_step_login_and_log_in_with_a_code(
    page: Page, live_server, axe, transactional_db, screenshot_dir
):
    organisation = OrganisationFactory(name="Gemeente Testdorp", slug="testdorp")
    MembershipFactory(organisation=organisation, user__username="sanne")

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/account/tweestapsverificatie/")
    axe(page)
    page.get_by_role("link", name="Tweestapsverificatie aanzetten").click()
    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    expect(page.locator(".gt-qr svg")).to_be_visible()
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/2fa-setup.png", full_page=True)
    secret = page.locator("#secret").inner_text()
    page.get_by_label("Code uit de app").fill(app_code(secret))
    page.get_by_role("button", name="Aanzetten").click()

    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    expect(page.locator(".gt-recovery-codes li")).to_have_count(10)
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/2fa-codes.png", full_page=True)
    page.get_by_role("button", name="Uitloggen").click()

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Vul uw code in")).to_be_visible()
    axe(page)
    # The setup used this period's code, and a code works only once: the app's next one.
    page.get_by_label("Code").fill(app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
