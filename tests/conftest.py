import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from gesprekstool.rounds import services
from gesprekstool.rounds.analysis import forget_kept

from .factories import (
    MembershipFactory,
    OrganisationFactory,
    ReaderMembershipFactory,
    created_round,
    logged_in_client,
    login_with_two_factor,
)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """PBKDF2 costs half a second per user; tests check access, not password strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_kept_analyses():
    """Every test starts without analyses kept in memory (rounds/analysis.py): the database is rolled
    back between tests, so a later test may make a round with the same id."""
    forget_kept()
    yield
    forget_kept()


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in Dutch: a request in English (LanguageMiddleware activates the browser's
    language for the thread, as Django's LocaleMiddleware does) must not carry over to the next test."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Gemeente Testdorp", slug="testdorp")


@pytest.fixture
def facilitator(organisation):
    return MembershipFactory(organisation=organisation).user


@pytest.fixture
def facilitator_client(client, facilitator):
    client.force_login(facilitator)
    return client


@pytest.fixture
def reader_client(organisation):
    """A member of the same organisation with the role "meelezer": may look, may not change."""
    return logged_in_client(ReaderMembershipFactory(organisation=organisation).user)


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Gemeente Elders", slug="elders")


@pytest.fixture
def outsider_client(other_organisation):
    """A facilitator of another organisation."""
    return logged_in_client(MembershipFactory(organisation=other_organisation).user)


@pytest.fixture
def round_(organisation, facilitator):
    return created_round(organisation, facilitator, title="Armoede en gezondheid 2026", mode="individual")


@pytest.fixture
def joint_round(organisation, facilitator):
    return created_round(organisation, facilitator, title="Samen invullen 2026", mode="joint")


@pytest.fixture
def participant(round_):
    return services.add_participant(
        round_, display_name="Fatima", domain="armoede", department="Werk en Inkomen"
    )


@pytest.fixture
def other_participant(round_, participant):
    return services.add_participant(round_, display_name="Joost", domain="gezondheid", department="GGD")


def pytest_collection_modifyitems(config, items):
    """`page` is Playwright's fixture: a server-side test that names an argument `page` silently
    starts a browser and a live server, whose open PostgreSQL connection then blocks dropping the
    test database. Refuse such tests outright."""
    for item in items:
        if "page" in getattr(item, "fixturenames", ()) and "/e2e/" not in str(item.path):
            raise pytest.UsageError(f"{item.nodeid}: name the argument something else than `page`.")


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's admin client, with the second login step done: the admin always asks for it."""
    client = Client()
    login_with_two_factor(client, admin_user)
    return client


@pytest.fixture(autouse=True)
def export_builds_inline(settings):
    """Exports that production prepares in a thread after the request are built within the request
    in tests: the thread could not see the test's uncommitted data (tests/reports/test_builds.py)."""
    settings.EXPORT_BUILDS = "inline"
