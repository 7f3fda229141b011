"""The shipped library: part 2 of the tool and three articles, complete and in its own words."""

import re
from pathlib import Path

import pytest

from gesprekstool.inspiration import library, text
from gesprekstool.inspiration.models import Entry, Tag, Theme

# Every practice example, lesson, tip and source of part 2, by the section of part 2 it comes from.
PART_2 = {
    "A": [
        "visie-samen-verkennen",
        "onderzoek-geldzorgen-en-gezondheid",
        "scp-armoede-in-kaart",
        "cbs-armoede-en-sociale-uitsluiting",
        "cbs-scp-databronnen",
        "nibud-referentiecijfers",
        "gezond-in-integrale-aanpak",
        "ser-opgroeien-zonder-armoede",
        "lelystad-verbinding-domeinen",
        "gennep-brede-activatie",
    ],
    "B": [
        "informatie-samen-bepalen",
        "waarstaatjegemeente-gezondheidsverschillen",
        "onderzoeksafdeling-en-ggd-monitor",
        "belangenbehartigers-en-patientenorganisaties",
        "nji-monitors-jeugdhulp",
        "divosa-schouders-eronder",
    ],
    "C": [
        "manieren-om-beleid-te-combineren",
        "utrecht-inclusief",
        "opgaven-waar-armoede-en-gezondheid-samenkomen",
        "amersfoort-gezonde-wijk",
        "beleid-maken-met-inwoners",
        "bewoners-in-de-hoofdrol",
        "pharos-checklists",
        "vaals-photovoice",
    ],
    "D": [
        # the three aims, each with its examples
        "drie-doelen-kies-een-focus",
        "doel-1-signaleren",
        "amsterdam-vroeg-eropaf",
        "lelystad-financieel-spreekuur",
        "sudwest-fryslan-jgz-training",
        "vier-domeinen-model",
        "utrecht-life-events",
        "doel-2-contact-leggen",
        "sleutelfiguren-statushouders",
        "arnhem-proeftuin-vroegsignalering",
        "ervaringsdeskundigen-in-het-wijkteam",
        "rotterdam-goed-bezig",
        "doel-3-adequaat-ondersteunen",
        "mobility-mentoring",
    ],
    "E": [
        # the six roles, each with its examples
        "rollen-van-de-gemeente",
        "rol-partner",
        "enschede-scoren-in-de-wijk",
        "deventer-voorstad-beweegt",
        "rol-initiatiefnemer",
        "rotterdam-kansrijk-opgroeien",
        "rol-opdrachtgever-sturen",
        "rotterdam-resultaatgericht-werken",
        "rol-inkoper-gemeentepolis",
        "lekker-in-je-lijf",
        "rol-facilitator",
        "leeuwarden-armoedepact",
        "rol-regelruimte",
        "city-deal-inclusieve-stad",
    ],
    "F": [
        "lelystad-een-wethouder",
        "utrecht-kwartiermaker-gezond-rondkomen",
        "randvoorwaarden-voor-een-gecombineerde-aanpak",
    ],
}
ARTICLES = ["venlo-fier-op-venlo", "heerlen-noord-vindplaatsen", "oude-ijsselstreek-vertrouwen"]
# How many entries serve each theme (an entry may serve several).
PER_THEME = {"A": 13, "B": 12, "C": 11, "D": 22, "E": 18, "F": 5}
ROLES = {"partner", "initiatiefnemer", "opdrachtgever", "inkoper", "facilitator", "regelruimte"}
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture
def entries(shipped):
    return {e.slug: e for e in Entry.objects.prefetch_related("themes", "tags")}


def test_every_part_2_entry_is_in_the_section_it_comes_from(entries):
    for code, slugs in PART_2.items():
        for slug in slugs:
            assert code in [t.code for t in entries[slug].themes.all()], slug


def test_the_library_holds_part_2_and_the_articles_and_nothing_else(entries):
    shipped = {e.slug for e in entries.values() if e.is_public and e.organisation_id is None}
    expected = {slug for slugs in PART_2.values() for slug in slugs} | set(ARTICLES)
    assert shipped == expected
    assert len(expected) == 58


def test_entries_per_theme(shipped):
    counts = {t.code: t.entries.filter(visibility="public").count() for t in Theme.objects.all()}
    assert counts == PER_THEME


def test_every_entry_is_complete(entries):
    for entry in entries.values():
        assert entry.title and entry.organisation_name and entry.summary and entry.lessons, entry.slug
        assert entry.source, entry.slug
        assert entry.themes.exists(), entry.slug


def test_the_six_roles_and_three_aims_are_tags_with_their_own_lesson(entries):
    assert ROLES <= {t.slug for t in Tag.objects.filter(kind="role")}
    assert {t.slug for t in Tag.objects.filter(kind="focus")} == {"signaleren", "bereiken", "ondersteunen"}
    for slug in [
        "rol-partner",
        "rol-initiatiefnemer",
        "rol-opdrachtgever-sturen",
        "rol-inkoper-gemeentepolis",
        "rol-facilitator",
        "rol-regelruimte",
        "doel-1-signaleren",
        "doel-2-contact-leggen",
        "doel-3-adequaat-ondersteunen",
    ]:
        assert entries[slug].kind == "lesson"


def test_each_theme_has_its_explanation(shipped):
    themes = list(Theme.objects.all())
    assert [t.code for t in themes] == list("ABCDEF")
    assert all(len(t.intro) > 150 for t in themes)


def test_articles_name_their_source(entries):
    assert "Platform31" in entries["venlo-fier-op-venlo"].source
    assert "Fennema" in entries["heerlen-noord-vindplaatsen"].source
    assert "Publiek Denken 47" in entries["oude-ijsselstreek-vertrouwen"].source


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts (shared/seeds) are not beside this checkout")
def test_texts_are_written_in_own_words():
    """No run of eight words in a summary, lesson or theme explanation is copied from the source texts."""
    words = lambda t: re.findall(r"[a-z0-9]+", text.fold(t))  # noqa: E731
    source = words(" ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("0*.txt")))
    shingles = {tuple(source[i : i + 8]) for i in range(len(source) - 7)}
    data = library.read(library.SHIPPED)
    texts = [t["intro"] for t in data["themes"]] + [
        e[f] for e in data["entries"] for f in ("summary", "lessons")
    ]
    copied = []
    for t in texts:
        w = words(t)
        copied += [" ".join(w[i : i + 8]) for i in range(len(w) - 7) if tuple(w[i : i + 8]) in shingles]
    assert copied == []
