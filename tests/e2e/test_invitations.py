"""The facilitator mails the participants their links from the round page."""

import datetime

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from gesprekstool.rounds import services
from tests.factories import MembershipFactory, OrganisationFactory

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def invite_round(transactional_db):
    organisation = OrganisationFactory(name="Gemeente Testdorp", slug="testdorp")
    user = MembershipFactory(organisation=organisation, user__username="sanne").user
    round_ = services.create_round(
        organisation=organisation,
        title="Bijeenkomst armoede en gezondheid",
        held_on=datetime.date(2026, 12, 1),
        mode="individual",
        created_by=user,
    )
    services.add_participant(round_, display_name="Fatima", domain="armoede", email="fatima@example.nl")
    services.add_participant(round_, display_name="Joost", domain="gezondheid")
    return round_


def test_facilitator_previews_and_sends_the_links(page: Page, live_server, invite_round, axe):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/rondes/{invite_round.pk}/")
    expect(page.get_by_text("1 deelnemer heeft geen e-mailadres")).to_be_visible()
    page.get_by_role("link", name="Links mailen", exact=True).click()
    axe(page)

    page.get_by_label("Uw inleiding").fill("Graag voor de bijeenkomst invullen.")
    page.get_by_role("button", name="Voorbeeld bijwerken").click()
    expect(page.locator(".gt-mail-preview__body")).to_contain_text("Beste Fatima,")
    expect(page.locator(".gt-mail-preview__body")).to_contain_text("Graag voor de bijeenkomst invullen.")
    page.get_by_role("button", name="Verstuur 1 e-mail").click()

    expect(page.get_by_text("1 e-mail is verstuurd.")).to_be_visible()
    expect(page.get_by_text("Link gemaild op")).to_be_visible()
    axe(page)
    assert [m.to for m in mail.outbox] == [["fatima@example.nl"]]
