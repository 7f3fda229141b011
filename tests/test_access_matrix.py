"""Every URL × every role × GET/POST, against the table in tests/access_matrix/ (issue 9).

The rows, the roles and how to add a row are described in tests/access_matrix/__init__.py.
A failing cell is named after its URL, role and method, e.g. `test_cell[rounds:close-reader-post]`.
"""

import copy
import hashlib
from http import HTTPStatus
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gesprekstool.rounds.models import Round
from tests.access_matrix import (
    CACHEABLE,
    FOREIGN,
    MATRIX,
    ROLES,
    WRITE_CREDENTIALS,
    WRONG_CREDENTIALS,
    Outcome,
    build_scenario,
    outcome,
    wrong_value,
)
from tests.factories import login_with_two_factor

# Django's admin has its own login and permissions; it gets a test of its own below.
SKIPPED_NAMESPACES = {"admin"}


def url_patterns(resolver=None, namespace: str = "", route: str = ""):
    """(name, route) of every pattern, with the namespaces of the includes it sits in."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, inner, route + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield name, route + str(pattern.pattern)


def is_static(route: str) -> bool:
    return route.startswith((settings.STATIC_URL.lstrip("/"), "^static/", "__debug__/"))


def test_every_url_has_a_row_in_the_matrix():
    patterns = [(name, route) for name, route in url_patterns() if not is_static(route)]
    unnamed = sorted(route for name, route in patterns if name is None)
    missing = sorted({name for name, _route in patterns if name and name not in MATRIX})

    assert (missing, unnamed) == ([], []), (
        f"URLs without a row in tests/access_matrix MATRIX: {missing}; "
        f"patterns without a name (give them one, then a row): {unnamed}"
    )


def test_every_row_of_the_matrix_has_a_url():
    names = {name for name, _route in url_patterns()}

    assert sorted(set(MATRIX) - names) == [], "Rows in MATRIX for URLs that no longer exist"


# --- The database before and after --------------------------------------------------------------------


def database_snapshot() -> dict[str, tuple[int, str]]:
    """Per table: the number of rows and a hash of all of them. Every table in the database, not only
    the models', so the search index and sessions count too."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(map(repr, cursor.fetchall()))
            snapshot[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return snapshot


def rows_written() -> int | None:
    """How many rows this connection has inserted, updated or deleted so far (SQLite only)."""
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT total_changes()")
        return cursor.fetchone()[0]


class Watch:
    """Which tables differ from `baseline` (the state every test starts from) after a request.

    On SQLite an unchanged write counter proves nothing changed, which spares the snapshot of the
    whole database in most cells; otherwise the snapshots decide."""

    def __init__(self, baseline: dict):
        self.baseline = baseline
        self.written = rows_written()

    def changed_tables(self) -> list[str]:
        if self.written is not None and rows_written() == self.written:
            return []
        after = database_snapshot()
        return sorted(t for t in self.baseline.keys() | after.keys() if self.baseline.get(t) != after.get(t))


def test_database_watch_sees_a_changed_row(scenario, baseline, db):
    watch = Watch(baseline)

    Round.objects.filter(pk=scenario.round).update(title="Anders")

    assert watch.changed_tables() == ["rounds_round"]


def test_database_watch_sees_no_change_without_writes(baseline, db):
    assert Watch(baseline).changed_tables() == []


# --- The cells ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scenario(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at its end; each test runs
    in a savepoint of its own (pytest-django's `db`), so no test sees another's writes."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scenario()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def cookies(scenario, django_db_blocker) -> dict[str, SimpleCookie]:
    """Each role's cookies: the logged-in roles' sessions, and what the participant's browser kept
    after opening their link. Made once, inside the module's transaction; a test that ends a session
    (logging out) does so in its own savepoint, which is rolled back."""
    jars = {}
    with django_db_blocker.unblock():
        for role in ROLES:
            client = Client()
            if role == "participant":
                client.get(reverse("fill:intro", kwargs={"key": scenario.token}))
            elif role == "staff":
                # The admin asks staff for a session verified with the second step; staff have it.
                login_with_two_factor(client, scenario.users[role])
            elif scenario.users[role] is not None:
                client.force_login(scenario.users[role])
            jars[role] = client.cookies
    return jars


@pytest.fixture(scope="module")
def baseline(scenario, cookies, django_db_blocker) -> dict:
    """The database as every test finds it: its savepoint is rolled back after each."""
    with django_db_blocker.unblock():
        return database_snapshot()


def client_for(role: str, cookies: dict[str, SimpleCookie]) -> Client:
    client = Client()
    client.cookies = copy.deepcopy(cookies[role])
    return client


def request(client: Client, method: str, url: str, data: dict):
    if method == "post":
        return client.post(url, data)
    return client.get(url)


def check_headers(response, name: str, what: str) -> None:
    """Every page (200 or 4xx, HTML) carries the Content-Security-Policy; all but the few public
    ones forbid the browser to store them (answers and links on a shared computer)."""
    status = response.status_code
    if not (status == HTTPStatus.OK or 400 <= status < 500):
        return
    if not response.get("Content-Type", "").startswith("text/html"):
        return
    assert "Content-Security-Policy" in response.headers, f"{what}: no Content-Security-Policy header"
    if name not in CACHEABLE:
        assert "no-store" in response.get("Cache-Control", ""), (
            f"{what}: Cache-Control is {response.get('Cache-Control')!r}, no-store expected"
        )


def check(response, expected: Outcome, watch: Watch | None, what: str, name: str) -> None:
    assert response.status_code == expected.status, (
        f"{what}: {response.status_code}, {expected.status} expected"
    )
    check_headers(response, name, what)
    if response.status_code == HTTPStatus.FOUND:
        login = urlsplit(response.url).path == resolve_url(settings.LOGIN_URL)
        assert login == expected.to_login, f"{what}: redirected to {response.url}"
    if watch is not None:
        changed = watch.changed_tables()
        if expected.only:
            assert changed == sorted(expected.only), f"{what}: these tables changed: {changed}"
        elif expected.writes:
            assert changed != [], f"{what}: allowed, but the database did not change (check the payload)"
        else:
            assert changed == [], f"{what}: refused, but these tables changed: {changed}"


CELLS = [
    pytest.param(
        name, query, role, method, id=f"{name}{'?' + query if query != row.query else ''}-{role}-{method}"
    )
    for name, row in MATRIX.items()
    for query in (row.query, *row.other_queries)
    for method, expect in (("get", row.get), ("post", row.post))
    if expect is not None
    for role in ROLES
]


@pytest.mark.parametrize(("name", "query", "role", "method"), CELLS)
def test_cell(scenario, cookies, baseline, db, name, query, role, method):
    row = MATRIX[name]
    expected = outcome(getattr(row, method)[role], method)
    client = client_for(role, cookies)
    url = reverse(name, kwargs=scenario.kwargs(row.kwargs))
    if query:
        url = f"{url}?{query}"
    data = row.data(scenario) if row.data and method == "post" else {}
    watch = Watch(baseline) if expected.writes is not None else None

    response = request(client, method, url, data)

    check(response, expected, watch, f"{method.upper()} {name} as {role}", name)
    if role != "facilitator" and not any(a in WRONG_CREDENTIALS for a in row.kwargs.values()):
        shown = [a for a in WRITE_CREDENTIALS if getattr(scenario, a).encode() in response.content]
        assert shown == [], f"{method.upper()} {name} shows the {role} a link to write with: {shown}"


def wrong_credential_cells():
    for name, row in MATRIX.items():
        credentials = [a for a in row.kwargs.values() if a in WRONG_CREDENTIALS]
        for method, expect in (("get", row.get), ("post", row.post)):
            # A view that refuses the method before it looks at the link answers 405 for any link.
            if expect is None or expect["participant"] == HTTPStatus.METHOD_NOT_ALLOWED:
                continue
            for attribute in credentials:
                for variant, (_source, _status, methods) in WRONG_CREDENTIALS[attribute].items():
                    if method not in methods:
                        continue
                    yield pytest.param(name, method, attribute, variant, id=f"{name}-{variant}-{method}")


@pytest.mark.parametrize(("name", "method", "attribute", "variant"), list(wrong_credential_cells()))
def test_wrong_credential(scenario, cookies, baseline, db, name, method, attribute, variant):
    """A link with a random, revoked or expired token, or a token of another kind, gets nobody in and
    changes nothing, logged in or not."""
    row = MATRIX[name]
    source, status, _methods = WRONG_CREDENTIALS[attribute][variant]
    expected = outcome((row.wrong or {}).get(variant, status), method)
    kwargs = {
        **scenario.kwargs(row.kwargs),
        **{k: wrong_value(scenario, source) for k, a in row.kwargs.items() if a == attribute},
    }
    data = row.data(scenario) if row.data and method == "post" else {}
    client = client_for("participant", cookies)
    watch = Watch(baseline)

    response = request(client, method, reverse(name, kwargs=kwargs), data)

    check(response, expected, watch, f"{method.upper()} {name} with a {variant} token", name)


def foreign_object_cells():
    for name, row in MATRIX.items():
        for method, expect in (("get", row.get), ("post", row.post)):
            if expect is None or expect["facilitator"] == HTTPStatus.METHOD_NOT_ALLOWED:
                continue
            for keyword, attribute in row.kwargs.items():
                if attribute in FOREIGN:
                    yield pytest.param(name, method, keyword, id=f"{name}-{keyword}-{method}")


@pytest.mark.parametrize(("name", "method", "keyword"), list(foreign_object_cells()))
def test_object_of_another_organisation(scenario, cookies, baseline, db, name, method, keyword):
    """The round (or link) in the URL is A's, the object in it is B's: A's facilitator gets 404."""
    row = MATRIX[name]
    kwargs = {**scenario.kwargs(row.kwargs), keyword: getattr(scenario, FOREIGN[row.kwargs[keyword]])}
    data = row.data(scenario) if row.data and method == "post" else {}
    watch = Watch(baseline)

    response = request(client_for("facilitator", cookies), method, reverse(name, kwargs=kwargs), data)

    check(
        response,
        outcome(HTTPStatus.NOT_FOUND, method),
        watch,
        f"{method.upper()} {name} with {keyword} of organisation B",
        name,
    )


# --- Django's admin ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"), [(r, HTTPStatus.OK if r == "staff" else HTTPStatus.FOUND) for r in ROLES]
)
def test_admin_index_is_for_staff_only(cookies, db, role, status):
    """Staff with a verified second step get in; everyone else goes to the admin's login, which sends
    them on to the site's login or to the app setup (the `admin_login` row)."""
    response = client_for(role, cookies).get(reverse("admin:index"))

    assert response.status_code == status
    if status == HTTPStatus.FOUND:
        assert urlsplit(response.url).path == reverse("admin:login")


def test_admin_index_asks_unverified_staff_for_the_second_step(scenario, db):
    client = Client()
    client.force_login(scenario.users["staff"])

    response = client.get(reverse("admin:index"))

    assert (response.status_code, urlsplit(response.url).path) == (HTTPStatus.FOUND, reverse("admin:login"))
