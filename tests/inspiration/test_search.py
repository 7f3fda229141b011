"""The same search tests run on SQLite (FTS5) and PostgreSQL (tsvector): `make test` runs both."""

import pytest

from gesprekstool.inspiration import search
from gesprekstool.inspiration.models import Entry
from gesprekstool.inspiration.services import update_entry

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")


def slugs(query: str) -> list[str]:
    return list(Entry.objects.filter(pk__in=search.ranked_ids(query)).values_list("slug", flat=True))


def ranked_slugs(query: str) -> list[str]:
    by_id = dict(Entry.objects.values_list("pk", "slug"))
    return [by_id[pk] for pk in search.ranked_ids(query)]


@pytest.mark.parametrize("query", ["sudwest fryslan", "Súdwest-Fryslân", "SUDWEST-FRYSLAN", "fryslân"])
def test_search_ignores_accents_case_and_hyphens(query):
    assert "sudwest-fryslan-jgz-training" in slugs(query)


def test_search_finds_accented_text_for_a_plain_query(db):
    entry = make_entry(title="Coöperatie in Zuidwest", summary="Samen met de coöperatie.")
    assert entry.slug in slugs("cooperatie")


@pytest.mark.parametrize("query", ["schuld", "schulden", "Schulden"])
def test_search_finds_word_forms(db, query):
    only_singular = make_entry(title="Geldzorgen", summary="Eén schuld kan al stress geven.")
    only_plural = make_entry(title="Geldzorgen twee", summary="Veel schulden tegelijk.")
    found = slugs(query)
    assert only_singular.slug in found
    assert only_plural.slug in found


def test_search_finds_the_beginning_of_a_compound(db):
    entry = make_entry(title="Hulp", summary="Via de schuldhulpverlening.")
    assert entry.slug in slugs("schuld")


def test_every_word_of_the_query_must_occur():
    found = slugs("vindplaatsen spjruutcafés")
    assert found == ["heerlen-noord-vindplaatsen"]
    assert slugs("vindplaatsen photovoice") == []


def test_title_matches_rank_above_body_matches(db):
    in_body = make_entry(
        title="Iets anders", summary="Buurtkeuken hier, buurtkeuken daar, buurtkeuken overal: buurtkeuken."
    )
    in_title = make_entry(title="De buurtkeuken", summary="Samen eten in de wijk.")
    assert ranked_slugs("buurtkeuken")[:2] == [in_title.slug, in_body.slug]


def test_ranking_of_the_shipped_library_puts_the_named_example_first():
    assert ranked_slugs("Goed Bezig")[0] == "rotterdam-goed-bezig"
    assert ranked_slugs("Photovoice")[0] == "vaals-photovoice"


def test_tag_names_are_searchable_and_theme_titles_are_not():
    assert "heerlen-noord-vindplaatsen" in slugs("jonge ouders")  # the tag "Gezinnen en jonge ouders"
    assert "gennep-brede-activatie" not in slugs("schulden")  # theme A's title mentions schulden


def test_changing_an_entry_updates_the_index(db):
    entry = make_entry(title="Eerste titel", summary="Over wijkkracht.")
    assert entry.slug in slugs("wijkkracht")
    update_entry(
        entry, themes=list(entry.themes.all()), tags=[], title="Tweede titel", summary="Over buurtmoestuinen."
    )
    assert entry.slug not in slugs("wijkkracht")
    assert entry.slug in slugs("buurtmoestuin")


def test_a_query_without_words_finds_nothing():
    assert search.ranked_ids("") == []
    assert search.ranked_ids("   ") == []
    assert search.ranked_ids("de het en") == []
    assert search.ranked_ids('"*) ( ^ : --') == []


def test_search_characters_are_not_query_syntax():
    # FTS5 and tsquery operators in user input are plain text, not syntax errors.
    assert "rotterdam-goed-bezig" in slugs('Goed* "Bezig" & | ! ( ) : ^')
