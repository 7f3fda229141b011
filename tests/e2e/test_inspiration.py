"""Issue 5's journey: from the demo round's results to the library, a search, and an adviser's addition."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from playwright.sync_api import Page, expect

from gesprekstool.demo.data import PASSWORD, USERNAME
from gesprekstool.inspiration import library
from gesprekstool.inspiration import services as entry_services
from gesprekstool.inspiration.models import Entry, Theme
from gesprekstool.rounds import services as round_services
from tests.e2e.steps import PHONE, log_in
from tests.factories import UserFactory, answer_step1


@pytest.fixture
def adviser(transactional_db):
    """A programme adviser who may add to the library. Another browser test may have emptied the tables
    (they are flushed after each one), so the library that migration 0003 loaded is imported again;
    importing is idempotent."""
    library.import_library(library.read(library.SHIPPED))
    adviser = UserFactory(username="adviseur", first_name="Anna", last_name="Adviseur", is_staff=True)
    adviser.user_permissions.set(Permission.objects.filter(content_type__app_label="inspiration"))
    return adviser


def theme_block(suggestions, label: str):
    return suggestions.locator(
        ".gt-suggestions__theme", has=suggestions.page.get_by_role("heading", name=label)
    )


def test_from_results_to_the_library_and_an_advisers_addition(
    page: Page, live_server, demo, adviser, axe, screenshot_dir
):
    # The facilitator opens the demo round's results and finds suggestions with their reasons.
    log_in(page, live_server, USERNAME, PASSWORD, axe=axe)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    page.goto(f"{live_server.url}/rondes/{demo.pk}/resultaten/")
    suggestions = page.get_by_role("region", name="Inspiratie bij uw antwoorden")
    expect(suggestions).to_be_visible()
    focus = theme_block(suggestions, "D. Focus: Signaleren, bereiken en ondersteunen")
    expect(focus).to_contain_text("het daadwerkelijk bereiken van inwoners (7b)")
    expect(theme_block(suggestions, "E. De rol van de gemeente")).to_contain_text("(10d)")
    axe(page)
    if screenshot_dir:
        suggestions.screenshot(path=f"{screenshot_dir}/inspiration-suggestions.png")

    # She follows a suggestion to the practice example.
    focus.get_by_role("link", name="Goed Bezig! in Rotterdam Spangen en Tussendijken").click()
    expect(
        page.get_by_role("heading", level=1, name="Goed Bezig! in Rotterdam Spangen en Tussendijken")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Wat kunt u ervan leren?")).to_be_visible()
    axe(page)

    # She searches the library, without accents, and filters on a focus.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Inspiratie").click()
    expect(
        page.get_by_role("heading", level=1, name="Inspiratie: praktijkvoorbeelden, lessen en tips")
    ).to_be_visible()
    axe(page)
    page.get_by_label("Zoekwoorden").fill("sudwest fryslan")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", level=2, name="1 resultaat")).to_be_visible()
    result = page.get_by_role("link", name="Súdwest-Fryslân: jeugdgezondheidszorg leert geldzorgen herkennen")
    expect(result).to_be_visible()
    axe(page)
    page.get_by_label("Zoekwoorden").fill("schulden")
    page.locator("summary", has_text="Focus").click()
    page.get_by_role("checkbox", name="Bereiken", exact=True).check()
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Goed Bezig! in Rotterdam Spangen en Tussendijken")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Over de tool").click()
    expect(page.get_by_role("heading", level=2, name="Anders besturen: vijf principes")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Thema's").click()
    page.get_by_role("link", name="E. De rol van de gemeente").click()
    expect(page.get_by_role("heading", level=1, name="E. De rol van de gemeente")).to_be_visible()
    axe(page)
    page.get_by_role("button", name=re.compile("^Uitloggen")).click()

    # A programme adviser adds an entry to the shared library, on a phone.
    page.set_viewport_size(PHONE)
    log_in(page, live_server, adviser.username, axe=axe)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    page.get_by_role("link", name="Inspiratie").first.click()
    page.get_by_role("link", name="Eigen praktijk delen").click()
    axe(page)
    page.get_by_label("Titel").fill("Buurtmoestuin met het wijkteam")
    page.get_by_label("Gemeente of organisatie").fill("Gemeente Zuidhaven")
    page.get_by_label("Samenvatting").fill(
        "Bewoners met weinig geld kweken samen groente, met hulp van het wijkteam."
    )
    page.get_by_label("Wat anderen ervan kunnen leren").fill(
        "Samen tuinieren opent het gesprek over geldzorgen."
    )
    page.get_by_label("D. Focus: Signaleren, bereiken en ondersteunen").check()
    page.get_by_role("checkbox", name="Bereiken", exact=True).check()
    expect(page.get_by_label("Openbaar: meteen publiceren in de bibliotheek")).to_be_checked()
    page.get_by_role("button", name="Praktijk opslaan").click()
    expect(page.get_by_text("Opgeslagen en gepubliceerd in de bibliotheek.")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Buurtmoestuin met het wijkteam")).to_be_visible()
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/inspiration-added-phone.png", full_page=True)

    # It shows up in search, for the adviser and for the facilitator.
    page.get_by_role("link", name="Zoeken in de bibliotheek").click()
    page.get_by_label("Zoekwoorden").fill("buurtmoestuinen")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Buurtmoestuin met het wijkteam")).to_be_visible()
    axe(page)
    assert Entry.objects.get(title="Buurtmoestuin met het wijkteam").visibility == "public"
    page.get_by_role("button", name=re.compile("^Uitloggen")).click()
    log_in(page, live_server, USERNAME, PASSWORD, axe=axe)
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    page.goto(f"{live_server.url}/inspiratie/zoeken/?q=buurtmoestuin")
    expect(page.get_by_role("link", name="Buurtmoestuin met het wijkteam")).to_be_visible()
    assert len(axe.checked) >= 12


@pytest.fixture
def participant_in_step2(transactional_db, participant):
    """A participant halfway: step 1 done. Their gemeente keeps one practice private."""
    library.import_library(library.read(library.SHIPPED))
    entry_services.create_entry(
        user=None,
        organisation=participant.round.organisation,
        themes=list(Theme.objects.filter(code="B")),
        tags=[],
        visibility=Entry.Visibility.PRIVATE,
        title="Ons eigen huiskamerspreekuur",
        organisation_name="Gemeente Testdorp",
        kind="example",
        summary="Alleen voor de eigen gemeente.",
        lessons="Nog niet gedeeld.",
        source="",
        source_url="",
    )
    round_services.mark_opened(participant)
    answer_step1(participant, score=4)
    return participant


def test_a_participant_reads_part_2_without_an_account(page: Page, live_server, participant_in_step2, axe):
    key = participant_in_step2.token
    page.goto(f"{live_server.url}{reverse('fill:step2', kwargs={'key': key, 'theme': 'B'})}")
    axe(page)

    page.get_by_role("link", name=re.compile("^Meer over dit thema")).click()
    expect(page.get_by_role("heading", level=1, name=re.compile("^B\\. "))).to_be_visible()
    axe(page)
    assert key not in page.url
    expect(page.get_by_text("Ons eigen huiskamerspreekuur")).to_have_count(0)

    page.get_by_role("link", name="Over de tool").click()
    expect(page.get_by_role("heading", level=1, name="Over de gesprekstool")).to_be_visible()
    axe(page)

    page.go_back()
    page.go_back()
    expect(page.get_by_role("heading", level=1, name=re.compile("Stap 2"))).to_be_visible()

    page.goto(f"{live_server.url}{reverse('fill:intro', kwargs={'key': key})}?intro=1")
    page.get_by_role("link", name="Praktijkvoorbeelden, lessen en tips van andere gemeenten").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("^Inspiratie"))).to_be_visible()
    axe(page)
