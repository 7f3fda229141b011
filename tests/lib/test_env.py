"""Settings from the environment: booleans are yes or no, never "something else means False"; mail
from one URL or from the usual host/port/user/password variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from gesprekstool.lib.env import email_settings, email_settings_from_url, parse_bool

SMTP = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE = "django.core.mail.backends.console.EmailBackend"
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("true", True),
        (" Yes ", True),
        ("ON", True),
        ("0", False),
        ("False", False),
        ("no", False),
        ("off", False),
    ],
)
def test_parse_bool_understands_clear_yes_and_no(value, expected):
    assert parse_bool("DEBUG", value) is expected


@pytest.mark.parametrize("value", ["", "2", "ja", "tru", "enabled", "-1"])
def test_parse_bool_refuses_anything_else_naming_the_variable(value):
    with pytest.raises(ImproperlyConfigured) as refused:
        parse_bool("EMAIL_USE_TLS", value)

    assert str(refused.value).startswith(f"EMAIL_USE_TLS={value!r} is neither true")


def test_an_unclear_debug_value_stops_start_up_with_a_message():
    environment = {**os.environ, "DEBUG": "nee"}

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        check=False,
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert "DEBUG='nee' is neither true (1, on, true, yes) nor false (0, false, no, off)." in result.stderr


def smtp(host, port, user="", password="", *, tls=False, ssl=False, timeout=30):
    return {
        "EMAIL_BACKEND": SMTP,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": tls,
        "EMAIL_USE_SSL": ssl,
        "EMAIL_TIMEOUT": timeout,
    }


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://127.0.0.1", smtp("127.0.0.1", 25)),
        ("smtp://relay.intern:2525/", smtp("relay.intern", 2525)),
        (
            "smtp://gt%40gemeente.nl:p%40ss%3Aw%2Fo@mail.gemeente.nl:587/?tls=1",
            smtp("mail.gemeente.nl", 587, "gt@gemeente.nl", "p@ss:w/o", tls=True),
        ),
        ("smtp+tls://u:p@mail.gemeente.nl", smtp("mail.gemeente.nl", 587, "u", "p", tls=True)),
        ("submission://u:p@mail.gemeente.nl", smtp("mail.gemeente.nl", 587, "u", "p", tls=True)),
        ("smtps://u:p@mail.gemeente.nl", smtp("mail.gemeente.nl", 465, "u", "p", ssl=True)),
        (
            "smtps://u:p@mail.gemeente.nl:4650?timeout=5",
            smtp("mail.gemeente.nl", 4650, "u", "p", ssl=True, timeout=5),
        ),
        ("SMTP://MAIL.gemeente.nl?tls=off", smtp("mail.gemeente.nl", 25)),
        ("console:", {"EMAIL_BACKEND": CONSOLE}),
    ],
)
def test_email_url_gives_django_mail_settings(url, expected):
    assert email_settings_from_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "smtpx://mail.gemeente.nl",
            "EMAIL_URL: unknown scheme 'smtpx'; use one of console, smtp, smtp+tls, submission, smtps.",
        ),
        (
            "mail.gemeente.nl:25",
            "EMAIL_URL: unknown scheme 'mail.gemeente.nl'; use one of console, smtp, smtp+tls, submission, smtps.",
        ),
        ("smtp://", "EMAIL_URL: the URL names no mail server host."),
        ("smtp://mail.gemeente.nl:poort", "EMAIL_URL: the port is not a number."),
        ("smtp://mail.gemeente.nl/tls", "EMAIL_URL: an SMTP URL has no path; put options after '?'."),
        (
            "smtp://mail.gemeente.nl?starttls=1",
            "EMAIL_URL: unknown option(s) starttls; known: ssl, timeout, tls.",
        ),
        (
            "smtp://mail.gemeente.nl?tls=misschien",
            "EMAIL_URL option tls='misschien' is neither true (1, on, true, yes) nor false (0, false, no, off).",
        ),
        ("smtps://mail.gemeente.nl?tls=1", "EMAIL_URL: choose TLS (STARTTLS) or SSL, not both."),
        ("smtp://mail.gemeente.nl?timeout=kort", "EMAIL_URL option timeout='kort' is not a whole number."),
    ],
)
def test_email_url_refuses_what_it_does_not_understand(url, message):
    with pytest.raises(ImproperlyConfigured) as refused:
        email_settings_from_url(url)

    assert str(refused.value) == message


def test_email_settings_from_the_separate_variables():
    environ = {
        "EMAIL_HOST": "mail.gemeente.nl",
        "EMAIL_HOST_USER": "gt",
        "EMAIL_HOST_PASSWORD": "geheim",
        "EMAIL_USE_TLS": "yes",
        "EMAIL_TIMEOUT": "10",
    }

    assert email_settings(environ) == smtp("mail.gemeente.nl", 587, "gt", "geheim", tls=True, timeout=10)


def test_email_settings_default_ports_follow_ssl_and_tls():
    assert email_settings({"EMAIL_HOST": "m", "EMAIL_USE_SSL": "1"})["EMAIL_PORT"] == 465
    assert email_settings({"EMAIL_HOST": "m"})["EMAIL_PORT"] == 25
    assert email_settings({"EMAIL_HOST": "m", "EMAIL_PORT": "2525"})["EMAIL_PORT"] == 2525


def test_email_settings_without_mail_variables_print_to_the_console():
    assert email_settings({}) == {"EMAIL_BACKEND": CONSOLE}
    assert email_settings({"EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}) == {
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"
    }
    assert email_settings({"EMAIL_URL": "smtp://m"})["EMAIL_HOST"] == "m"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"EMAIL_URL": "smtp://a", "EMAIL_HOST": "b"}, "Set EMAIL_URL or EMAIL_HOST, not both."),
        (
            {"EMAIL_HOST": "m", "EMAIL_USE_TLS": "waar"},
            "EMAIL_USE_TLS='waar' is neither true (1, on, true, yes) nor false (0, false, no, off).",
        ),
        ({"EMAIL_HOST": "m", "EMAIL_PORT": "smtp"}, "EMAIL_PORT='smtp' is not a whole number."),
        (
            {"EMAIL_HOST": "m", "EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"},
            "EMAIL_HOST: choose TLS (STARTTLS) or SSL, not both.",
        ),
    ],
)
def test_email_settings_refuse_contradictions_and_unclear_values(environ, message):
    with pytest.raises(ImproperlyConfigured) as refused:
        email_settings(environ)

    assert str(refused.value) == message
