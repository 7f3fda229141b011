"""Issue 9's journey: a host starts a gemeente, its first facilitator accepts the invitation from the
mail, turns on two-step login, logs in again with a code and invites a reader; the reader sees the
results of a round but cannot change step 3. axe-core checks every page on the way."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from gesprekstool.organisations.models import Membership, Organisation
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Round
from tests.e2e.steps import app_code, log_in
from tests.factories import HELD_ON, UserFactory

ANNA = "anna.jansen@nieuwdorp.example"
BEN = "ben.smit@nieuwdorp.example"
ANNA_PASSWORD = "Zomer-in-Nieuwdorp-2026"
BEN_PASSWORD = "Herfst-in-Nieuwdorp-2026"


@pytest.fixture
def host(transactional_db):
    return UserFactory(username="beheerder", first_name="Hanna", last_name="Host", is_staff=True)


def link_in(mail, live_server) -> str:
    """The invitation link of a mail, pointed at the test server instead of SITE_URL."""
    link = re.search(rf"{re.escape(settings.SITE_URL)}/uitnodiging/\S+", mail.body).group(0)
    return live_server.url + link.removeprefix(settings.SITE_URL)


def log_out(page: Page) -> None:
    page.get_by_role("button", name=re.compile("^Uitloggen")).click()
    expect(page.get_by_role("heading", level=1, name="Inloggen")).to_be_visible()


def accept(page: Page, live_server, mail, *, first: str, last: str, password: str, axe) -> None:
    page.goto(link_in(mail, live_server))
    axe(page)
    page.get_by_label("Voornaam").fill(first)
    page.get_by_label("Achternaam").fill(last)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_label("Wachtwoord nog een keer").fill(password)
    page.get_by_role("button", name="Account maken en aansluiten").click()
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    axe(page)


def test_a_host_starts_a_gemeente_and_its_team_gets_going(
    page: Page, live_server, host, mailoutbox, axe, screenshot_dir
):
    # The host starts Gemeente Nieuwdorp and invites Anna as its first facilitator.
    log_in(page, live_server, "beheerder")
    page.get_by_role("link", name="Organisaties").click()
    axe(page)
    page.get_by_role("link", name="Nieuwe organisatie").click()
    axe(page)
    page.get_by_label("Naam", exact=True).fill("Gemeente Nieuwdorp")
    page.get_by_label("Korte naam").fill("nieuwdorp")
    page.get_by_label("E-mailadres van de eerste gespreksleider").fill(ANNA)
    page.get_by_role("button", name="Aanmaken en uitnodigen").click()
    expect(page.get_by_role("cell", name="Gemeente Nieuwdorp")).to_be_visible()
    axe(page)
    log_out(page)
    assert [mail.to for mail in mailoutbox] == [[ANNA]]

    # Anna accepts with a new account and turns on two-step login.
    accept(page, live_server, mailoutbox[0], first="Anna", last="Jansen", password=ANNA_PASSWORD, axe=axe)
    page.get_by_role("link", name="Account").click()
    axe(page)
    page.get_by_role("link", name="Tweestapsverificatie").click()
    axe(page)
    page.get_by_role("link", name="Tweestapsverificatie aanzetten").click()
    axe(page)
    secret = page.locator("#secret").inner_text()
    page.get_by_label("Code uit de app").fill(app_code(secret))
    page.get_by_role("button", name="Aanzetten").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    axe(page)
    log_out(page)

    # She logs in again: the password alone is not enough, the app's code is.
    log_in(page, live_server, ANNA, ANNA_PASSWORD)
    expect(page.get_by_role("heading", name="Vul uw code in")).to_be_visible()
    axe(page)
    page.get_by_label("Code").fill(app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()

    # The gemeente's first round, answered by two colleagues (made here, not the subject of this test).
    organisation = Organisation.objects.get(slug="nieuwdorp")
    anna = Membership.objects.get(organisation=organisation).user
    round_ = services.create_round(
        organisation=organisation,
        title="Armoede en gezondheid 2026",
        held_on=HELD_ON,
        mode=Round.Mode.INDIVIDUAL,
        created_by=anna,
    )
    for name, domain, score in [("Sam", "Armoede", 2), ("Noor", "Gezondheid", 4)]:
        participant = services.add_participant(round_, display_name=name, domain=domain)
        services.save_score(participant, theme="A", value=score)

    # Anna invites Ben as a reader on the Team page.
    page.get_by_role("link", name="Team").click()
    axe(page)
    page.get_by_label("E-mailadres", exact=True).fill(BEN)
    page.get_by_label("Meelezer").check()
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text(BEN).first).to_be_visible()
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/team.png", full_page=True)
    log_out(page)
    assert [mail.to for mail in mailoutbox] == [[ANNA], [BEN]]

    # Ben accepts, sees the results, and finds no way to change step 3.
    accept(page, live_server, mailoutbox[1], first="Ben", last="Smit", password=BEN_PASSWORD, axe=axe)
    page.get_by_role("link", name="Armoede en gezondheid 2026").click()
    axe(page)
    page.goto(f"{live_server.url}/rondes/{round_.pk}/resultaten/")
    expect(page.get_by_role("heading", level=2, name="Wat opvalt")).to_be_visible()
    axe(page)
    page.goto(f"{live_server.url}/rondes/{round_.pk}/actieagenda/")
    expect(page.get_by_role("heading", name="Hoe gaan we verder")).to_be_visible()
    axe(page)
    expect(page.get_by_role("button", name="Actie toevoegen")).to_have_count(0)
    expect(page.get_by_role("button", name="Afspraken opslaan")).to_have_count(0)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/reader-agenda.png", full_page=True)
    assert Membership.objects.get(user__email=BEN).role == Membership.Role.READER
