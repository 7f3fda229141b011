"""Browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import io
import os
import shutil
import weakref

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from gesprekstool.demo.data import ROUND_TITLE
from gesprekstool.futures import services as future_services
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Round
from tests.e2e.vnu import Validator
from tests.factories import MembershipFactory, sannes_round

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
# the test itself (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs Debian's chromium package.")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "viewport": {"width": 1280, "height": 900}}


_axe = Axe()

# The last HTML document each page received from the server (kept by PageWatcher below).
_documents: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


@pytest.fixture(scope="session")
def vnu():
    validator = Validator()
    yield validator
    validator.stop()


class Checker:
    """Checks every page a test visits: axe-core on the page as shown, and the W3C Nu HTML Checker
    (vnu) on the HTML the server sent and on the page as it is now (after htmx swapped fragments in).
    Remembers which pages it checked."""

    def __init__(self, validator: Validator):
        self.validator = validator
        self.checked: list[str] = []

    def __call__(self, page) -> None:
        page.wait_for_load_state("networkidle")
        results = _axe.run(page)
        self.checked.append(page.url)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
        response = _documents.get(page)
        if response is not None and response.url.split("#")[0] == page.url.split("#")[0]:
            sent = self.validator.errors(response.text())
            assert sent == [], f"HTML errors in what the server sent for {page.url}:\n" + "\n".join(sent)
        shown = self.validator.errors(page.content())
        assert shown == [], f"HTML errors in the page as shown at {page.url}:\n" + "\n".join(shown)


@pytest.fixture
def axe(vnu):
    return Checker(vnu)


@pytest.fixture
def screenshot_dir():
    path = os.environ.get("SCREENSHOT_DIR")
    if path:
        os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """The live server, stopped before the test database is dropped: otherwise its
    thread still holds a PostgreSQL connection and DROP DATABASE fails."""
    return live_server


class PageWatcher:
    """Watches every page of every context a test opens: collects what the browser refused under the
    Content-Security-Policy (Chromium reports each refusal on the console), and keeps the last HTML
    document each page received, for the HTML check."""

    def __init__(self):
        self.messages: list[str] = []

    def watch(self, page) -> None:
        page.on("console", lambda message: self._console(page, message))
        page.on("response", lambda response: self._response(page, response))

    @staticmethod
    def _response(page, response) -> None:
        if response.request.resource_type == "document" and response.frame == page.main_frame:
            _documents[page] = response

    def _console(self, page, message) -> None:
        if "Content Security Policy" in message.text:
            self.messages.append(f"{page.url}: {message.text}")


@pytest.fixture(autouse=True)
def csp_violations(request):
    """Fails a browser test when any page it visited broke the Content-Security-Policy: inline
    script or style, eval, or anything loaded from elsewhere. Also keeps each page's HTML document."""
    if "page" not in request.fixturenames:
        yield None
        return
    violations = PageWatcher()
    browser = request.getfixturevalue("browser")
    new_context = browser.new_context

    def watched_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.on("page", violations.watch)
        return context

    browser.new_context = watched_context
    page = request.getfixturevalue("page")
    violations.watch(page)
    page.context.on("page", violations.watch)
    try:
        yield violations
    finally:
        browser.new_context = new_context
    assert violations.messages == [], "\n".join(violations.messages)


# The journeys' data. The live server runs in another thread, so these are committed (transactional_db).


@pytest.fixture
def facilitator(transactional_db, organisation):
    """Sanne, facilitator of Gemeente Testdorp: steps.log_in logs in as her by default."""
    return MembershipFactory(organisation=organisation, user__username="sanne").user


@pytest.fixture
def demo(transactional_db) -> Round:
    """The demo's gemeente, users and rounds (`manage.py demo`); returns its round."""
    call_command("demo", stdout=io.StringIO())
    return Round.objects.get(title=ROUND_TITLE)


@pytest.fixture
def workshop(transactional_db):
    """Sanne's round with three participants and a picture of the future for themes B and D, placed
    before the results (nobody has handed in): the round, its participants and theme D's prompt."""
    round_ = sannes_round(title="Werkbijeenkomst armoede en gezondheid")
    people = [
        services.add_participant(round_, display_name=name, domain=domain)
        for name, domain in (("Fatima", "armoede"), ("Joost", "gezondheid"), ("Dirk", "uitvoering"))
    ]
    part = future_services.save_part(
        round_,
        prompts={
            "B": "Over vier jaar weten we beter welke inwoners in armoede leven en gezondheidsproblemen hebben. "
            "Dat zien we aan …",
            "D": "Over vier jaar merken inwoners van onze aanpak van armoede en gezondheid dat …",
        },
        position="before",  # the phones have not handed in
    )
    return round_, people, part.prompts.get(theme="D")
