"""Adding and editing a practice: who may, for which organisation, and what is refused."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.inspiration import services
from gesprekstool.inspiration.models import Entry
from tests.factories import MembershipFactory, OrganisationFactory
from tests.inspiration.pages import CREATE, INDEX, SEARCH, entry_url, form_data, found_titles, tag_ids

from .conftest import make_entry

pytestmark = pytest.mark.usefixtures("shipped")


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
