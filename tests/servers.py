"""Helpers for the tests that run the real production command and the database tools: a fresh
PostgreSQL database beside the test database, `manage.py` in a subprocess, free ports."""

import contextlib
import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith(("postgres://", "postgresql://"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin(name: str) -> str:
    """A PostgreSQL client program of the newest installed version (the one scripts/with-postgres.sh runs)."""
    bindirs = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return str(bindirs[-1] / name) if bindirs else name


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin_connection():
    import psycopg  # noqa: PLC0415 - only on the PostgreSQL run

    return psycopg.connect(with_database(DATABASE_URL, "postgres"), autocommit=True)


@contextlib.contextmanager
def fresh_postgres_database(prefix: str) -> Iterator[str]:
    """A new, empty database on the test server (a real one, outside the test transaction, that
    other processes can see); dropped afterwards, whatever happened. Yields its URL."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(DATABASE_URL, name)
    finally:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, env: dict[str, str], timeout: float = 300) -> str:
    """Run manage.py in a subprocess with `env` added to the environment; its stdout, or fail loudly."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}"
        )
    return result.stdout


CREATE_ROUND = """
import datetime
from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds import services
organisation = Organisation.objects.create(name="Gemeente Productiedorp", slug="productiedorp")
round_ = services.create_round(
    organisation=organisation, title={title!r}, held_on=datetime.date(2026, 11, 20), mode="individual"
)
participant = services.add_participant(round_, display_name="Fatima", domain="armoede")
print(participant.token)
"""


def create_round(*, title: str, env: dict[str, str]) -> str:
    """A round with one participant in the database `env` names; returns the participant's token."""
    return manage("shell", "--verbosity=0", "-c", CREATE_ROUND.format(title=title), env=env).strip()
