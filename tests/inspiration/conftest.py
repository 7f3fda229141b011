import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from gesprekstool.inspiration import library, services
from gesprekstool.inspiration.models import Entry, Tag, Theme
from tests.factories import UserFactory, login_with_two_factor


@pytest.fixture
def shipped(db):
    """The shipped library. Migration 0003 loads it, but a browser test elsewhere in the run may have
    emptied the tables (TransactionTestCase flushes them), so make sure it is there."""
    if not Entry.objects.filter(slug="rotterdam-goed-bezig").exists():
        library.import_library(library.read(library.SHIPPED))


@pytest.fixture
def adviser(db):
    """A programme adviser: staff with the permissions of the inspiration app."""
    user = UserFactory(username="adviseur", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="inspiration"))
    return user


@pytest.fixture
def adviser_client(adviser):
    """Logged in with the second step: the admin asks for it."""
    client = Client()
    login_with_two_factor(client, adviser)
    return client


@pytest.fixture
def lone_user_client(db):
    """Logged in, but a member of no organisation."""
    client = Client()
    client.force_login(UserFactory(username="zonderlid"))
    return client


def make_entry(
    *, title="Een voorbeeld", themes="D", tags=(), visibility="public", organisation=None, **fields
):
    values = {
        "organisation_name": "Gemeente Testdorp",
        "kind": "example",
        "summary": "Een korte samenvatting.",
        "lessons": "Wat anderen ervan leren.",
        "source": "",
        "source_url": "",
        **fields,
    }
    return services.create_entry(
        user=None,
        organisation=organisation,
        themes=list(Theme.objects.filter(code__in=list(themes))),
        tags=list(Tag.objects.filter(slug__in=tags)),
        visibility=visibility,
        title=title,
        **values,
    )
