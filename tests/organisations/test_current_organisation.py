"""The header's current organisation and the pages of one organisation: opening such a page makes its
organisation the current one, /acties/ and /voortgang/ follow the current one, and switching in the
header on such a page opens the same page of the new organisation."""

from http import HTTPStatus

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import reverse

from gesprekstool.organisations import current
from gesprekstool.organisations.current import SESSION_KEY
from gesprekstool.organisations.forms import SwitchOrganisationForm
from tests.factories import IndicatorFactory, MembershipFactory, ReaderMembershipFactory, UserFactory

# The pages of one organisation by its slug (all open to readers).
PAGES = ["follow_up:actions", "monitoring:progress", "indicators:list", "programmes:organisation"]


def page(url_name: str, organisation) -> str:
    return reverse(url_name, kwargs={"slug": organisation.slug})


def switch(client, organisation, next_url: str):
    return client.post(reverse("organisations:switch"), {"organisation": organisation.pk, "next": next_url})


@pytest.fixture
def adviser(facilitator, other_organisation):
    """The facilitator of Gemeente Testdorp is also a reader of Gemeente Elders, the first by name
    (so the current organisation until they choose)."""
    ReaderMembershipFactory(user=facilitator, organisation=other_organisation)
    return facilitator


def selected_in_header(response) -> str:
    header = response.content.decode().split('id="main"')[0]
    return header.split(" selected>")[1].split("</option>")[0]


# --- /acties/ and /voortgang/ ---------------------------------------------------------------------------


HOMES = [("follow_up:actions_home", "follow_up:actions"), ("monitoring:home", "monitoring:progress")]


@pytest.mark.parametrize(("home", "url_name"), HOMES)
def test_a_home_page_goes_to_the_first_organisation_without_a_choice(
    facilitator_client, adviser, other_organisation, home, url_name
):
    response = facilitator_client.get(reverse(home))

    assert (response.status_code, response.url) == (HTTPStatus.FOUND, page(url_name, other_organisation))


@pytest.mark.parametrize(("home", "url_name"), HOMES)
def test_a_home_page_goes_to_the_organisation_chosen_in_the_header(
    facilitator_client, adviser, organisation, home, url_name
):
    switch(facilitator_client, organisation, "/")

    response = facilitator_client.get(reverse(home))

    assert (response.status_code, response.url) == (HTTPStatus.FOUND, page(url_name, organisation))


@pytest.mark.parametrize(
    ("home", "title"), [("follow_up:actions_home", "Acties"), ("monitoring:home", "Voortgang")]
)
def test_a_home_page_without_membership_says_so(client, db, home, title):
    client.force_login(UserFactory())

    response = client.get(reverse(home))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert f'<h1 class="utrecht-heading-1">{title}</h1>' in html
    assert "U bent nog geen lid van een organisatie. Vraag een gespreksleider van uw gemeente" in html


@pytest.mark.parametrize("home", ["follow_up:actions_home", "monitoring:home"])
def test_a_home_page_asks_a_visitor_to_log_in(client, db, home):
    assert client.get(reverse(home)).url.startswith(reverse("login"))


# --- Opening a page of one organisation -------------------------------------------------------------------


@pytest.mark.parametrize("url_name", PAGES)
def test_opening_a_page_makes_its_organisation_the_current_one(
    facilitator_client, adviser, organisation, url_name
):
    response = facilitator_client.get(page(url_name, organisation))

    assert response.status_code == HTTPStatus.OK
    assert facilitator_client.session[SESSION_KEY] == organisation.pk
    assert selected_in_header(response) == "Gemeente Testdorp"
    assert facilitator_client.get(reverse("follow_up:actions_home")).url == page(
        "follow_up:actions", organisation
    )


@pytest.mark.parametrize("url_name", PAGES)
def test_a_page_of_an_organisation_the_user_is_not_in_is_404_and_keeps_the_current_one(
    facilitator_client, adviser, organisation, url_name
):
    stranger = MembershipFactory(organisation__name="Gemeente Anders", organisation__slug="anders")
    switch(facilitator_client, organisation, "/")

    for slug in [stranger.organisation.slug, "bestaat-niet"]:
        response = facilitator_client.get(reverse(url_name, kwargs={"slug": slug}))

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert facilitator_client.session[SESSION_KEY] == organisation.pk


def test_a_page_of_a_reader_follows_too_even_where_a_change_is_refused(
    facilitator_client, adviser, organisation, other_organisation
):
    switch(facilitator_client, organisation, "/")
    figure = IndicatorFactory(organisation=other_organisation)
    url = reverse("indicators:edit", kwargs={"slug": other_organisation.slug, "indicator_id": figure.pk})

    assert facilitator_client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert facilitator_client.session[SESSION_KEY] == other_organisation.pk


def request_of(user, chosen=None):
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    if chosen is not None:
        request.session[SESSION_KEY] = chosen
        request.session.modified = False
    return request


def test_follow_writes_the_session_only_when_the_organisation_changes(
    adviser, organisation, other_organisation
):
    request = request_of(adviser, chosen=organisation.pk)
    mine = {m.organisation: m for m in current.memberships(request)}

    current.follow(request, mine[organisation])
    assert (request.session.modified, request.session[SESSION_KEY]) == (False, organisation.pk)

    current.follow(request, mine[other_organisation])
    assert (request.session.modified, request.session[SESSION_KEY]) == (True, other_organisation.pk)


def test_follow_does_not_write_the_first_organisation_that_is_current_without_a_choice(
    adviser, other_organisation
):
    request = request_of(adviser)

    current.follow(request, current.memberships(request)[0])

    assert (request.session.modified, SESSION_KEY in request.session) == (False, False)


@pytest.mark.parametrize(("current_one", "queries"), [("testdorp", 6), ("elders", 9)])
def test_opening_a_page_saves_the_session_only_for_another_organisation(
    facilitator_client, adviser, organisation, django_assert_num_queries, current_one, queries
):
    switch(facilitator_client, adviser.memberships.get(organisation__slug=current_one).organisation, "/")

    # Session, user, the memberships, the owners, the departments, the actions; saving the session is
    # 3 more (in a test's transaction: savepoint, update, release).
    with django_assert_num_queries(queries):
        facilitator_client.get(page("follow_up:actions", organisation))


# --- Switching in the header on such a page -----------------------------------------------------------------


@pytest.mark.parametrize("url_name", PAGES)
def test_switching_on_a_page_of_one_organisation_opens_that_page_of_the_new_one(
    facilitator_client, adviser, organisation, other_organisation, url_name
):
    facilitator_client.get(page(url_name, organisation))

    response = switch(facilitator_client, other_organisation, page(url_name, organisation) + "?thema=A")

    assert (response.status_code, response.url) == (HTTPStatus.FOUND, page(url_name, other_organisation))
    assert facilitator_client.session[SESSION_KEY] == other_organisation.pk
    assert facilitator_client.get(response.url).status_code == HTTPStatus.OK


def test_switching_on_a_page_of_one_figure_lands_on_the_rounds(facilitator_client, adviser, organisation):
    figure = IndicatorFactory(organisation=organisation)
    url = reverse("indicators:edit", kwargs={"slug": organisation.slug, "indicator_id": figure.pk})

    response = switch(facilitator_client, organisation, url)

    assert response.url == reverse("rounds:list")


UNSAFE = [
    "https://elders.example/acties/testdorp/",
    "//elders.example/acties/testdorp/",
    "/\\elders.example/acties/testdorp/",
    "javascript:alert(1)//acties/testdorp/",
    "acties/testdorp/",
    "/acties/testdorp/../../elders.example/",
]


@pytest.mark.parametrize("next_url", UNSAFE)
def test_switching_with_an_unsafe_next_lands_on_the_rounds(
    facilitator_client, adviser, organisation, next_url
):
    response = switch(facilitator_client, organisation, next_url)

    assert (response.status_code, response.url) == (HTTPStatus.FOUND, reverse("rounds:list"))
    assert facilitator_client.session[SESSION_KEY] == organisation.pk


@pytest.mark.parametrize(
    ("next_url", "url_name"),
    [("/acties/testdorp/?eigenaar=X", "follow_up:actions"), ("/organisatie/x/cijfers/", "indicators:list")]
    + [(unsafe, "") for unsafe in UNSAFE],
)
def test_the_switch_form_keeps_only_the_url_name_of_a_page_of_this_site(
    organisation, facilitator, next_url, url_name
):
    memberships = list(facilitator.memberships.select_related("organisation"))
    form = SwitchOrganisationForm(
        {"organisation": organisation.pk, "next": next_url}, memberships=memberships
    )

    assert form.is_valid()
    assert form.cleaned_data["next"] == url_name
