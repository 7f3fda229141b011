from http import HTTPStatus

import pytest

from gesprekstool.statements.models import Statement
from gesprekstool.statements.text import Block, blocks
from tests.factories import StatementFactory


@pytest.mark.parametrize(
    ("url", "heading"),
    [("/privacy/", "Privacyverklaring"), ("/toegankelijkheid/", "Toegankelijkheidsverklaring")],
)
def test_default_statement_is_shown_without_login(client, db, url, heading):
    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert f'<h1 class="utrecht-heading-1">{heading}</h1>' in response.content.decode()


def test_privacy_statement_names_what_is_kept_and_for_how_long(client, db, settings):
    settings.RETENTION_PARTICIPANT_DAYS = 60

    text = client.get("/privacy/").content.decode()

    assert "Welke gegevens bewaren wij?" in text
    assert "weggehaald 60 dagen nadat de ronde sluit" in text
    assert "Hele rondes: bewaard tot de gespreksleider ze verwijdert." in text


def test_accessibility_statement_follows_the_government_format(client, db):
    text = client.get("/toegankelijkheid/").content.decode()

    assert all(part in text for part in ("WCAG 2.1", "Status", "axe-core", "Bekende problemen", "Contact"))


def test_hosts_text_replaces_the_default_and_is_escaped(client, db):
    StatementFactory(
        kind=Statement.Kind.PRIVACY,
        title="Onze privacy",
        body="## Kop\nTekst <script>alert(1)</script>\n\n- een\n- twee",
    )

    text = client.get("/privacy/").content.decode()

    assert '<h1 class="utrecht-heading-1">Onze privacy</h1>' in text
    assert '<h2 class="utrecht-heading-2">Kop</h2>' in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert" not in text
    assert '<li class="utrecht-unordered-list__item">twee</li>' in text


def test_blocks_of_plain_text():
    assert blocks("## Titel\nregel 1\nregel 2\n\n- a\n- b\n\n\nlos") == [
        Block("heading", "Titel"),
        Block("paragraph", "regel 1\nregel 2"),
        Block("list", items=["a", "b"]),
        Block("paragraph", "los"),
    ]


def test_footer_links_to_both_statements(client, db):
    text = client.get("/inloggen/").content.decode()

    assert ('href="/privacy/"' in text, 'href="/toegankelijkheid/"' in text) == (True, True)


def test_admin_starts_a_new_statement_from_the_default(admin_client):
    response = admin_client.get("/beheer/statements/statement/add/?kind=accessibility")

    assert response.status_code == HTTPStatus.OK
    assert "Toegankelijkheidsverklaring" in response.content.decode()
