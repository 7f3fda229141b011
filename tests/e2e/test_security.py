"""The Content-Security-Policy in a real browser: an inline script is refused, and the collector that
every browser test relies on (conftest's csp_violations) notices."""

from playwright.sync_api import Page, expect

from tests.e2e.steps import app_code, log_in


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


def test_turn_on_two_step_login_and_log_in_with_a_code(
    page: Page, live_server, axe, facilitator, screenshot_dir
):
    log_in(page, live_server)
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

    log_in(page, live_server)
    expect(page.get_by_role("heading", name="Vul uw code in")).to_be_visible()
    axe(page)
    # The setup used this period's code, and a code works only once: the app's next one.
    page.get_by_label("Code").fill(app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
