"""manage.py create_organisation: a new gemeente and its first facilitator's invitation."""

from http import HTTPStatus
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from gesprekstool.organisations.models import Invitation, Organisation


def run(*args) -> str:
    out = StringIO()
    call_command("create_organisation", *args, stdout=out)
    return out.getvalue()


def test_without_mail_the_command_prints_a_link_that_works(db, client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    output = run("Gemeente Nieuwdorp", "--slug", "nieuwdorp", "--invite", "Anna@Nieuwdorp.nl")

    lines = output.splitlines()
    assert lines[0] == "Created Gemeente Nieuwdorp (nieuwdorp)."
    assert lines[1] == "E-mail is not set up. Send this invitation link to anna@nieuwdorp.nl yourself"
    link = lines[3]
    assert link.startswith(f"{settings.SITE_URL}/uitnodiging/")
    assert mail.outbox == []
    response = client.post(
        link.removeprefix(settings.SITE_URL),
        {
            "first_name": "Anna",
            "last_name": "Smit",
            "password1": "lang-wachtwoord-42",
            "password2": "lang-wachtwoord-42",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    organisation = Organisation.objects.get(slug="nieuwdorp")
    assert list(organisation.memberships.values_list("user__email", "role")) == [
        ("anna@nieuwdorp.nl", "gespreksleider")
    ]


def test_with_mail_the_command_sends_it(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    output = run("Gemeente Nieuwdorp", "--slug", "nieuwdorp", "--invite", "anna@nieuwdorp.nl")

    assert "Invitation mailed to anna@nieuwdorp.nl; valid until" in output
    assert "/uitnodiging/" not in output
    assert [m.to for m in mail.outbox] == [["anna@nieuwdorp.nl"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--slug", "Nieuw Dorp", "--invite", "a@example.nl"], "De korte naam “Nieuw Dorp” mag alleen"),
        (["--slug", "testdorp", "--invite", "a@example.nl"], "De korte naam “testdorp” is al in gebruik."),
        (["--slug", "nieuwdorp", "--invite", "geen-adres"], "“geen-adres” is geen geldig e-mailadres."),
    ],
)
def test_the_command_refuses_bad_input_without_a_traceback(organisation, args, message):
    with pytest.raises(CommandError) as refused:
        run("Gemeente Nieuwdorp", *args)

    assert str(refused.value).startswith(message)
    assert (Organisation.objects.count(), Invitation.objects.count()) == (1, 0)
