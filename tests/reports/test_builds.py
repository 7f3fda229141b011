"""Slow exports are prepared outside the request, with a page that shows how far they are (issue 11).

The tests build "inline" (tests/conftest.py); a build that another server is running is a row in
the state it would have. One test runs the real thread."""

import dataclasses
import datetime
import threading
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.reports import builds
from gesprekstool.reports.formats import FORMATS
from gesprekstool.reports.models import ExportBuild, StoredExport
from gesprekstool.reports.stored import export_version
from tests.factories import ExportBuildFactory
from tests.reports.conftest import build_round


def download_url(round_, fmt: str = "pdf") -> str:
    return reverse("reports:download", kwargs={"pk": round_.pk, "fmt": fmt})


def prepare_url(round_, fmt: str = "pdf") -> str:
    return reverse("reports:prepare", kwargs={"pk": round_.pk, "fmt": fmt})


def other_server_build(
    round_, *, fmt="pdf", state=ExportBuild.State.RUNNING, step=2, seconds_ago=10, version=None
):
    """The row another app server left: building (or failed) `fmt` of the round's current version."""
    moment = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    return ExportBuildFactory(
        round=round_,
        fmt=fmt,
        version=version or export_version(round_),
        state=state,
        step=step,
        started_at=moment,
        error="RuntimeError" if state == ExportBuild.State.FAILED else "",
    )


def exports_logged() -> int:
    return ActivityEntry.objects.filter(action=ActivityEntry.Action.ROUND_EXPORTED).count()


def test_a_pdf_not_kept_yet_is_built_through_a_build_and_downloaded(facilitator_client, full_round):
    response = facilitator_client.get(download_url(full_round))

    assert response.status_code == HTTPStatus.OK
    assert response.content.startswith(b"%PDF-")
    build = ExportBuild.objects.get()
    assert (build.state, build.step, build.steps, build.attempt, build.error) == ("ready", 4, 4, 1, "")
    assert StoredExport.objects.get().version == build.version
    assert exports_logged() == 1


def test_the_page_shows_the_step_of_a_running_build_and_polls(facilitator_client, full_round):
    other_server_build(full_round, step=2)

    response = facilitator_client.get(prepare_url(full_round))

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert "Het bestand wordt gemaakt…" in html
    assert "Stap 2 van 4: de pagina&#x27;s opmaken." in html
    assert f'data-hx-get="{prepare_url(full_round)}?stap=2" data-hx-trigger="every 2s"' in html
    assert f'<a class="utrecht-link" href="{prepare_url(full_round)}">Deze pagina vernieuwen</a>' in html
    assert f'href="{download_url(full_round)}"' not in html
    assert "no-store" in response["Cache-Control"]


def test_a_running_build_is_not_started_twice(facilitator_client, full_round):
    other_server_build(full_round, step=1)

    first = facilitator_client.get(download_url(full_round))
    second = facilitator_client.get(prepare_url(full_round))

    assert first.status_code == HTTPStatus.FOUND
    assert first["Location"] == prepare_url(full_round)
    assert second.status_code == HTTPStatus.OK
    assert ExportBuild.objects.get().attempt == 1
    assert StoredExport.objects.count() == 0
    assert exports_logged() == 0


def test_two_claims_of_the_same_version_give_one_build(full_round):
    version = export_version(full_round)

    first = builds._claim(full_round, FORMATS["pdf"], language="nl", version=version)
    second = builds._claim(full_round, FORMATS["pdf"], language="nl", version=version)

    assert (first[1], second[1]) == (True, False)
    assert ExportBuild.objects.get().attempt == 1


@pytest.mark.parametrize(("seconds_ago", "restarted"), [(170, False), (190, True)])
def test_a_build_without_a_sign_of_life_for_three_minutes_is_started_again(
    facilitator_client, full_round, seconds_ago, restarted
):
    other_server_build(full_round, step=2, seconds_ago=seconds_ago)

    response = facilitator_client.get(prepare_url(full_round))

    build = ExportBuild.objects.get()
    assert (build.attempt, build.state) == ((2, "ready") if restarted else (1, "running"))
    assert ("Het bestand is klaar." in response.content.decode()) is restarted
    assert StoredExport.objects.count() == (1 if restarted else 0)


def test_a_build_of_an_older_version_is_replaced(facilitator_client, full_round):
    other_server_build(full_round, step=3, version="older")

    response = facilitator_client.get(download_url(full_round))

    assert response.status_code == HTTPStatus.OK
    build = ExportBuild.objects.get()
    assert (build.attempt, build.state, build.version) == (2, "ready", export_version(full_round))


def test_the_poll_gets_nothing_while_the_step_is_the_same(facilitator_client, full_round):
    other_server_build(full_round, step=2)

    same = facilitator_client.get(f"{prepare_url(full_round)}?stap=2", headers={"HX-Request": "true"})
    moved = facilitator_client.get(f"{prepare_url(full_round)}?stap=1", headers={"HX-Request": "true"})

    assert same.status_code == HTTPStatus.NO_CONTENT
    assert same.content == b""
    assert moved.status_code == HTTPStatus.OK
    fragment = moved.content.decode()
    assert fragment.lstrip().startswith('<div id="export-status" data-hx-get=')
    assert "<html" not in fragment


def test_the_poll_offers_the_download_when_the_file_is_kept(facilitator_client, full_round):
    facilitator_client.get(download_url(full_round))  # built and kept

    response = facilitator_client.get(f"{prepare_url(full_round)}?stap=3", headers={"HX-Request": "true"})

    fragment = response.content.decode()
    assert "Het bestand is klaar." in fragment
    assert f'href="{download_url(full_round)}">Verslag (PDF) downloaden</a>' in fragment
    assert "data-hx-get" not in fragment
    assert exports_logged() == 1  # the download, not the page


def test_a_failed_build_is_shown_in_dutch_with_a_retry_and_not_started_by_itself(
    facilitator_client, full_round
):
    other_server_build(full_round, state=ExportBuild.State.FAILED)

    response = facilitator_client.get(download_url(full_round), follow=True)

    html = response.content.decode()
    assert "Het maken van het bestand is niet gelukt. Probeer het opnieuw." in html
    assert f'<form method="post" action="{prepare_url(full_round)}">' in html
    assert "Opnieuw proberen</button>" in html
    assert "data-hx-get" not in html
    assert ExportBuild.objects.get().attempt == 1


@pytest.mark.parametrize("client_fixture", ["facilitator_client", "reader_client"])
def test_retry_builds_a_failed_export_again(request, client_fixture, full_round):
    client = request.getfixturevalue(client_fixture)
    other_server_build(full_round, state=ExportBuild.State.FAILED)

    response = client.post(prepare_url(full_round))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == prepare_url(full_round)
    build = ExportBuild.objects.get()
    assert (build.attempt, build.state, build.error) == (2, "ready", "")
    assert client.get(download_url(full_round)).content.startswith(b"%PDF-")


def test_retry_without_a_failed_build_changes_nothing(facilitator_client, full_round):
    other_server_build(full_round, step=2)

    response = facilitator_client.post(prepare_url(full_round))

    assert response.status_code == HTTPStatus.FOUND
    assert ExportBuild.objects.get().attempt == 1


def test_a_build_that_raises_is_marked_failed(facilitator_client, full_round, monkeypatch, caplog):
    def broken(round_, *, progress=None):
        progress(1)
        raise RuntimeError("Wilhelmina Brandsma")  # a message may hold names: never on the page

    monkeypatch.setitem(FORMATS, "docx", dataclasses.replace(FORMATS["docx"], render=broken))

    response = facilitator_client.get(download_url(full_round, "docx"), follow=True)

    build = ExportBuild.objects.get()
    assert (build.state, build.step, build.error) == ("failed", 1, "RuntimeError")
    assert "Het maken van het bestand is niet gelukt." in response.content.decode()
    assert "Wilhelmina" not in response.content.decode()
    assert "failed" in caplog.text


def test_a_build_whose_claim_was_taken_over_keeps_nothing(full_round):
    build = other_server_build(full_round, fmt="xlsx", step=0)
    ExportBuild.objects.filter(pk=build.pk).update(attempt=2)

    builds.run(build.pk, attempt=1)

    assert StoredExport.objects.count() == 0
    assert ExportBuild.objects.get().state == "running"


def test_a_fast_format_is_built_at_once(facilitator_client, full_round):
    response = facilitator_client.get(prepare_url(full_round, "csv"))

    assert "Het bestand is klaar." in response.content.decode()
    assert ExportBuild.objects.count() == 0


@pytest.mark.parametrize("url", [download_url, prepare_url])
def test_the_prepare_page_refuses_outsiders_and_anonymous(client, outsider_client, full_round, url):
    assert outsider_client.get(prepare_url(full_round)).status_code == HTTPStatus.NOT_FOUND
    assert outsider_client.post(prepare_url(full_round)).status_code == HTTPStatus.NOT_FOUND
    response = client.get(url(full_round))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))
    assert ExportBuild.objects.count() == 0


def test_the_prepare_page_of_an_unknown_format_is_not_found(facilitator_client, full_round):
    assert facilitator_client.get(prepare_url(full_round, "exe")).status_code == HTTPStatus.NOT_FOUND


@pytest.fixture
def committed_round(transactional_db, organisation, facilitator):
    from gesprekstool.rounds import services  # noqa: PLC0415

    round_ = services.create_round(
        organisation=organisation, title="Ronde", held_on=datetime.date(2026, 11, 20), mode="individual"
    )
    build_round(round_)
    return round_


def test_the_thread_builds_after_the_request_and_the_download_follows(
    client, facilitator, committed_round, settings
):
    settings.EXPORT_BUILDS = "thread"
    client.force_login(facilitator)

    first = client.get(download_url(committed_round, "xlsx"))
    for thread in threading.enumerate():
        if thread.name.startswith("export-build-"):
            thread.join(timeout=60)
    second = client.get(download_url(committed_round, "xlsx"))

    assert first.status_code == HTTPStatus.FOUND
    assert first["Location"] == prepare_url(committed_round, "xlsx")
    assert second.status_code == HTTPStatus.OK
    assert second.content.startswith(b"PK")
    assert ExportBuild.objects.get().state == "ready"
