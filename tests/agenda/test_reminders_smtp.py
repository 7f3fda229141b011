"""The mail settings against a real SMTP server (aiosmtpd on 127.0.0.1): `manage.py daily` sends a
due action's reminder through the server that EMAIL_URL names, logging in with its user and password."""

import datetime
import socket
from email import message_from_bytes
from email.header import decode_header, make_header
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from django.core.management import call_command
from django.core.management.base import CommandError

from gesprekstool.agenda.models import SentReminder
from gesprekstool.lib.env import email_settings_from_url
from tests.factories import ActionFactory

from .conftest import TODAY

USER = "herinneringen@testdorp.nl"
PASSWORD = "geheim@wachtwoord!"  # written percent-encoded in the URL


class Mailbox:
    """aiosmtpd handler: keeps every message it accepts, and the logins it saw."""

    def __init__(self):
        self.messages = []
        self.logins = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope)
        return "250 Message accepted"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((mechanism, login))
        return AuthResult(success=(login, password) == (USER, PASSWORD))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    mailbox = Mailbox()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=mailbox.authenticate,
        auth_require_tls=False,  # a test server without a certificate; production uses ?tls=1 or smtps
    )
    controller.start()
    try:
        yield mailbox, controller.port
    finally:
        controller.stop()


@pytest.fixture
def due_action(round_, participant):
    participant.email = "fatima@testdorp.nl"
    participant.save()
    return ActionFactory(
        round=round_, theme="A", description="Spreekuur in de wijk", owner=participant, due_on=TODAY
    )


def use_mail_url(settings, url):
    for name, value in email_settings_from_url(url).items():
        setattr(settings, name, value)
    settings.DEFAULT_FROM_EMAIL = "gesprekstool@testdorp.nl"
    settings.REMINDER_DAYS_BEFORE = 3


def test_a_reminder_arrives_at_the_smtp_server_that_email_url_names(settings, smtp_server, due_action):
    mailbox, port = smtp_server
    use_mail_url(
        settings, f"smtp://herinneringen%40testdorp.nl:geheim%40wachtwoord%21@127.0.0.1:{port}/?timeout=5"
    )
    out = StringIO()

    call_command("daily", "--only", "reminders", "--date", TODAY.isoformat(), stdout=out)

    assert len(mailbox.messages) == 1
    envelope = mailbox.messages[0]
    message = message_from_bytes(envelope.original_content)
    assert (envelope.mail_from, envelope.rcpt_tos) == ("gesprekstool@testdorp.nl", ["fatima@testdorp.nl"])
    assert (
        str(make_header(decode_header(message["Subject"])))
        == "Herinnering: 1 actie moet binnenkort klaar zijn"
    )
    assert "Spreekuur in de wijk" in message.get_payload(decode=True).decode(message.get_content_charset())
    assert [login for _, login in mailbox.logins] == [USER]
    assert "1 reminder mail(s) sent, 0 failed." in out.getvalue()
    assert SentReminder.objects.filter(recipient="fatima@testdorp.nl", date=TODAY).count() == 1


def test_a_refused_login_sends_nothing_records_nothing_and_fails_the_run(settings, smtp_server, due_action):
    mailbox, port = smtp_server
    use_mail_url(settings, f"smtp://herinneringen%40testdorp.nl:fout@127.0.0.1:{port}/?timeout=5")

    with pytest.raises(CommandError, match="reminders"):
        call_command(
            "daily", "--only", "reminders", "--date", TODAY.isoformat(), stdout=StringIO(), stderr=StringIO()
        )

    assert mailbox.messages == []
    assert SentReminder.objects.count() == 0


def test_the_next_run_sends_what_a_failed_run_could_not(settings, smtp_server, due_action):
    mailbox, port = smtp_server
    use_mail_url(settings, f"smtp://127.0.0.1:{free_port()}/?timeout=2")  # nobody listens there
    with pytest.raises(CommandError):
        call_command(
            "daily", "--only", "reminders", "--date", TODAY.isoformat(), stdout=StringIO(), stderr=StringIO()
        )
    use_mail_url(settings, f"smtp://herinneringen%40testdorp.nl:geheim%40wachtwoord%21@127.0.0.1:{port}")

    call_command(
        "daily",
        "--only",
        "reminders",
        "--date",
        (TODAY + datetime.timedelta(days=1)).isoformat(),
        stdout=StringIO(),
    )

    assert [e.rcpt_tos for e in mailbox.messages] == [["fatima@testdorp.nl"]]
