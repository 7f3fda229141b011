"""`manage.py migrate_locked`: migrate, and on PostgreSQL under an advisory lock released afterwards."""

from io import StringIO

from django.core.management import call_command
from django.db import connection


def advisory_locks() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
        return cursor.fetchone()[0]


def test_migrate_locked_applies_migrations_and_releases_its_lock(db):
    out = StringIO()

    call_command("migrate_locked", verbosity=1, stdout=out)

    assert "No migrations to apply." in out.getvalue()
    if connection.vendor == "postgresql":
        assert advisory_locks() == 0
