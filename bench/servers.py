"""The processes a benchmark run needs: a throw-away PostgreSQL, the production server
(scripts/serve.sh) and the hello-world, each stopped (by its own process group) when done."""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STARTUP_SECONDS = 300  # migrations on a busy 2-core machine take a while


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = STARTUP_SECONDS) -> None:
    """Wait until `url` answers 200; fail with the end of the log when the process dies first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} stopped ({process.returncode}):\n{tail(log)}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own localhost server
                if response.status == 200:
                    return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop(process: subprocess.Popen) -> None:
    """Stop a process we started in its own session, and its children (gunicorn's workers)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def server_env(database_url: str, port: int) -> dict[str, str]:
    """The environment of a production server on plain HTTP on localhost: DEBUG off and WhiteNoise
    as in production; only the HTTPS-only settings (redirect, secure cookies, HSTS) are off, because
    there is no TLS proxy in front of it here."""
    env = dict(os.environ)
    # Not what the test run sets for itself: the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE fails the
    # production server's `check --deploy` (async.E001), rightly.
    for name in ("DJANGO_SETTINGS_MODULE", "TEST_SQLITE_NAME", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "2"),
        GUNICORN_CMD_ARGS=f"--bind 127.0.0.1:{port}",
        VENV_BIN=str(BIN),
    )
    return env


@contextlib.contextmanager
def started(command: list[str], *, env: dict, log: Path, ready_url: str) -> Iterator[subprocess.Popen]:
    with log.open("ab") as out:
        process = subprocess.Popen(  # noqa: S603 - our own scripts
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for(ready_url, process, log)
        yield process
    finally:
        stop(process)


@contextlib.contextmanager
def app_server(database_url: str, workdir: Path, name: str) -> Iterator[tuple[str, dict]]:
    """scripts/serve.sh as in production (check --deploy, migrate, collectstatic, gunicorn).
    Yields the base URL and the environment (for tasks that must see the same database)."""
    port = free_port()
    env = server_env(database_url, port)
    base = f"http://127.0.0.1:{port}"
    command = [str(ROOT / "scripts" / "serve.sh")]
    with started(command, env=env, log=workdir / f"server-{name}.log", ready_url=f"{base}/gezond/"):
        yield base, env


@contextlib.contextmanager
def hello_server(workdir: Path) -> Iterator[str]:
    """The bare Django hello-world with the app's gunicorn settings (bench/hello_conf.py)."""
    port = free_port()
    env = server_env("sqlite://:memory:", port)
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "gunicorn"), "--config", "python:bench.hello_conf"]
    with started(command, env=env, log=workdir / "hello.log", ready_url=f"{base}/"):
        yield base


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.getuid() == 0 else command


@contextlib.contextmanager
def postgresql() -> Iterator[str]:
    """A throw-away PostgreSQL on 127.0.0.1 (as scripts/with-postgres.sh); yields DATABASE_URL."""
    bindirs = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not bindirs:
        raise RuntimeError("PostgreSQL is not installed (make install-test installs it).")
    bindir = bindirs[-1]
    port = free_port()
    datadir = Path(tempfile.mkdtemp(prefix="gesprekstool-bench-pg."))
    if os.getuid() == 0:
        shutil.chown(datadir, "postgres")

    def run(program: str, *args: str) -> None:
        subprocess.run(_as_postgres([str(bindir / program), *args]), check=True, capture_output=True)  # noqa: S603

    try:
        run("initdb", "-D", str(datadir), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        options = f"-h 127.0.0.1 -p {port} -k {datadir} -F"
        run("pg_ctl", "-D", str(datadir), "-o", options, "-l", str(datadir / "server.log"), "-w", "start")
        run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "gesprekstool")
        yield f"postgres://postgres@127.0.0.1:{port}/gesprekstool"
    finally:
        subprocess.run(  # noqa: S603
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(datadir, ignore_errors=True)
