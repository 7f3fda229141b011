"""Who reads what in the inspiration library: open without an account, a gemeente's own unpublished
entries for its members (and advisers) only."""

import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.inspiration import services
from gesprekstool.inspiration.models import Entry
from gesprekstool.rounds.services import mark_opened
from tests.factories import answer_step1
from tests.inspiration.pages import CREATE, INDEX, SEARCH, entry_url, found_titles

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")


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
