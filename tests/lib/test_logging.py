"""Participant link tokens never reach a log line."""

import logging
from http import HTTPStatus

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from gesprekstool.lib.logging import RedactTokensFilter, redact
from gesprekstool.rounds import services
from gesprekstool.rounds.models import new_token

# Fixed tokens with the shape of new_token(), so the parametrised test ids are the same in every
# pytest-xdist worker (a random token per collection makes the workers disagree).
TOKEN = "HJ5J7EJvomoXd7ekg-PnkXJ7171qlF6-dLWre7OkJ88"
OTHER_TOKEN = "w8u2XN8YWkCWfv-Md8u6Fpj6idJXUpKQhc433RN_fkQ"


def test_fixed_tokens_have_the_shape_of_real_ones():
    assert len(TOKEN) == len(OTHER_TOKEN) == len(new_token()) == 43


def record(name: str, msg: str, args) -> logging.LogRecord:
    return logging.LogRecord(name, logging.WARNING, __file__, 1, msg, args, None)


def test_redact_filter_on_a_django_server_line():
    line = record("django.server", '"%s" %s %s', (f"GET /d/{TOKEN}/ HTTP/1.1", "200", "512"))

    kept = RedactTokensFilter().filter(line)

    assert kept is True
    assert line.getMessage() == '"GET /d/[verborgen]/ HTTP/1.1" 200 512'


def test_redact_filter_on_a_django_request_line():
    line = record("django.request", "Not Found: %s", (f"/d/{TOKEN}/stap-2/A/",))

    RedactTokensFilter().filter(line)

    assert line.getMessage() == "Not Found: /d/[verborgen]/stap-2/A/"


def test_redact_filter_on_django_requests_own_format():
    line = record("django.request", "%s: %s", ("Gone", f"/d/{TOKEN}/"))

    RedactTokensFilter().filter(line)

    assert line.getMessage() == "Gone: /d/[verborgen]/"


def test_redact_filter_on_a_message_without_arguments():
    line = record("gesprekstool", f"Opened https://gesprekstool.nl/d/{TOKEN}/klaar/", None)

    RedactTokensFilter().filter(line)

    assert line.getMessage() == "Opened https://gesprekstool.nl/d/[verborgen]/klaar/"


def test_redact_filter_on_mapping_arguments():
    line = record("gesprekstool", "%(path)s took %(ms)d ms", ({"path": f"/d/{TOKEN}/", "ms": 12},))

    RedactTokensFilter().filter(line)

    assert line.getMessage() == "/d/[verborgen]/ took 12 ms"


def test_redact_filter_keeps_other_arguments():
    line = record("django.server", '"%s" %s %s', ("GET /rondes/12/ HTTP/1.1", 302, 0))

    RedactTokensFilter().filter(line)

    assert line.args == ("GET /rondes/12/ HTTP/1.1", 302, 0)
    assert line.getMessage() == '"GET /rondes/12/ HTTP/1.1" 302 0'


def test_redact_filter_adds_the_redacted_request_path():
    line = record("django.request", "%s: %s", ("Not Found", f"/d/{TOKEN}/"))
    line.request = RequestFactory().get(f"/d/{TOKEN}/")

    RedactTokensFilter().filter(line)

    assert line.request_path == "/d/[verborgen]/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"/d/{TOKEN}", "/d/[verborgen]"),
        (f"/d/{TOKEN}/herzien/B/ /d/{OTHER_TOKEN}/", "/d/[verborgen]/herzien/B/ /d/[verborgen]/"),
        ("/rondes/5/samen/stap-1/", "/rondes/5/samen/stap-1/"),
        ("/gezond/", "/gezond/"),
        (f"/uitnodiging/{TOKEN}/", "/uitnodiging/[verborgen]/"),
        (f"/inloggen/?next=/uitnodiging/{TOKEN}/", "/inloggen/?next=/uitnodiging/[verborgen]/"),
        (
            "/wachtwoord-vergeten/MQ/cgx1a2-0123456789abcdef0123456789abcdef/",
            "/wachtwoord-vergeten/MQ/[verborgen]/",
        ),
        ("/wachtwoord-vergeten/verstuurd/", "/wachtwoord-vergeten/verstuurd/"),
    ],
)
def test_redact_replaces_every_token_and_nothing_else(text, expected):
    assert redact(text) == expected


# --- The configured loggers -------------------------------------------------------------------------------


class Recorder(logging.Handler):
    """A handler that keeps the formatted lines it receives."""

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def first_handler():
    """A handler placed before the configured ones on Django's request and server loggers: what it
    receives shows that redaction does not depend on which handler happens to run first."""
    recorder = Recorder()
    loggers = [
        logging.getLogger(name) for name in ("django.request", "django.server", "django.security.csrf")
    ]
    for logger in loggers:
        logger.handlers.insert(0, recorder)
    yield recorder
    for logger in loggers:
        logger.removeHandler(recorder)


def test_wrong_token_is_not_logged(client, db, caplog, first_handler):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("fill:intro", kwargs={"key": TOKEN}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Not Found: /d/[verborgen]/" in caplog.text
    assert TOKEN not in caplog.text
    assert first_handler.lines == ["Not Found: /d/[verborgen]/"]


def test_unknown_invitation_token_is_not_logged(client, db, caplog, first_handler):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("organisations:invitation", kwargs={"token": TOKEN}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert TOKEN not in caplog.text
    assert first_handler.lines == ["Not Found: /uitnodiging/[verborgen]/"]


def test_revoked_token_is_not_logged(client, participant, caplog, first_handler):
    services.revoke_link(participant)

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("fill:step1", kwargs={"key": participant.token}))

    assert response.status_code == HTTPStatus.GONE
    assert "Gone: /d/[verborgen]/stap-1/" in caplog.text
    assert participant.token not in caplog.text + "".join(first_handler.lines)


def test_token_is_not_logged_when_csrf_fails(participant, caplog, first_handler):
    client = Client(enforce_csrf_checks=True)

    with caplog.at_level(logging.WARNING):
        response = client.post(reverse("fill:start", kwargs={"key": participant.token}))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert "/d/[verborgen]/beginnen/" in caplog.text
    assert participant.token not in caplog.text + "".join(first_handler.lines)


def test_server_log_line_has_no_token(first_handler):
    logging.getLogger("django.server").info('"%s" %s %s', f"GET /d/{TOKEN}/ HTTP/1.1", "200", "512")

    assert first_handler.lines == ['"GET /d/[verborgen]/ HTTP/1.1" 200 512']
