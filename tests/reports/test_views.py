"""The "Downloaden" tab: who may see it and download, and what comes out."""

import io
from http import HTTPStatus

import openpyxl
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gesprekstool.reports.formats import FORMATS
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Round
from tests.factories import HELD_ON, answer_everything


def downloads_url(round_: Round) -> str:
    return reverse("reports:downloads", kwargs={"pk": round_.pk})


def download_url(round_: Round, fmt: str) -> str:
    return reverse("reports:download", kwargs={"pk": round_.pk, "fmt": fmt})


def test_downloads_page_lists_every_format_with_an_explanation(facilitator_client, full_round):
    response = facilitator_client.get(downloads_url(full_round))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    for name in (
        "Verslag (PDF)",
        "Notitie (Word)",
        "Gegevens (Excel)",
        "Gegevens (CSV)",
        "Rondebestand (JSON)",
    ):
        assert name in html
    for key in FORMATS:
        assert download_url(full_round, key) in html
    assert "Deze ronde toont deelnemers anoniem" in html
    assert 'aria-current="page">Downloaden</a>' in html


def test_downloads_page_warns_when_the_round_shows_names(facilitator_client, named_round):
    response = facilitator_client.get(downloads_url(named_round))

    assert "Deze ronde toont deelnemers met naam" in response.content.decode()


def test_round_pages_have_the_download_tab(facilitator_client, round_):
    response = facilitator_client.get(reverse("rounds:detail", kwargs={"pk": round_.pk}))

    assert f'href="{downloads_url(round_)}"' in response.content.decode()


@pytest.mark.parametrize(
    ("fmt", "content_type", "start"),
    [
        ("pdf", "application/pdf", b"%PDF-"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
        ("csv", "text/csv; charset=utf-8", '\ufeff"ronde";'.encode()),
        ("json", "application/json", b'{\n  "format": "gesprekstool-round"'),
    ],
)
def test_download_gives_the_file(facilitator_client, full_round, fmt, content_type, start):
    response = facilitator_client.get(download_url(full_round, fmt))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="gesprekstool-armoede-en-gezondheid-2026-2026-11-20.{fmt}"'
    )
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.content.startswith(start)


def test_a_reader_may_download_too(reader_client, full_round):
    page = reader_client.get(downloads_url(full_round))
    download = reader_client.get(download_url(full_round, "json"))

    assert (page.status_code, download.status_code) == (HTTPStatus.OK, HTTPStatus.OK)
    assert f'href="{download_url(full_round, "json")}"' in page.content.decode()
    assert download.json()["round"]["title"] == full_round.title


def test_unknown_format_is_not_found(facilitator_client, round_):
    assert facilitator_client.get(download_url(round_, "exe")).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("fmt", [None, "json", "pdf"])
def test_other_organisation_gets_not_found(outsider_client, full_round, fmt):
    url = downloads_url(full_round) if fmt is None else download_url(full_round, fmt)

    assert outsider_client.get(url).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("fmt", [None, "json"])
def test_logged_out_goes_to_login(client, full_round, fmt):
    url = downloads_url(full_round) if fmt is None else download_url(full_round, fmt)

    response = client.get(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))


def test_nonexistent_round_is_not_found(facilitator_client):
    assert facilitator_client.get("/rondes/999999/downloaden/").status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("fmt", [None, "xlsx", "csv", "json"])
def test_downloads_read_as_many_queries_for_one_participant_as_for_many(
    facilitator_client, organisation, fmt
):
    def queries_for(count: int) -> int:
        round_ = services.create_round(
            organisation=organisation, title=f"R{count}", held_on=HELD_ON, mode="individual"
        )
        for i in range(count):
            answer_everything(services.add_participant(round_, display_name=f"P{i}", domain="armoede"))
        url = downloads_url(round_) if fmt is None else download_url(round_, fmt)
        with CaptureQueriesContext(connection) as context:
            assert facilitator_client.get(url).status_code == HTTPStatus.OK
        return len(context.captured_queries)

    assert queries_for(1) == queries_for(8)


CONTROL = "a\x00b\x07c\x1b[31md\x0be\x0cf\x7fg\x85h\ufffei"


def storable(text: str) -> str:
    """PostgreSQL text cannot hold NUL at all (the database refuses it), so there it cannot be stored
    before the forms stripped it either; SQLite can."""
    return text.replace("\x00", "") if connection.vendor == "postgresql" else text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx", "csv", "json"])
def test_downloads_survive_control_characters_already_in_the_database(facilitator_client, named_round, fmt):
    from gesprekstool.agenda.models import Action, Agreement  # noqa: PLC0415
    from gesprekstool.rounds.models import Choice, Comment, Participant, Round  # noqa: PLC0415

    control = storable(CONTROL)

    Round.objects.filter(pk=named_round.pk).update(title=f"Ronde {control}")
    named_round.organisation.__class__.objects.filter(pk=named_round.organisation_id).update(
        name=f"Gemeente {control}"
    )
    Participant.objects.filter(round=named_round).update(
        display_name=f"Naam {control}", department=control, step1_note=control
    )
    Comment.objects.filter(participant__round=named_round).update(text=control)
    Choice.objects.filter(participant__round=named_round).exclude(text="").update(text=control)
    Action.objects.filter(round=named_round).update(description=control, department=control)
    Action.objects.filter(round=named_round, owner=None).update(owner_name=control)
    Agreement.objects.filter(round=named_round).update(accountability=control, notes=control)

    response = facilitator_client.get(download_url(named_round, fmt))

    assert response.status_code == HTTPStatus.OK
    if fmt == "csv":  # docx and xlsx are zipped
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"\x1b" not in content and b"\x07" not in content


@pytest.mark.parametrize(
    ("language", "header", "first_row"),
    [
        pytest.param(
            "en",
            '"round";"participant";"step";"item code";"item text";"value";"text"',
            '"Armoede en gezondheid 2026";"Participant 1 (Poverty)";"1";"A";'
            '"Our municipality has a clear vision of the connection between poverty and health.";"4";"agree"',
            id="english reader",
        ),
        pytest.param(
            None,
            '"ronde";"deelnemer";"stap";"itemcode";"itemtekst";"waarde";"tekst"',
            '"Armoede en gezondheid 2026";"Deelnemer 1 (Armoede)";"1";"A";'
            '"Onze gemeente heeft een duidelijke visie op de verbinding tussen armoede en gezondheid.";"4";"mee eens"',
            id="dutch reader",
        ),
    ],
)
def test_an_export_has_the_readers_language_in_its_headers(
    facilitator_client, full_round, language, header, first_row
):
    if language:
        facilitator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = facilitator_client.get(download_url(full_round, "csv"))

    assert response.content.decode("utf-8-sig").splitlines()[:2] == [header, first_row]


@pytest.mark.parametrize(
    ("language", "tag", "headers"),
    [
        ("en", "en-GB", ["round", "theme", "theme title", "statement"]),
        ("nl", "nl-NL", ["ronde", "thema", "themanaam", "stelling"]),
    ],
)
def test_a_workbook_carries_its_readers_language(facilitator_client, full_round, language, tag, headers):

    facilitator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = facilitator_client.get(download_url(full_round, "xlsx"))

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.properties.language == tag
    assert [cell.value for cell in workbook.worksheets[1][1]][:4] == headers
