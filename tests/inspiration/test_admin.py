"""Curating the library in the Django admin (/beheer/)."""

from http import HTTPStatus

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from gesprekstool.inspiration import search
from gesprekstool.inspiration.models import Entry, SuggestionRule, Tag

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")

CHANGELIST = reverse("admin:inspiration_entry_changelist")
# The rule add form filled in as an adviser would, without entries.
NEW_RULE = {
    "slug": "nieuw",
    "theme": "D",
    "active": "on",
    "priority": "10",
    "ticked": "7b",
    "not_ticked": "",
    "reason": "Waarom {scores}",
    "notes": "",
    "rule_entries-TOTAL_FORMS": "0",
    "rule_entries-INITIAL_FORMS": "0",
}
# The entry add form filled in as an adviser would, without tags.
NEW_ENTRY = {
    "title": "Buurtmoestuin in Oost",
    "slug": "buurtmoestuin-in-oost",
    "kind": "example",
    "organisation_name": "Gemeente Voorbeeld",
    "summary": "Bewoners met weinig geld kweken samen groente.",
    "lessons": "Gezond eten begint bij samen doen.",
    "themes": ["D"],
    "source": "",
    "source_url": "",
    "visibility": "public",
    "organisation": "",
    "position": "1000",
}


def test_advisers_see_the_library_with_filters_and_search(adviser_client):
    response = adviser_client.get(
        CHANGELIST, {"q": "Rotterdam", "status": "current", "tag_focus": "bereiken"}
    )
    assert response.status_code == HTTPStatus.OK
    titles = [e.title for e in response.context["cl"].result_list]
    assert titles == ["Goed Bezig! in Rotterdam Spangen en Tussendijken"]
    html = response.content.decode()
    assert "rol van de gemeente" in html and "doelgroep" in html  # the list filters, in Dutch


@pytest.mark.parametrize("extra", [0, 30])
def test_changelist_query_count_does_not_grow(adviser_client, django_assert_max_num_queries, extra):
    for n in range(extra):
        make_entry(title=f"Extra {n}", themes="AB")
    with django_assert_max_num_queries(20):
        response = adviser_client.get(CHANGELIST)
    assert response.status_code == HTTPStatus.OK
    assert f"\n{Entry.objects.count()} bibliotheekitems" in response.content.decode()  # the paginator


def test_non_staff_cannot_enter(facilitator_client):
    response = facilitator_client.get(CHANGELIST)
    assert response.status_code == HTTPStatus.FOUND
    assert "/beheer/login/" in response.url


def test_change_form_is_grouped_and_in_dutch(adviser_client):
    entry = Entry.objects.get(slug="rotterdam-goed-bezig")
    response = adviser_client.get(reverse("admin:inspiration_entry_change", args=[entry.pk]))
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    for heading in ["Inhoud", "Thema&#x27;s en labels", "Bron", "Publicatie", "Geschiedenis"]:
        assert heading in html
    assert "deletelink" not in html


def test_adding_in_the_admin_writes_the_search_index(adviser_client, adviser, facilitator_client):
    response = adviser_client.post(
        reverse("admin:inspiration_entry_add"),
        {**NEW_ENTRY, "tags": [Tag.objects.get(slug="bereiken").pk]},
    )
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    entry = Entry.objects.get(slug="buurtmoestuin-in-oost")
    assert entry.created_by == adviser
    assert [Entry.objects.get(pk=pk).slug for pk in search.ranked_ids("groente kweken")] == [entry.slug]
    assert LogEntry.objects.filter(object_id=str(entry.pk)).count() == 1


def test_publish_retire_and_restore_are_logged_actions(adviser_client, organisation):
    proposal = make_entry(title="Voorstel", visibility="proposed", organisation=organisation)
    adviser_client.post(CHANGELIST, {"action": "publish", "_selected_action": [proposal.pk]})
    proposal.refresh_from_db()
    assert proposal.visibility == "public"

    adviser_client.post(CHANGELIST, {"action": "retire", "_selected_action": [proposal.pk]})
    proposal.refresh_from_db()
    assert proposal.retired_at is not None
    assert Entry.objects.filter(pk=proposal.pk).exists()

    adviser_client.post(CHANGELIST, {"action": "restore", "_selected_action": [proposal.pk]})
    proposal.refresh_from_db()
    assert proposal.retired_at is None
    assert LogEntry.objects.filter(object_id=str(proposal.pk)).count() == 3


def test_retiring_in_the_change_form_keeps_the_entry(adviser_client):
    entry = Entry.objects.get(slug="vaals-photovoice")
    url = reverse("admin:inspiration_entry_change", args=[entry.pk])
    form = adviser_client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data.update(themes=[t.pk for t in entry.themes.all()], tags=[t.pk for t in entry.tags.all()])
    data.update(organisation="", source_url=entry.source_url, retired="on")
    response = adviser_client.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    entry.refresh_from_db()
    assert entry.retired_at is not None


def test_entries_cannot_be_deleted(adviser_client):
    entry = Entry.objects.get(slug="rotterdam-goed-bezig")
    response = adviser_client.post(
        reverse("admin:inspiration_entry_delete", args=[entry.pk]), {"post": "yes"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_private_entries_of_other_gemeenten_stay_hidden_in_the_admin(adviser_client, organisation):
    secret = make_entry(title="Geheim", visibility="private", organisation=organisation)
    response = adviser_client.get(CHANGELIST, {"q": "Geheim"})
    assert list(response.context["cl"].result_list) == []
    assert (
        adviser_client.get(reverse("admin:inspiration_entry_change", args=[secret.pk])).status_code
        == HTTPStatus.FOUND
    )


def test_rules_are_editable_with_their_entries(adviser_client):
    rule = SuggestionRule.objects.get(slug="d-bereiken")
    url = reverse("admin:inspiration_suggestionrule_change", args=[rule.pk])
    response = adviser_client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert "Wanneer geldt de regel?" in response.content.decode()
    assert (
        adviser_client.get(reverse("admin:inspiration_suggestionrule_changelist")).status_code
        == HTTPStatus.OK
    )


def test_a_rule_with_an_unknown_answer_code_is_refused(adviser_client):
    response = adviser_client.post(
        reverse("admin:inspiration_suggestionrule_add"),
        {**NEW_RULE, "ticked": "7x"},
    )
    assert response.status_code == HTTPStatus.OK
    assert "Geen antwoordcode van de tool: 7x" in response.content.decode()
    assert not SuggestionRule.objects.filter(slug="nieuw").exists()


def test_renaming_a_tag_reindexes_its_entries(adviser_client):
    tag = Tag.objects.get(slug="statushouders")
    adviser_client.post(
        reverse("admin:inspiration_tag_change", args=[tag.pk]),
        {"slug": tag.slug, "kind": tag.kind, "name": "Nieuwkomers", "position": tag.position},
    )
    assert "sleutelfiguren-statushouders" in [
        Entry.objects.get(pk=pk).slug for pk in search.ranked_ids("nieuwkomers")
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("slug", "met spatie"),
        ("slug", "met/slash"),
        ("source_url", "javascript:alert(1)"),
        ("source_url", "data:text/html,x"),
    ],
)
def test_the_admin_refuses_bad_slugs_and_script_addresses(adviser_client, field, value):
    response = adviser_client.post(reverse("admin:inspiration_entry_add"), {**NEW_ENTRY, field: value})

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["adminform"].form.errors) == [field]
    assert not Entry.objects.filter(title="Buurtmoestuin in Oost").exists()


@pytest.mark.parametrize(
    "reason", ["Waarom {scores.__class__}", "Waarom {scores!r}", "Waarom {0}", "Waarom {"]
)
def test_a_rule_reason_with_anything_but_plain_placeholders_is_refused(adviser_client, reason):
    response = adviser_client.post(
        reverse("admin:inspiration_suggestionrule_add"),
        {**NEW_RULE, "reason": reason},
    )
    assert response.status_code == HTTPStatus.OK
    assert list(response.context["adminform"].form.errors) == ["reason"]
    assert not SuggestionRule.objects.filter(slug="nieuw").exists()
