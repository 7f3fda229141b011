"""The language of a page: the browser's choice (the language cookie), else Dutch; never Accept-Language."""

import pytest
from django.conf import settings
from django.urls import reverse

from gesprekstool.lib.language import language_of, supported


@pytest.mark.parametrize(
    ("code", "expected"),
    [("nl", "nl"), ("en", "en"), ("EN-gb", "en"), ("nl-be", "nl"), ("de", None), ("", None), (None, None)],
)
def test_supported_knows_the_sites_languages(code, expected):
    assert supported(code) == expected


@pytest.mark.parametrize(("code", "expected"), [("en", "en"), ("de", "nl"), (None, "nl")])
def test_language_of_falls_back_to_dutch(code, expected):
    assert language_of(code) == expected


def test_a_page_is_dutch_without_a_choice_even_for_an_english_browser(client, db):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    html = response.content.decode()
    assert '<html lang="nl"' in html
    assert ">E-mailadres of gebruikersnaam</label>" in html
    assert response["Content-Language"] == "nl"
    assert "Cookie" in response["Vary"]


def test_a_page_follows_the_language_cookie(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(reverse("login"))

    html = response.content.decode()
    assert '<html lang="en"' in html
    assert ">E-mail address or user name</label>" in html
    assert response["Content-Language"] == "en"


def test_an_unknown_language_in_the_cookie_gives_dutch(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"

    assert '<html lang="nl"' in client.get(reverse("login")).content.decode()


def test_every_page_with_a_header_has_the_switch(client, db):
    html = client.get(reverse("join_start")).content.decode()

    assert (
        '<button type="submit" name="language" value="nl" lang="nl" '
        'class="utrecht-link-button utrecht-link-button--html-button" aria-current="true">Nederlands</button>'
    ) in html
    assert (
        '<button type="submit" name="language" value="en" lang="en" '
        'class="utrecht-link-button utrecht-link-button--html-button">English</button>'
    ) in html
    assert f'<input type="hidden" name="next" value="{reverse("join_start")}">' in html
    assert 'aria-label="Taal"' in html
