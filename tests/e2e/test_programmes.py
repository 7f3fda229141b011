"""Issue 13: an adviser opens the programme page from the header, reads the figures (the chart with
its table) and makes an invitation link, with which a facilitator lets another gemeente join; a
facilitator sees the comparison on a round's results page and changes what the gemeente shares.
axe-core checks every page."""

from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from gesprekstool.demo.data import PASSWORD, ROUND_TITLE, USERNAME
from gesprekstool.demo.programme import PROGRAMME_NAME
from gesprekstool.organisations.models import Membership
from gesprekstool.programmes.models import ProgrammeMember
from tests.e2e.steps import log_in
from tests.factories import MembershipFactory, OrganisationFactory


def test_adviser_opens_the_programme_page(page: Page, live_server, demo, axe, screenshot_dir):
    log_in(page, live_server, USERNAME, PASSWORD)

    # From the header to the programmes the demo user advises, and on to the programme page.
    page.get_by_role("navigation").get_by_role("link", name="Programma's").click()
    expect(page.get_by_role("heading", level=1, name="Programma's")).to_be_visible()
    axe(page)
    page.get_by_role("link", name=PROGRAMME_NAME).click()
    expect(page.get_by_role("heading", level=1, name=PROGRAMME_NAME)).to_be_visible()
    expect(page.get_by_role("img", name="De gemiddelde scores van de gemeenten per thema")).to_be_visible()
    expect(page.get_by_role("table", name="Scores per thema als tabel")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Zwakste thema's in de regio")).to_be_visible()
    # Named gemeenten by name; those sharing anonymously never.
    expect(page.get_by_text("Gemeente Fictiedam (verzonnen)").first).to_be_visible()
    expect(page.get_by_text("Verzinsveld")).to_have_count(0)
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/programme.png", full_page=True)

    # The demo gemeente shares with its name: its results page compares the round with the programme.
    page.goto(f"{live_server.url}/rondes/")
    page.get_by_role("link", name=ROUND_TITLE).click()
    page.get_by_role("link", name="Uitkomsten").first.click()
    expect(page.get_by_role("heading", level=2, name=f"Vergeleken met {PROGRAMME_NAME}")).to_be_visible()
    axe(page)

    # The facilitator changes what the gemeente shares, on the gemeente's own page.
    page.get_by_role("link", name="Wat wij delen met programma's").click()
    page.get_by_label("De cijfers van stap 1 van onze laatste ronde, zonder onze naam").check()
    page.get_by_role("button", name="Opslaan wat wij delen").click()
    expect(page.get_by_text(f"U deelt nu met {PROGRAMME_NAME}")).to_be_visible()
    axe(page)
    assert ProgrammeMember.objects.get(organisation__slug="voorbeeldstad").sharing == "anoniem"

    # An invitation link, shown once; the demo user is also a facilitator of another gemeente and
    # lets it join, sharing nothing yet.
    page.goto(f"{live_server.url}/programmas/demo-regio/")
    page.get_by_label("Voor wie", exact=True).fill("Gemeente Oefendorp")
    page.get_by_role("button", name="Uitnodigingslink maken").click()
    link = page.get_by_label("Uitnodigingslink").input_value()
    axe(page)
    other = OrganisationFactory(name="Gemeente Oefendorp (verzonnen)", slug="oefendorp")
    MembershipFactory(
        user=Membership.objects.get(organisation__slug="voorbeeldstad").user, organisation=other
    )
    # The link is built from SITE_URL; the live server has an address of its own.
    page.goto(live_server.url + urlsplit(link).path)
    expect(page.get_by_role("heading", level=1, name=f"Meedoen aan {PROGRAMME_NAME}")).to_be_visible()
    axe(page)
    page.get_by_label("Welke organisatie doet mee").select_option(label="Gemeente Oefendorp (verzonnen)")
    page.get_by_label("Niets").check()
    page.get_by_role("button", name="Meedoen aan het programma").click()
    expect(page.get_by_role("heading", level=1, name="Programma's waar wij aan meedoen")).to_be_visible()
    axe(page)
    assert ProgrammeMember.objects.get(organisation=other).sharing == "niets"
