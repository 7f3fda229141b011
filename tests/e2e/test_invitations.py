"""The facilitator mails the participants their links from the round page."""

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from gesprekstool.rounds import services
from tests.e2e.steps import log_in
from tests.factories import sannes_round


@pytest.fixture
def invite_round(transactional_db):
    round_ = sannes_round()
    services.add_participant(round_, display_name="Fatima", domain="armoede", email="fatima@example.nl")
    services.add_participant(round_, display_name="Joost", domain="gezondheid")
    return round_


def test_facilitator_previews_and_sends_the_links(page: Page, live_server, invite_round, axe):
    log_in(page, live_server)
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


def test_facilitator_corrects_an_address_and_mails_the_new_link(page: Page, live_server, invite_round, axe):
    fatima = invite_round.participants.get(display_name="Fatima")
    old_link = f"{live_server.url}/d/{fatima.token}/"
    log_in(page, live_server)
    page.goto(f"{live_server.url}/rondes/{invite_round.pk}/")
    page.get_by_role("link", name="Gegevens wijzigen Fatima").click()
    expect(page.get_by_text("Verandert u het e-mailadres? Dan krijgt Fatima een nieuwe link")).to_be_visible()
    axe(page)

    page.get_by_label("E-mailadres").fill("fatima@example.com")
    page.get_by_role("button", name="Gegevens opslaan").click()

    expect(page.get_by_text("Daarom heeft Fatima een nieuwe link")).to_be_visible()
    expect(page.get_by_role("heading", name="Link mailen naar Fatima")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Verstuur 1 e-mail").click()
    expect(page.get_by_text("1 e-mail is verstuurd.")).to_be_visible()
    assert [m.to for m in mail.outbox] == [["fatima@example.com"]]
    assert page.request.get(old_link).status == 404
