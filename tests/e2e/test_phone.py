"""Issue 15 on a phone: every participant and join page fits 320-390 px without sideways scrolling,
also with 8 participants whose results are revealed; joining twice continues as the same person;
two tabs on the same link never overwrite each other silently."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant
from tests.e2e.steps import PHONE, fits
from tests.factories import (
    add_answered_in_bulk,
    answer_everything,
    answer_step1,
    sannes_round,
)


@pytest.fixture
def revealed_round(transactional_db):
    round_ = sannes_round(title="Bijeenkomst armoede en gezondheid met een lange titel die moet afbreken")
    add_answered_in_bulk(round_, 8)
    round_.anonymised = False
    round_.results_for_participants = True
    round_.results_revealed_at = timezone.now()
    round_.join_code = "ABC234"
    round_.save()
    return round_


@pytest.mark.parametrize("width", [320, 390])
def test_participant_and_join_pages_fit_a_phone(browser, live_server, revealed_round, axe, width):
    finished = Participant.objects.filter(round=revealed_round).first()
    fresh = services.add_participant(revealed_round, display_name="Nieuw", domain="armoede")
    halfway = services.add_participant(revealed_round, display_name="Halverwege", domain="gezondheid")
    services.mark_opened(halfway)
    answer_step1(halfway)
    reviewing = answer_everything(
        services.add_participant(revealed_round, display_name="Herzien", domain="uitvoering")
    )
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 800})
    phone = context.new_page()
    base = live_server.url
    urls = [
        f"{base}/meedoen/",
        f"{base}/meedoen/?code=ZZZ999",
        f"{base}/meedoen/abc234/",
        f"{base}/d/{fresh.token}/",
        f"{base}/d/{halfway.token}/stap-1/",
        *(f"{base}/d/{halfway.token}/stap-2/{theme}/" for theme in "ABCDEF"),
        f"{base}/d/{reviewing.token}/herzien/",
        f"{base}/d/{finished.token}/klaar/",
        f"{base}/d/{finished.token}/mijn-antwoorden/",
        f"{base}/d/niet-bestaand/",
    ]
    for url in urls:
        phone.goto(url)
        fits(phone)
        axe(phone)
    # The score table of 8 participants scrolls inside its own labelled region.
    phone.goto(f"{base}/d/{finished.token}/klaar/")
    region = phone.get_by_role("region", name="Scores per thema en deelnemer")
    expect(region).to_be_visible()
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    region.focus()
    phone.keyboard.press("ArrowRight")
    expect(region).to_be_focused()
    context.close()
    assert len(axe.checked) == len(urls)


def test_double_tap_on_join_makes_one_participant_and_reopening_continues(
    browser, live_server, revealed_round, axe
):
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    phone = context.new_page()
    phone.goto(f"{live_server.url}/meedoen/ABC234/")
    phone.get_by_label("Naam", exact=True).fill("Joost")
    phone.get_by_label("Domein").select_option(label="Gezondheid")
    button = phone.get_by_role("button", name="Meedoen")
    button.dblclick()
    expect(phone.get_by_role("button", name="Beginnen")).to_be_visible()
    assert Participant.objects.filter(round=revealed_round, display_name="Joost").count() == 1

    phone.goto(f"{live_server.url}/meedoen/ABC234/")
    fits(phone)
    axe(phone)
    phone.get_by_role("link", name="Verder als Joost").click()
    expect(phone.get_by_role("button", name="Beginnen")).to_be_visible()
    assert Participant.objects.filter(round=revealed_round, display_name="Joost").count() == 1
    context.close()


def test_two_tabs_never_overwrite_each_other_silently(browser, live_server, revealed_round, axe):
    participant = services.add_participant(revealed_round, display_name="Twee tabs", domain="armoede")
    services.mark_opened(participant)
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    first = context.new_page()
    second = context.new_page()
    step1 = f"{live_server.url}/d/{participant.token}/stap-1/"
    first.goto(step1)
    second.goto(step1)

    # Step 1: the second tab changes a score the first tab also had open.
    group = second.get_by_role("group", name=re.compile(r"^A\. "))
    group.get_by_label(re.compile(r"^4 – ")).check()
    expect(group.get_by_text(re.compile("Opgeslagen om"))).to_be_visible()
    group = first.get_by_role("group", name=re.compile(r"^A\. "))
    # click, not check: the page puts the stored answer back when the save is refused, so the
    # box may already be unticked again when Playwright would look.
    group.get_by_label(re.compile(r"^2 – ")).click()
    expect(group.get_by_text(re.compile("Niet opgeslagen"))).to_be_visible()
    expect(group.get_by_text(re.compile("Opgeslagen om"))).to_have_count(0)
    expect(group.get_by_label(re.compile(r"^4 – "))).to_be_checked()
    expect(group.get_by_role("link", name=re.compile("opnieuw laden", re.IGNORECASE))).to_be_visible()
    axe(first)
    assert participant.scores.get(theme="A").first == 4

    # Step 2: the same for a text both tabs had open.
    answer_step1(participant)
    comment = f"{live_server.url}/d/{participant.token}/stap-2/A/"
    first.goto(comment)
    second.goto(comment)
    second.get_by_label(re.compile("^Opmerkingen")).fill("Uit het tweede tabblad")
    expect(second.locator("#status-comment").get_by_text(re.compile("Opgeslagen om"))).to_be_visible()
    first.get_by_label(re.compile("^Opmerkingen")).fill("Uit het eerste tabblad")
    expect(first.locator("#status-comment").get_by_text(re.compile("Niet opgeslagen"))).to_be_visible()
    axe(first)
    assert participant.comments.get(theme="A").text == "Uit het tweede tabblad"
    context.close()


def test_long_text_shows_a_count_and_what_a_paste_lost(browser, live_server, revealed_round, axe):
    participant = services.add_participant(revealed_round, display_name="Plakker", domain="armoede")
    services.mark_opened(participant)
    context = browser.new_context(locale="nl-NL", viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone = context.new_page()
    phone.goto(f"{live_server.url}/d/{participant.token}/stap-1/")
    note = phone.get_by_role("textbox", name=re.compile("^Wat opvalt"))

    note.fill("a" * 3999)
    expect(phone.locator(".gt-counter")).to_have_count(0)
    note.press("End")
    note.type("b")
    expect(phone.get_by_text("4.000 van 5.000 tekens")).to_be_visible()

    note.fill("")
    phone.evaluate("navigator.clipboard.writeText('x'.repeat(10000))")
    note.press("Control+V")
    expect(
        phone.get_by_text(
            "5.000 van 5.000 tekens. Uw geplakte tekst was te lang: de laatste 5.000 tekens zijn weggelaten."
        )
    ).to_be_visible()
    expect(phone.locator("#status-note").get_by_text(re.compile("Opgeslagen om"))).to_be_visible()
    axe(phone)
    assert len(Participant.objects.get(pk=participant.pk).step1_note) == 5000
    context.close()
