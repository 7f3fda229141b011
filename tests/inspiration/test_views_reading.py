"""Browsing and reading the inspiration library: the index, theme, entry and background pages, odd data
that must not break them, and the pages in English."""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse

from gesprekstool.inspiration.models import Entry
from tests.inspiration.pages import INDEX, SEARCH, entry_url, found_titles

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")


# Browsing and reading


def test_index_shows_the_themes_with_counts(facilitator_client):
    response = facilitator_client.get(INDEX)
    assert response.status_code == HTTPStatus.OK
    themes = response.context["themes"]
    assert [t.code for t in themes] == list("ABCDEF")
    assert themes[3].entry_count == 22
    assert response.context["can_add"] is True


def test_index_is_open_to_a_user_without_organisation(lone_user_client):
    response = lone_user_client.get(INDEX)
    assert response.status_code == HTTPStatus.OK
    assert response.context["can_add"] is False
    assert "Eigen praktijk delen" not in response.content.decode()


def test_index_lists_the_organisations_own_unpublished_entries(
    facilitator_client, organisation, other_organisation
):
    mine = make_entry(title="Ons eigen spreekuur", visibility="private", organisation=organisation)
    make_entry(title="Van een ander", visibility="private", organisation=other_organisation)
    response = facilitator_client.get(INDEX)
    assert [e.title for e in response.context["own_entries"]] == [mine.title]


@pytest.mark.parametrize("own", [1, 12])
def test_index_query_count_does_not_grow(facilitator_client, organisation, django_assert_num_queries, own):
    for n in range(own):
        make_entry(
            title=f"Eigen {n}",
            themes="AD",
            tags=["bereiken"],
            visibility="private",
            organisation=organisation,
        )
    with django_assert_num_queries(8):  # 7 + the header's memberships (current organisation)
        response = facilitator_client.get(INDEX)
    assert len(response.context["own_entries"]) == own


def test_theme_page_lists_the_theme_with_its_explanation(facilitator_client):
    response = facilitator_client.get(reverse("inspiration:theme", kwargs={"code": "e"}))
    assert response.status_code == HTTPStatus.OK
    assert response.context["theme"].code == "E"
    slugs = [e.slug for e in response.context["entries"]]
    assert "rol-partner" in slugs
    assert "rotterdam-resultaatgericht-werken" in slugs
    assert response.context["theme"].intro in response.content.decode()


def test_unknown_theme_is_not_found(facilitator_client):
    assert (
        facilitator_client.get(reverse("inspiration:theme", kwargs={"code": "Z"})).status_code
        == HTTPStatus.NOT_FOUND
    )


@pytest.mark.parametrize("extra", [0, 25])
def test_theme_page_query_count_does_not_grow(facilitator_client, django_assert_num_queries, extra):
    for n in range(extra):
        make_entry(title=f"Extra {n}", themes="F", tags=["bereiken", "partner"])
    with django_assert_num_queries(8):  # 7 + the header's memberships (current organisation)
        response = facilitator_client.get(reverse("inspiration:theme", kwargs={"code": "F"}))
    assert len(response.context["entries"]) == 5 + extra


def test_entry_page_shows_summary_lessons_source_and_labels(facilitator_client):
    response = facilitator_client.get(reverse("inspiration:entry", kwargs={"slug": "rotterdam-goed-bezig"}))
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    entry = response.context["entry"]
    assert entry.lessons.split(".")[0] in html
    assert "Wat kunt u ervan leren?" in html
    assert "?focus=bereiken" in html
    assert response.context["can_edit"] is False
    assert len(response.context["related"]) == 3


def test_background_page_explains_uses_steps_and_principles(facilitator_client):
    response = facilitator_client.get(reverse("inspiration:background"))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    for text in [
        "Het onderwerp op de agenda zetten.",
        "Stap 3. Actieagenda.",
        "Werk in netwerken, met wederkerigheid.",
    ]:
        assert text in html
    assert reverse("inspiration:theme", kwargs={"code": "E"}) in html


# Odd data stored around the checks (a database edit, an old import) never makes a shared page 500


def test_an_entry_whose_slug_no_url_can_take_does_not_break_the_theme_page_and_search(facilitator_client):
    entry = make_entry(title="Vreemde korte naam", themes="A")
    Entry.objects.filter(pk=entry.pk).update(slug="met spatie/en slash")

    theme_page = facilitator_client.get(reverse("inspiration:theme", kwargs={"code": "A"}))
    search_page = facilitator_client.get(SEARCH, {"q": "Vreemde"})

    assert (theme_page.status_code, search_page.status_code) == (HTTPStatus.OK, HTTPStatus.OK)
    assert "Vreemde korte naam" in theme_page.content.decode()
    assert found_titles(search_page) == ["Vreemde korte naam"]


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.cookie)", " JAVASCRIPT:alert(1)", "data:text/html,x"]
)
def test_a_stored_script_address_is_shown_as_text_never_as_a_link(facilitator_client, url):
    entry = make_entry(title="Met bron")
    Entry.objects.filter(pk=entry.pk).update(source_url=url)

    response = facilitator_client.get(entry_url(entry))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'href="javascript' not in html.lower() and 'href=" javascript' not in html.lower()
    assert 'href="data:' not in html


# --- In English: the library's interface and theme titles are English, its content says it is Dutch ------


def test_an_entry_in_english_says_it_is_dutch(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("inspiration:entry", kwargs={"slug": "rotterdam-goed-bezig"}))

    html = response.content.decode()
    entry = response.context["entry"]
    assert '<html lang="en"' in html
    assert "This practice is described in Dutch." in html
    assert "What can you learn from it?" in html
    assert f'<h1 class="utrecht-heading-1" lang="nl">{entry.title}</h1>' in html
    assert '<p class="utrecht-paragraph" lang="nl">' in html


def test_an_entry_in_dutch_has_no_note(client):
    html = client.get(reverse("inspiration:entry", kwargs={"slug": "rotterdam-goed-bezig"})).content.decode()

    assert "in het Nederlands beschreven" not in html
    assert "In het Nederlands" not in html  # nor on the cards of the related entries


def test_a_theme_page_in_english_has_the_instruments_english_title(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("inspiration:theme", kwargs={"code": "E"}))

    html = response.content.decode()
    assert '<h1 class="utrecht-heading-1">E. The role of the municipality</h1>' in html
    assert f'<p class="utrecht-paragraph gt-lead" lang="nl">{response.context["theme"].intro}</p>' in html
    assert '<span class="utrecht-badge-data gt-kind">In Dutch</span>' in html


def test_the_index_in_english_lists_the_english_theme_titles(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get(INDEX).content.decode()

    assert ">A. Vision on poverty, debt and health</a>" in html


def test_the_background_page_in_english_says_it_is_dutch(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get(reverse("inspiration:background")).content.decode()

    assert "This page is in Dutch." in html
    assert '<div class="gt-prose" lang="nl">' in html


def test_the_background_page_in_dutch_has_no_note(client):
    html = client.get(reverse("inspiration:background")).content.decode()

    assert "Deze pagina is in het Nederlands." not in html
