"""The host's pages: only staff see them; starting an organisation with its first facilitator."""

from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from gesprekstool.organisations.models import Invitation, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

LIST = reverse("organisations:staff_list")
CREATE = reverse("organisations:staff_create")


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(is_staff=True, first_name="Hanna", last_name="Host"))
    return client


def staff_urls(organisation) -> list[str]:
    return [LIST, CREATE, reverse("organisations:staff_invite", kwargs={"slug": organisation.slug})]


@pytest.mark.parametrize("index", range(3), ids=["list", "create", "invite"])
def test_staff_pages_are_404_for_a_facilitator(facilitator_client, organisation, index):
    url = staff_urls(organisation)[index]

    assert facilitator_client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert (
        facilitator_client.post(url, {"name": "X", "slug": "x", "email": "x@example.nl"}).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert (Organisation.objects.count(), Invitation.objects.count()) == (1, 0)


@pytest.mark.parametrize("index", range(3), ids=["list", "create", "invite"])
def test_staff_pages_need_a_login(client, organisation, index):
    response = client.get(staff_urls(organisation)[index])

    assert response.url.startswith(reverse("login"))


def test_staff_list_shows_every_organisation_with_its_counts(staff_client, organisation, other_organisation):
    MembershipFactory(organisation=organisation)
    MembershipFactory(organisation=organisation, role="meelezer")

    response = staff_client.get(LIST)

    rows = [
        (o.name, o.member_count, o.facilitator_count, o.pending_count)
        for o in response.context["organisations"]
    ]
    assert rows == [("Gemeente Elders", 0, 0, 0), ("Gemeente Testdorp", 2, 1, 0)]
    assert "Organisaties" in response.content.decode()


@pytest.mark.parametrize("extra", [0, 10])
def test_staff_list_query_count_does_not_grow(staff_client, organisation, django_assert_num_queries, extra):
    for _n in range(extra):
        MembershipFactory(organisation=OrganisationFactory())

    with django_assert_num_queries(4):
        response = staff_client.get(LIST)

    assert len(response.context["organisations"]) == extra + 1


def test_staff_creates_an_organisation_and_mails_the_first_facilitator(staff_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    response = staff_client.post(
        CREATE, {"name": "Gemeente Nieuwdorp", "slug": "nieuwdorp", "email": "anna@nieuwdorp.nl"}, follow=True
    )

    organisation = Organisation.objects.get(slug="nieuwdorp")
    assert response.redirect_chain == [(LIST, 302)]
    assert Invitation.objects.get().organisation == organisation
    assert [m.to for m in mail.outbox] == [["anna@nieuwdorp.nl"]]
    assert "Er is een uitnodiging verstuurd naar anna@nieuwdorp.nl." in response.content.decode()


def test_staff_create_without_mail_shows_the_link(staff_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    response = staff_client.post(
        CREATE, {"name": "Gemeente Nieuwdorp", "slug": "nieuwdorp", "email": "anna@nieuwdorp.nl"}, follow=True
    )

    html = response.content.decode()
    assert mail.outbox == []
    assert "E-mail is op deze server niet ingesteld. Stuur deze link zelf naar anna@nieuwdorp.nl:" in html
    link = html.split("anna@nieuwdorp.nl: ")[1].split("<")[0]
    assert link.startswith(f"{settings.SITE_URL}/uitnodiging/")
    assert Client().get(link.removeprefix(settings.SITE_URL)).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("slug", "testdorp"),
        ("slug", "Nieuw Dorp"),
        ("slug", "Nieuwdorp"),
        ("name", ""),
        ("email", "anna@"),
    ],
)
def test_staff_create_bad_input_is_422(staff_client, organisation, field, value):
    response = staff_client.post(
        CREATE,
        {"name": "Gemeente Nieuwdorp", "slug": "nieuwdorp", "email": "anna@nieuwdorp.nl", field: value},
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert (Organisation.objects.count(), Invitation.objects.count()) == (1, 0)


def test_staff_invites_a_facilitator_to_an_existing_organisation(staff_client, organisation):
    url = reverse("organisations:staff_invite", kwargs={"slug": organisation.slug})

    response = staff_client.post(url, {"email": "nieuw@example.nl"})

    assert response.url == LIST
    assert list(Invitation.objects.values_list("organisation__slug", "email", "role")) == [
        ("testdorp", "nieuw@example.nl", "gespreksleider")
    ]


def test_staff_invite_of_a_member_is_409(staff_client, organisation, facilitator):
    url = reverse("organisations:staff_invite", kwargs={"slug": organisation.slug})

    response = staff_client.post(url, {"email": facilitator.email})

    assert response.status_code == HTTPStatus.CONFLICT
    assert Invitation.objects.count() == 0


def test_staff_invite_to_an_unknown_organisation_is_404(staff_client, db):
    response = staff_client.get(reverse("organisations:staff_invite", kwargs={"slug": "bestaat-niet"}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_staff_create_strips_control_characters_from_the_name(staff_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    staff_client.post(
        CREATE, {"name": "Gemeente\x07 Nieuw\x1bdorp\n", "slug": "nieuwdorp", "email": "anna@nieuwdorp.nl"}
    )

    assert Organisation.objects.get(slug="nieuwdorp").name == "Gemeente Nieuwdorp"
