"""Issue 10's pages as people use them: a participant reads their own answers and the privacy
statement; a facilitator sees how long personal data is kept, sets the retention periods, deletes a
participant and the round, and finds both in the Logboek. axe-core checks every page."""

import json
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from gesprekstool.demo.data import PASSWORD, ROUND_TITLE, USERNAME
from gesprekstool.organisations.models import ActivityEntry, Organisation
from gesprekstool.rounds.models import Participant, Round
from tests.e2e.steps import log_in


def test_own_answers_retention_deletion_and_logboek(page: Page, live_server, demo, axe, screenshot_dir):
    round_ = demo
    fatima = round_.participants.get(display_name="Fatima El Amrani")

    # The participant, through her own link: her answers, a download, and the privacy statement.
    page.goto(f"{live_server.url}/d/{fatima.token}/")
    page.get_by_role("link", name="Mijn antwoorden").click()
    expect(page.get_by_role("heading", level=1, name="Mijn antwoorden")).to_be_visible()
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/own-answers.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Mijn antwoorden downloaden (JSON)").click()
    own = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert fatima.display_name in json.dumps(own, ensure_ascii=False)
    page.get_by_role("link", name="Privacyverklaring").first.click()
    expect(page.get_by_role("heading", level=1, name="Privacyverklaring")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Toegankelijkheidsverklaring").click()
    expect(page.get_by_role("heading", level=1, name="Toegankelijkheidsverklaring")).to_be_visible()
    axe(page)

    # The facilitator sees how long personal data is kept and shortens the period.
    log_in(page, live_server, USERNAME, PASSWORD)
    page.get_by_role("link", name=ROUND_TITLE).click()
    expect(page.get_by_role("heading", level=2, name="Persoonsgegevens")).to_be_visible()
    axe(page)
    page.get_by_role("link", name="Team").click()
    page.get_by_role("link", name="Bewaartermijnen").click()
    axe(page)
    page.get_by_label("Namen, afdelingen en e-mailadressen van deelnemers weghalen na").fill("60")
    page.get_by_role("button", name="Bewaartermijnen opslaan").click()
    expect(page.get_by_text("De bewaartermijnen zijn opgeslagen.")).to_be_visible()
    axe(page)
    assert Organisation.objects.get(pk=round_.organisation_id).participant_data_days == 60

    # Deleting a participant asks first, and takes the answers along.
    page.goto(f"{live_server.url}/rondes/{round_.pk}/")
    page.get_by_role("link", name=re.compile("^Verwijderen Fatima El Amrani")).click()
    axe(page)
    page.get_by_role("button", name=re.compile("^Ja, verwijder Fatima El Amrani")).click()
    expect(page.get_by_role("heading", level=1, name=ROUND_TITLE)).to_be_visible()
    assert not Participant.objects.filter(pk=fatima.pk).exists()

    # Deleting the round needs its exact title.
    page.get_by_role("link", name="Deze ronde verwijderen").click()
    axe(page)
    page.get_by_label("Typ de titel van de ronde om te bevestigen").fill("Een andere titel")
    page.get_by_role("button", name="De ronde definitief verwijderen").click()
    expect(page.get_by_text(re.compile("Dat is niet de titel van deze ronde"))).to_be_visible()
    axe(page)
    assert Round.objects.filter(pk=round_.pk).exists()
    page.get_by_label("Typ de titel van de ronde om te bevestigen").fill(ROUND_TITLE)
    page.get_by_role("button", name="De ronde definitief verwijderen").click()
    expect(page.get_by_role("heading", level=1, name="Rondes")).to_be_visible()
    assert not Round.objects.filter(pk=round_.pk).exists()

    # The Logboek says who did what; no names of participants, no tokens.
    page.get_by_role("link", name="Team").click()
    page.get_by_role("link", name="Logboek").click()
    expect(page.get_by_role("heading", level=1, name="Logboek")).to_be_visible()
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/logboek.png", full_page=True)
    log = page.get_by_role("main").inner_text()
    assert "Ronde verwijderd" in log
    assert "Deelnemer verwijderd" in log
    assert "Fatima" not in log
    assert fatima.token not in log
    assert set(ActivityEntry.objects.values_list("action", flat=True)) >= {
        ActivityEntry.Action.ROUND_DELETED,
        ActivityEntry.Action.PARTICIPANT_DELETED,
        ActivityEntry.Action.RETENTION_CHANGED,
    }
