"""Backup and restore as the README ("Running it for real") describes them: a dump of the database,
restored into a new one, still holds the rounds, readable by the application."""

import subprocess
import sys

import pytest
from django.db import connection

from .servers import (
    DATABASE_URL,
    ON_POSTGRES,
    ROOT,
    fresh_postgres_database,
    manage,
    postgres_bin,
    with_database,
)

SHOW_ROUNDS = """
from gesprekstool.rounds.models import Round
for round_ in Round.objects.order_by("pk"):
    print(round_.title, "|", round_.organisation.name, "|", round_.participants.count())
"""


def run(*command: str) -> None:
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=300)


@pytest.mark.django_db(transaction=True)  # committed for real, so that pg_dump and sqlite3 see it
@pytest.mark.skipif(not ON_POSTGRES, reason="pg_dump and pg_restore need PostgreSQL")
def test_a_pg_dump_restored_into_a_new_database_holds_the_rounds(
    tmp_path, round_, participant, other_participant
):
    source = with_database(DATABASE_URL, connection.settings_dict["NAME"])
    dump = tmp_path / "gesprekstool.dump"

    run(postgres_bin("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={source}")
    with fresh_postgres_database("gt_restore") as restored:
        run(postgres_bin("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump))
        shown = manage("shell", "--verbosity=0", "-c", SHOW_ROUNDS, env={"DATABASE_URL": restored})

    assert shown.splitlines() == ["Armoede en gezondheid 2026 | Gemeente Testdorp | 2"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(ON_POSTGRES, reason="the SQLite backup")
def test_a_sqlite_backup_copied_back_holds_the_rounds(tmp_path, round_, participant, other_participant):
    backup = tmp_path / "backup.sqlite3"
    # The README's command: SQLite's online backup, safe while the server writes.
    backup_code = f"import sqlite3; sqlite3.connect({str(connection.settings_dict['NAME'])!r}).backup(sqlite3.connect({str(backup)!r}))"

    run(sys.executable, "-c", backup_code)
    shown = manage("shell", "--verbosity=0", "-c", SHOW_ROUNDS, env={"DATABASE_URL": f"sqlite:///{backup}"})

    assert shown.splitlines() == ["Armoede en gezondheid 2026 | Gemeente Testdorp | 2"]
