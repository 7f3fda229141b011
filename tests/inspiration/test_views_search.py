"""Searching the inspiration library: by words, themes and tags, in pages, in a fixed number of queries."""

from http import HTTPStatus

import pytest

from tests.inspiration.pages import SEARCH, found_titles

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")


# Searching


def test_search_finds_by_words_and_ranks(facilitator_client):
    response = facilitator_client.get(SEARCH, {"q": "sudwest fryslan"})
    assert found_titles(response) == ["Súdwest-Fryslân: jeugdgezondheidszorg leert geldzorgen herkennen"]
    assert response.context["total"] == 1


def test_search_filters_by_theme_and_tags(facilitator_client):
    response = facilitator_client.get(SEARCH, {"theme": "D", "focus": ["bereiken"], "group": ["gezinnen"]})
    slugs = {e.slug for e in response.context["page"].object_list}
    assert slugs == {"rotterdam-goed-bezig", "heerlen-noord-vindplaatsen"}
    # two tags of one kind: either will do
    response = facilitator_client.get(
        SEARCH, {"focus": ["bereiken", "signaleren"], "theme": "D", "q": "Arnhem"}
    )
    assert [e.slug for e in response.context["page"].object_list] == ["arnhem-proeftuin-vroegsignalering"]


def test_search_ignores_unknown_filter_values(facilitator_client):
    response = facilitator_client.get(SEARCH, {"theme": "Q", "focus": ["nergens"], "q": "Photovoice"})
    assert response.status_code == HTTPStatus.OK
    assert [e.slug for e in response.context["page"].object_list] == [
        "vaals-photovoice",
        "bewoners-in-de-hoofdrol",
    ]


def test_search_without_anything_lists_the_library_in_pages(facilitator_client):
    response = facilitator_client.get(SEARCH)
    assert response.context["total"] == 58
    assert len(response.context["page"].object_list) == 20
    second = facilitator_client.get(SEARCH, {"pagina": 3})
    assert len(second.context["page"].object_list) == 18


def test_search_says_when_nothing_is_found(facilitator_client):
    response = facilitator_client.get(SEARCH, {"q": "xylofoonorkest"})
    assert response.context["total"] == 0
    assert "Niets gevonden" in response.content.decode()


@pytest.mark.parametrize("matching", [1, 30])
def test_search_query_count_does_not_grow(facilitator_client, django_assert_num_queries, matching):
    for n in range(matching):
        make_entry(title=f"Buurtkeuken {n}", themes="DE", tags=["bereiken", "gezinnen"])
    with django_assert_num_queries(9):  # 8 + the header's memberships (current organisation)
        response = facilitator_client.get(SEARCH, {"q": "buurtkeuken", "theme": "D", "focus": ["bereiken"]})
    assert response.context["total"] == matching
