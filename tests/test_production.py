"""The production command (scripts/serve.sh, what `make serve` runs) for real: two gunicorn servers
with DEBUG=0 on one PostgreSQL database, as two app servers behind a load balancer. Both prepare at
once (migrations under a lock, each its own static folder), then answer: health, login page, a
compressed static file with far-future cache headers, and a participant's autosave through one
server read back through the other. No participant token reaches the servers' logs."""

import gzip
import http.client
import os
import re
import secrets
import signal
import subprocess
import time
from http import HTTPStatus
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from .servers import ON_POSTGRES, ROOT, create_round, free_port, fresh_postgres_database

START_TIMEOUT = 300  # seconds; migrate and collectstatic on a busy CI machine
FAR_FUTURE = "max-age=315360000, public, immutable"


def outside_environ() -> dict[str, str]:
    """This process's environment for a server started from the tests, without what the test run itself
    sets: the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE fails `check --deploy` (async.E001), rightly."""
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


class Server:
    """One `scripts/serve.sh` process group, its port and its log file."""

    def __init__(self, *, port: int, env: dict[str, str], log: Path):
        self.port = port
        self.log = log
        self.cookies: dict[str, str] = {}
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [str(ROOT / "scripts" / "serve.sh")],
                cwd=ROOT,
                env={**outside_environ(), **env, "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port}"},
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: gunicorn's workers stop with it
            )

    def request(self, method: str, path: str, *, body: str = "", headers: dict | None = None):
        """One request as the reverse proxy would pass it on (X-Forwarded-Proto: https), keeping
        cookies by hand: they are Secure, which a client of plain http would not send back."""
        all_headers = {"X-Forwarded-Proto": "https", **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body.encode() or None, headers=all_headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            self.cookies.update({key: morsel.value for key, morsel in cookie.items()})
        return response, content

    def wait_until_healthy(self, deadline: float) -> float:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"the server stopped ({self.process.returncode}):\n{self.output()[-4000:]}"
                )
            try:
                response, content = self.request("GET", "/gezond/")
                if response.status == HTTPStatus.OK:
                    return time.monotonic()
            except OSError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"no answer on /gezond/ within {START_TIMEOUT}s:\n{self.output()[-4000:]}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture
def production_env(tmp_path):
    with fresh_postgres_database("gt_production") as url:
        yield {
            "DATABASE_URL": url,
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),  # the same on both servers, as the README asks
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "https://127.0.0.1",
            "EMAIL_URL": "console:",
            "WEB_CONCURRENCY": "1",
            "WEB_THREADS": "2",
        }


@pytest.fixture
def two_servers(production_env, tmp_path):
    servers = []
    started = time.monotonic()
    try:
        for n in (1, 2):
            # Each its own static folder, as on two hosts; both start at once.
            env = {**production_env, "STATIC_ROOT": str(tmp_path / f"static{n}")}
            servers.append(Server(port=free_port(), env=env, log=tmp_path / f"server{n}.log"))
        deadline = started + START_TIMEOUT
        ready = [server.wait_until_healthy(deadline) for server in servers]
        print(f"both servers healthy after {max(ready) - started:.1f}s (migrate + collectstatic + gunicorn)")
        yield servers
    finally:
        for server in servers:
            server.stop()


def csrf_token(html: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1].decode()


@pytest.mark.skipif(not ON_POSTGRES, reason="two app servers share a PostgreSQL database")
def test_two_production_servers_share_one_database(two_servers, production_env):
    one, two = two_servers
    token = create_round(title="Ronde in productie", env={"DATABASE_URL": production_env["DATABASE_URL"]})

    # Health and the login page, through both.
    for server in (one, two):
        response, content = server.request("GET", "/gezond/")
        assert (response.status, content) == (HTTPStatus.OK, b"ok")
        response, login = server.request("GET", "/inloggen/")
        assert response.status == HTTPStatus.OK
        assert b'name="username"' in login

    # The site's stylesheet: hashed name, far-future headers, gzip and brotli variants.
    css = re.search(rb'href="(/static/gesprekstool/site\.[0-9a-f]{12}\.css)"', login)[1].decode()
    plain_response, plain = two.request("GET", css)
    gzip_response, gzipped = two.request("GET", css, headers={"Accept-Encoding": "gzip"})
    br_response, _ = two.request("GET", css, headers={"Accept-Encoding": "gzip, br"})
    assert plain_response.status == HTTPStatus.OK
    assert plain_response.headers["Cache-Control"] == FAR_FUTURE
    assert plain_response.headers.get("Content-Encoding") is None
    assert (gzip_response.headers["Content-Encoding"], gzip_response.headers["Cache-Control"]) == (
        "gzip",
        FAR_FUTURE,
    )
    assert gzip.decompress(gzipped) == plain
    assert br_response.headers["Content-Encoding"] == "br"
    assert int(br_response.headers["Content-Length"]) < len(plain)
    print(f"{css}: {len(plain)} bytes, gzip {len(gzipped)}, br {br_response.headers['Content-Length']}")

    # A participant opens the link on server 1 and autosaves a step-1 score there ...
    link = f"/d/{token}/"
    response, intro = one.request("GET", link)
    assert response.status == HTTPStatus.OK
    response, status = one.request(
        "POST",
        f"{link}stap-1/score/A/",
        body=f"score-A-score=4&csrfmiddlewaretoken={csrf_token(intro)}",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "HX-Request": "true",
            "Referer": f"https://127.0.0.1:{one.port}{link}stap-1/",
        },
    )
    assert response.status == HTTPStatus.OK, status.decode()

    # ... and the next page, served by server 2 (with the cookies of server 1), shows it.
    two.cookies = dict(one.cookies)
    response, step1 = two.request("GET", f"{link}stap-1/")
    assert response.status == HTTPStatus.OK
    assert re.search(rb'name="score-A-score" value="4"[^>]*checked', step1)
    assert not re.search(rb'name="score-A-score" value="[1235]"[^>]*checked', step1)

    for server in (one, two):
        server.stop()
        output = server.output()
        assert token not in output
        assert "Booting worker" in output
    assert '"POST /d/[verborgen]/stap-1/score/A/ HTTP/1.1" 200' in one.output()
    assert '"GET /d/[verborgen]/stap-1/ HTTP/1.1" 200' in two.output()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"DEBUG": "1", "SECRET_KEY": "x"},
            "scripts/serve.sh runs the production server and refuses DEBUG=1; unset it or set DEBUG=0.",
        ),
        ({"DEBUG": "0", "SECRET_KEY": ""}, "scripts/serve.sh needs SECRET_KEY: a long random value"),
    ],
)
def test_the_production_command_refuses_debug_and_a_missing_secret_key(env, message):
    result = subprocess.run(
        [str(ROOT / "scripts" / "serve.sh")],
        env={**outside_environ(), **env},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""
