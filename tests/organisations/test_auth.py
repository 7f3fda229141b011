"""Logging in with the e-mail address; resetting a forgotten password and changing it."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory, password_logs_in

PASSWORD = "geheim-wachtwoord-123"  # the factories' password
NEW_PASSWORD = "nieuw-lang-wachtwoord-77"


@pytest.fixture
def anna(db):
    return UserFactory(username="anna", email="Anna.Smit@Example.nl", first_name="Anna")


@pytest.mark.parametrize(
    "login", ["anna", "Anna.Smit@Example.nl", "anna.smit@example.nl", " ANNA.SMIT@EXAMPLE.NL "]
)
def test_log_in_with_user_name_or_e_mail_address(client, anna, login):
    response = client.post(reverse("login"), {"username": login, "password": PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(anna.pk)


def test_log_in_with_a_wrong_password_fails(client, anna):
    response = client.post(reverse("login"), {"username": "anna.smit@example.nl", "password": "fout"})

    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_an_address_shared_by_two_accounts_logs_in_nobody(client, anna):
    UserFactory(username="anna2", email="anna.smit@example.nl")

    assert not password_logs_in("anna.smit@example.nl", PASSWORD)
    assert password_logs_in("anna2", PASSWORD)


def test_login_page_asks_for_the_e_mail_address_and_links_to_reset(client, db):
    html = client.get(reverse("login")).content.decode()

    assert ">E-mailadres of gebruikersnaam</label>" in html
    assert f'href="{reverse("password_reset")}">Wachtwoord vergeten?</a>' in html


def reset_link(message) -> str:
    return re.search(r"https?://\S+/wachtwoord-vergeten/\S+/", message.body).group(0)


def test_password_reset_end_to_end(client, anna, settings):
    settings.SITE_URL = "https://gesprekstool.example"

    asked = client.post(reverse("password_reset"), {"email": "ANNA.smit@example.nl"})

    assert asked.url == reverse("password_reset_done")
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["Anna.Smit@Example.nl"], "Kies een nieuw wachtwoord voor de Gesprekstool")
    ]
    assert "U logt in met uw e-mailadres of uw gebruikersnaam (anna)." in mail.outbox[0].body
    link = reset_link(mail.outbox[0])
    assert link.startswith("https://gesprekstool.example/wachtwoord-vergeten/")
    form_page = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert "Kies een nieuw wachtwoord" in form_page.content.decode()
    assert form_page.context["validlink"] is True
    saved = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert saved.url == reverse("password_reset_complete")
    assert password_logs_in("anna.smit@example.nl", NEW_PASSWORD)
    assert not password_logs_in("anna", PASSWORD)
    reused = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert (reused.status_code, reused.context["validlink"]) == (HTTPStatus.NOT_FOUND, False)
    assert "Deze link om een nieuw wachtwoord te kiezen werkt niet meer." in reused.content.decode()


def test_password_reset_with_a_malformed_address_is_422(client, anna):
    response = client.post(reverse("password_reset"), {"email": "anna@"})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == ["email"]
    assert mail.outbox == []


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, anna):
    response = client.post(reverse("password_reset"), {"email": "onbekend@example.nl"}, follow=True)

    assert mail.outbox == []
    assert "Kijk in uw e-mail" in response.content.decode()


def test_password_reset_with_a_weak_password_keeps_the_old_one(client, anna, settings):
    client.post(reverse("password_reset"), {"email": "anna.smit@example.nl"})
    form_page = client.get(reset_link(mail.outbox[0]).removeprefix(settings.SITE_URL), follow=True)

    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "12345678", "new_password2": "12345678"}
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == ["new_password2"]
    assert get_user_model().objects.get(pk=anna.pk).check_password(PASSWORD)


def test_password_change(client, anna):
    client.force_login(anna)

    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.url == reverse("password_change_done")
    assert get_user_model().objects.get(pk=anna.pk).check_password(NEW_PASSWORD)
    assert "_auth_user_id" in client.session  # still logged in


def test_password_change_with_a_wrong_old_password_changes_nothing(client, anna):
    client.force_login(anna)

    response = client.post(
        reverse("password_change"),
        {"old_password": "fout", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == ["old_password"]
    assert get_user_model().objects.get(pk=anna.pk).check_password(PASSWORD)


def test_password_change_needs_a_login(client, db):
    response = client.get(reverse("password_change"))

    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ["password_reset", "password_reset_done", "password_reset_complete"])
def test_password_reset_pages_are_in_dutch(client, db, name):
    html = client.get(reverse(name)).content.decode()

    assert '<html lang="nl"' in html
    assert "Wachtwoord" in html or "wachtwoord" in html
