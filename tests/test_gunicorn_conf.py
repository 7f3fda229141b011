"""gunicorn's logger for `make serve`: the access log and the error log carry no link tokens."""

import datetime
import importlib
import logging
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from gunicorn.config import Config

from gesprekstool import gunicorn_conf

TOKEN = "Zq3vK8pL2mN9xR4tY7wB1cD5fG6hJ0sA"


@pytest.fixture
def gunicorn_logger():
    config = Config()
    config.set("accesslog", "-")
    logger = gunicorn_conf.RedactingLogger(config)
    yield logger
    for log in (logger.error_log, logger.access_log):
        log.filters.clear()


def test_the_access_log_line_has_no_token(gunicorn_logger, caplog):
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": f"/d/{TOKEN}/stap-1/score/A/",
        "PATH_INFO": f"/d/{TOKEN}/stap-1/score/A/",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://gesprekstool.example/d/{TOKEN}/stap-1/",
        "HTTP_USER_AGENT": "Firefox",
    }
    response = SimpleNamespace(status="200 OK", sent=111, headers=[("Content-Type", "text/html")])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])

    with caplog.at_level(logging.INFO, logger="gunicorn.access"):
        gunicorn_logger.access(response, request, environ, datetime.timedelta(milliseconds=12))

    [line] = [r.getMessage() for r in caplog.records if r.name == "gunicorn.access"]
    assert TOKEN not in line
    assert (
        '"POST /d/[verborgen]/stap-1/score/A/ HTTP/1.1" 200 111 "https://gesprekstool.example/d/[verborgen]/stap-1/"'
        in line
    )


def test_the_error_log_has_no_token(gunicorn_logger, caplog):
    with caplog.at_level(logging.ERROR, logger="gunicorn.error"):
        gunicorn_logger.error("Error handling request %s", f"/agenda-abonnement/{TOKEN}.ics")

    assert [r.getMessage() for r in caplog.records if r.name == "gunicorn.error"] == [
        "Error handling request /agenda-abonnement/[verborgen].ics"
    ]


def test_an_unclear_worker_count_stops_the_server(monkeypatch):
    with monkeypatch.context() as patched:
        patched.setenv("WEB_CONCURRENCY", "veel")
        with pytest.raises(ImproperlyConfigured) as refused:
            importlib.reload(gunicorn_conf)
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    importlib.reload(gunicorn_conf)

    assert str(refused.value) == "WEB_CONCURRENCY='veel' is not a whole number."
    assert (gunicorn_conf.workers, gunicorn_conf.control_socket_disable) == (2, True)
