import re
from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse

from gesprekstool.inspiration import services
from gesprekstool.inspiration.models import Entry
from gesprekstool.rounds.services import mark_opened
from tests.factories import MembershipFactory, OrganisationFactory, answer_step1

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")

INDEX = reverse("inspiration:index")
SEARCH = reverse("inspiration:search")
CREATE = reverse("inspiration:create")


def entry_url(entry):
    return reverse("inspiration:entry", kwargs={"slug": entry.slug})


def found_titles(response):
    return [e.title for e in response.context["page"].object_list]


def form_data(**overrides):
    data = {
        "title": "Financieel spreekuur bij de huisarts",
        "organisation_name": "Gemeente Testdorp",
        "kind": "example",
        "summary": "Elke dinsdag zit een schuldhulpmaatje in het gezondheidscentrum.",
        "lessons": "Begin klein en maak afspraken met de huisartsen.",
        "themes": ["D"],
        "focus": [],
        "roles": [],
        "groups": [],
        "source": "",
        "source_url": "",
        "visibility": "private",
    }
    return {**data, **overrides}


def tag_ids(*slugs):
    from gesprekstool.inspiration.models import Tag  # noqa: PLC0415

    return [t.pk for t in Tag.objects.filter(slug__in=slugs)]


# Without an account: part 2 of the tool is open, writing is not


@pytest.mark.parametrize(
    "url",
    [CREATE, reverse("inspiration:edit", kwargs={"slug": "rotterdam-goed-bezig"})],
)
def test_adding_and_editing_ask_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    "url",
    [
        INDEX,
        SEARCH,
        reverse("inspiration:theme", kwargs={"code": "D"}),
        reverse("inspiration:background"),
        reverse("inspiration:entry", kwargs={"slug": "rotterdam-goed-bezig"}),
    ],
)
def test_reading_pages_are_open_without_an_account(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Eigen praktijk delen" not in html
    assert "Uitloggen" not in html


def private_and_proposed(organisation, other_organisation) -> list[Entry]:
    """Unpublished entries of two gemeenten, every one on theme D and about "huiskamergesprekken"."""
    return [
        make_entry(
            title=f"{visibility} van {org.name}",
            summary="Over huiskamergesprekken.",
            themes="D",
            tags=["bereiken"],
            visibility=visibility,
            organisation=org,
        )
        for org in (organisation, other_organisation)
        for visibility in ("private", "proposed")
    ]


def test_without_an_account_no_unpublished_entry_shows(client, organisation, other_organisation):
    hidden = private_and_proposed(organisation, other_organisation)
    public = make_entry(title="Openbaar spreekuur", summary="Over huiskamergesprekken.", themes="D")
    hidden_titles = {e.title for e in hidden}

    for entry in hidden:
        assert client.get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(entry_url(public)).status_code == HTTPStatus.OK

    index = client.get(INDEX)
    assert index.context["own_entries"] == []
    assert index.context["themes"][3].entry_count == 23  # the 22 shipped on theme D + the public one
    theme = client.get(reverse("inspiration:theme", kwargs={"code": "D"}))
    assert hidden_titles & {e.title for e in theme.context["entries"]} == set()
    assert found_titles(client.get(SEARCH, {"q": "huiskamergesprekken"})) == ["Openbaar spreekuur"]
    everything = client.get(SEARCH, {"theme": "D", "focus": ["bereiken"]})
    assert hidden_titles & {e.title for e in everything.context["page"].object_list} == set()
    related = client.get(entry_url(public)).context["related"]
    assert hidden_titles & {e.title for e in related} == set()
    for response in (index, theme, everything):
        assert all(title not in response.content.decode() for title in hidden_titles)


def test_members_still_read_their_own_unpublished_entries(
    facilitator_client, organisation, other_organisation
):
    hidden = private_and_proposed(organisation, other_organisation)
    response = facilitator_client.get(SEARCH, {"q": "huiskamergesprekken"})
    assert found_titles(response) == [hidden[0].title, hidden[1].title]
    assert facilitator_client.get(entry_url(hidden[0])).status_code == HTTPStatus.OK
    assert facilitator_client.get(entry_url(hidden[2])).status_code == HTTPStatus.NOT_FOUND


def test_a_participant_follows_more_on_this_theme_to_the_library(client, participant, organisation):
    mark_opened(participant)
    answer_step1(participant, score=4)
    make_entry(title="Ons eigen spreekuur", themes="B", visibility="private", organisation=organisation)
    step2 = client.get(reverse("fill:step2", kwargs={"key": participant.token, "theme": "B"}))
    link = re.search(r'href="([^"]+)">Meer over dit thema', step2.content.decode()).group(1)

    response = client.get(link)

    assert response.status_code == HTTPStatus.OK
    assert response.context["theme"].code == "B"
    assert "Ons eigen spreekuur" not in response.content.decode()
    assert participant.token not in response.content.decode()


@pytest.mark.parametrize("extra", [1, 25])
def test_open_pages_query_counts_do_not_grow(client, organisation, django_assert_num_queries, extra):
    for n in range(extra):
        make_entry(title=f"Buurtkeuken {n}", themes="DF", tags=["bereiken", "gezinnen"])
        make_entry(title=f"Eigen keuken {n}", themes="DF", visibility="private", organisation=organisation)
    entry = Entry.objects.get(slug="rotterdam-goed-bezig")
    with django_assert_num_queries(1):
        client.get(INDEX)
    with django_assert_num_queries(5):  # theme, entries, their themes and tags, the theme menu
        theme = client.get(reverse("inspiration:theme", kwargs={"code": "F"}))
    with django_assert_num_queries(6):  # themes, tags, the search, entries with their themes and tags
        found = client.get(SEARCH, {"q": "buurtkeuken", "theme": "D", "focus": ["bereiken"]})
    with django_assert_num_queries(5):
        client.get(SEARCH)
    with django_assert_num_queries(6):  # the entry and the related ones, each with themes and tags
        client.get(entry_url(entry))
    with django_assert_num_queries(0):
        client.get(reverse("inspiration:background"))
    assert len(theme.context["entries"]) == 5 + extra
    assert found.context["total"] == extra


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


# Access to a gemeente's own entries


def test_private_entry_is_visible_to_its_own_members_only(
    facilitator_client, reader_client, outsider_client, lone_user_client, adviser_client, organisation
):
    entry = make_entry(
        title="Geheim spreekuur",
        summary="Over huiskamergesprekken.",
        visibility="private",
        organisation=organisation,
    )
    assert facilitator_client.get(entry_url(entry)).status_code == HTTPStatus.OK
    assert reader_client.get(entry_url(entry)).status_code == HTTPStatus.OK
    assert outsider_client.get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    assert lone_user_client.get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    assert adviser_client.get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    assert found_titles(facilitator_client.get(SEARCH, {"q": "huiskamergesprekken"})) == ["Geheim spreekuur"]
    assert found_titles(outsider_client.get(SEARCH, {"q": "huiskamergesprekken"})) == []
    assert (
        outsider_client.get(reverse("inspiration:theme", kwargs={"code": "D"}))
        .context["entries"]
        .count(entry)
        == 0
    )


def test_proposed_entry_is_visible_to_its_members_and_advisers_only(
    facilitator_client, outsider_client, adviser_client, organisation
):
    entry = make_entry(title="Voorgestelde aanpak", visibility="proposed", organisation=organisation)
    heading = '<h1 class="utrecht-heading-1" lang="nl">Voorgestelde aanpak</h1>'
    assert heading in facilitator_client.get(entry_url(entry)).content.decode()
    assert heading in adviser_client.get(entry_url(entry)).content.decode()
    assert outsider_client.get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    services.publish(entry)
    assert heading in outsider_client.get(entry_url(entry)).content.decode()


def test_retired_entry_is_gone_from_the_app(facilitator_client):
    entry = Entry.objects.get(slug="vaals-photovoice")
    services.retire(entry)
    assert facilitator_client.get(entry_url(entry)).status_code == HTTPStatus.NOT_FOUND
    assert found_titles(facilitator_client.get(SEARCH, {"q": "Photovoice"})) == ["Bewoners in de hoofdrol"]


# Adding and editing your own practice


def test_facilitator_adds_a_private_practice(facilitator_client, facilitator, organisation):
    response = facilitator_client.get(CREATE)
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].initial["organisation_name"] == organisation.name
    response = facilitator_client.post(
        CREATE,
        form_data(organisation=organisation.pk, focus=tag_ids("signaleren"), groups=tag_ids("schulden")),
    )
    entry = Entry.objects.get(title="Financieel spreekuur bij de huisarts")
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == entry_url(entry)
    assert (entry.organisation, entry.visibility, entry.created_by) == (organisation, "private", facilitator)
    assert sorted(t.slug for t in entry.tags.all()) == ["schulden", "signaleren"]
    assert found_titles(facilitator_client.get(SEARCH, {"q": "schuldhulpmaatje"})) == [entry.title]


def test_facilitator_proposes_a_practice_for_everyone(
    facilitator_client, organisation, outsider_client, adviser_client
):
    facilitator_client.post(CREATE, form_data(organisation=organisation.pk, visibility="proposed"))
    entry = Entry.objects.get(title="Financieel spreekuur bij de huisarts")
    assert entry.visibility == "proposed"
    assert found_titles(outsider_client.get(SEARCH, {"q": "schuldhulpmaatje"})) == []
    assert found_titles(adviser_client.get(SEARCH, {"q": "schuldhulpmaatje"})) == [entry.title]
    assert adviser_client.get(INDEX).context["proposal_count"] == 1


def test_only_advisers_may_publish_directly(facilitator_client, organisation):
    response = facilitator_client.post(CREATE, form_data(organisation=organisation.pk, visibility="public"))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "visibility" in response.context["form"].errors
    assert not Entry.objects.filter(title="Financieel spreekuur bij de huisarts").exists()


def test_adviser_adds_a_public_entry_to_the_shared_library(adviser_client, adviser, facilitator_client):
    response = adviser_client.get(CREATE)
    assert response.status_code == HTTPStatus.OK
    response = adviser_client.post(CREATE, form_data(organisation="", visibility="public"))
    entry = Entry.objects.get(title="Financieel spreekuur bij de huisarts")
    assert response.status_code == HTTPStatus.FOUND
    assert (entry.organisation, entry.visibility, entry.created_by) == (None, "public", adviser)
    assert found_titles(facilitator_client.get(SEARCH, {"q": "schuldhulpmaatje"})) == [entry.title]


def test_a_practice_needs_a_gemeente_unless_it_is_public(adviser_client):
    response = adviser_client.post(CREATE, form_data(organisation="", visibility="private"))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "organisation" in response.context["form"].errors


def test_invalid_practice_is_not_saved(facilitator_client, organisation):
    response = facilitator_client.post(CREATE, form_data(organisation=organisation.pk, title="", themes=[]))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert set(response.context["form"].errors) == {"title", "themes"}
    assert "niet opgeslagen" in response.content.decode()


def test_cannot_add_on_behalf_of_another_organisation(facilitator_client, facilitator, other_organisation):
    MembershipFactory(user=facilitator, organisation=OrganisationFactory(), role="gespreksleider")
    response = facilitator_client.post(CREATE, form_data(organisation=other_organisation.pk))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "organisation" in response.context["form"].errors


def test_reader_and_user_without_organisation_may_not_add(reader_client, lone_user_client):
    assert reader_client.get(CREATE).status_code == HTTPStatus.FORBIDDEN
    assert reader_client.post(CREATE, form_data()).status_code == HTTPStatus.FORBIDDEN
    assert lone_user_client.get(CREATE).status_code == HTTPStatus.FORBIDDEN
    assert not Entry.objects.filter(title="Financieel spreekuur bij de huisarts").exists()


def test_facilitator_edits_own_unpublished_practice(facilitator_client, organisation):
    entry = make_entry(title="Oude titel", visibility="private", organisation=organisation)
    url = reverse("inspiration:edit", kwargs={"slug": entry.slug})
    assert facilitator_client.get(entry_url(entry)).context["can_edit"] is True
    assert facilitator_client.get(url).status_code == HTTPStatus.OK
    response = facilitator_client.post(
        url, form_data(organisation=organisation.pk, title="Nieuwe titel", visibility="proposed")
    )
    assert response.status_code == HTTPStatus.FOUND
    entry.refresh_from_db()
    assert (entry.title, entry.visibility) == ("Nieuwe titel", "proposed")
    assert found_titles(facilitator_client.get(SEARCH, {"q": "nieuwe titel"})) == ["Nieuwe titel"]


def test_edit_is_refused_to_readers_outsiders_and_on_published_entries(
    reader_client, outsider_client, facilitator_client, organisation
):
    entry = make_entry(title="Van ons", visibility="private", organisation=organisation)
    url = reverse("inspiration:edit", kwargs={"slug": entry.slug})
    assert reader_client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert (
        reader_client.post(url, form_data(organisation=organisation.pk)).status_code == HTTPStatus.FORBIDDEN
    )
    assert outsider_client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert outsider_client.post(url, form_data()).status_code == HTTPStatus.NOT_FOUND
    services.publish(entry)
    assert facilitator_client.get(url).status_code == HTTPStatus.FORBIDDEN
    shared = reverse("inspiration:edit", kwargs={"slug": "rotterdam-goed-bezig"})
    assert (
        facilitator_client.post(shared, form_data(organisation=organisation.pk)).status_code
        == HTTPStatus.FORBIDDEN
    )
    entry.refresh_from_db()
    assert entry.title == "Van ons"


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


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/rapport.pdf"],
)
def test_a_practice_with_a_non_web_address_is_refused(facilitator_client, organisation, url):
    response = facilitator_client.post(CREATE, form_data(organisation=organisation.pk, source_url=url))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["form"].errors["source_url"] == [
        "Vul een webadres in dat begint met http:// of https://."
    ]
    assert not Entry.objects.filter(title=form_data()["title"]).exists()


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
