"""Issue 16: the workshop's second part. A presenter shows the wall of a theme; three phones (390 px)
write contributions and give dots; the wall updates itself, the dots reorder it, and one contribution
becomes an action of step 3 with one click."""

import re

from playwright.sync_api import Page, expect

from gesprekstool.agenda.models import Action
from gesprekstool.futures.models import FuturePart
from gesprekstool.rounds import services
from tests.e2e.steps import PHONE, fits, log_in


def test_phones_fill_the_wall_dots_reorder_it_and_one_becomes_an_action(
    page: Page, browser, live_server, workshop, axe, screenshot_dir
):
    round_, people, prompt = workshop
    page.set_viewport_size({"width": 1920, "height": 1080})
    log_in(page, live_server)
    page.goto(f"{live_server.url}/rondes/{round_.pk}/presentatie/?thema=D")
    page.get_by_role("link", name="Toekomstbeeld").click()
    # The wall's own keys work once it has loaded (a key pressed earlier reaches the presenter's page).
    expect(page.get_by_role("link", name="Volgende: thema D")).to_be_visible()
    page.wait_for_load_state("load")
    page.keyboard.press("Space")  # on to theme D, as on the presenter
    expect(page).to_have_url(re.compile(r"/toekomstbeeld/muur/\?thema=D$"))
    expect(page.get_by_role("heading", level=2)).to_have_text(prompt.text)
    axe(page)

    phones = []
    # Placed "after" the results, the first phone opens it before handing in: the page waits, and
    # opens by itself (htmx poll, no reload) once the answers are handed in.
    FuturePart.objects.filter(round=round_).update(position="after")
    for number, person in enumerate(people):
        context = browser.new_context(locale="nl-NL", viewport=PHONE)
        phone = context.new_page()
        phone.goto(f"{live_server.url}/d/{person.token}/toekomst/")
        if number == 0:
            expect(phone.get_by_role("heading", level=1)).to_have_text("Het toekomstbeeld is nog niet open")
            axe(phone)
            services.finish(person)  # handed in elsewhere, e.g. on the laptop
            expect(phone.get_by_role("heading", level=1)).to_have_text("Toekomstbeeld", timeout=10_000)
            FuturePart.objects.filter(round=round_).update(position="before")  # the others have not
        fits(phone)
        phone.get_by_role("link", name=re.compile("merken inwoners")).click()
        expect(phone.get_by_role("heading", level=1)).to_have_text(prompt.text)
        phones.append(phone)
    axe(phones[0])

    texts = [
        "Ze vinden sneller de weg naar hulp",
        "Eén loket voor geld en gezondheid",
        "De huisarts vraagt naar geldzorgen",
    ]
    for phone, text in zip(phones, texts, strict=True):
        phone.get_by_label("Uw bijdrage").fill(text)
        phone.get_by_role("button", name="Op de muur zetten").click()
        expect(phone.get_by_text("Dank u. Uw bijdrage staat op de muur.")).to_be_visible()

    # The wall shows all three without a reload, in the order they came; nobody's name.
    cards = page.locator(".gt-wall__card .gt-wall__text")
    expect(cards).to_have_text(texts, timeout=10_000)
    expect(page.get_by_text("Fatima")).to_have_count(0)
    # The first phone sees the others' contributions appear, without a reload either.
    expect(phones[0].locator(".gt-future-item__text")).to_have_text(texts, timeout=10_000)

    # Two dots on the last one, one on the second: the wall puts them in that order.
    for phone in phones:
        phone.get_by_role("button", name=re.compile(f"^Stip geven\\W+{texts[2]}$")).click()
        expect(phone.get_by_text("Uw stip is gegeven.")).to_be_visible()
    phones[1].get_by_role("button", name=re.compile(f"^Stip geven\\W+{texts[1]}$")).click()
    expect(cards).to_have_text([texts[2], texts[1], texts[0]], timeout=10_000)
    expect(page.locator(".gt-wall__card .gt-wall__dots").first).to_have_text("3 stippen")

    for phone in phones:
        fits(phone)
        axe(phone)
    if screenshot_dir:
        phones[1].screenshot(path=f"{screenshot_dir}/futures-phone.png", full_page=True)

    # One click turns the top contribution into an action of step 3.
    top = page.locator(".gt-wall__card").first
    top.get_by_text("Beheren").click()
    top.get_by_label("Voorgestelde uitvoerder").fill("Wijkteam Noord")
    top.get_by_role("button", name="Op de actieagenda zetten").click()
    expect(page.get_by_text("De bijdrage staat nu als actie op de actieagenda (stap 3).")).to_be_visible()
    expect(page.locator(".gt-wall__card").first.locator(".gt-wall__on-agenda")).to_have_text(
        "op de actieagenda"
    )
    axe(page)
    if screenshot_dir:
        page.screenshot(path=f"{screenshot_dir}/futures-wall.png", full_page=True)
    action = Action.objects.get(round=round_)
    assert (action.theme, action.description, action.owner_name, action.status) == (
        "D",
        texts[2],
        "Wijkteam Noord",
        "open",
    )
    for phone in phones:
        phone.context.close()
