"""The round's calendar: follow-up meeting and due dates, parsed back with icalendar."""

import datetime
from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from gesprekstool.agenda import services
from gesprekstool.agenda.models import Action, CalendarFeed
from tests.factories import ActionFactory

from .conftest import TODAY


def events(content: bytes) -> dict[str, dict]:
    calendar = Calendar.from_ical(content)
    return {
        str(e["uid"]).split("@")[0]: {
            "summary": str(e["summary"]),
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "description": str(e["description"]),
        }
        for e in calendar.walk("VEVENT")
    }


@pytest.fixture
def dated(round_, participant, action, agreement):
    ActionFactory(round=round_, theme="C", description="Zonder datum", owner_name="X")
    ActionFactory(
        round=round_, theme="C", description="Al gedaan", owner_name="X", status="gedaan", due_on=TODAY
    )
    return action


def test_ics_download_holds_meeting_and_open_due_dates(facilitator_client, round_, dated, agreement):
    response = facilitator_client.get(reverse("agenda:ics", kwargs={"pk": round_.pk}))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="gesprekstool-ronde-{round_.pk}.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "Gesprekstool: Armoede en gezondheid 2026"
    found = events(response.content)
    assert set(found) == {f"gesprekstool-round-{round_.pk}-meeting", f"gesprekstool-action-{dated.pk}"}
    meeting = found[f"gesprekstool-round-{round_.pk}-meeting"]
    assert meeting["summary"] == "Vervolgbijeenkomst: Armoede en gezondheid 2026"
    assert (meeting["start"], meeting["end"]) == (
        agreement.next_meeting_on,
        agreement.next_meeting_on + datetime.timedelta(days=1),
    )
    action = found[f"gesprekstool-action-{dated.pk}"]
    assert action["summary"] == "Actie moet klaar zijn: Cijfers per wijk naast elkaar leggen"
    assert action["start"] == dated.due_on
    assert "Wie: Deelnemer 1 (Armoede)" in action["description"]  # rounds are anonymised by default
    assert "Status: open" in action["description"]


def test_ics_without_meeting_when_the_departments_follow_up(facilitator_client, round_, dated, agreement):
    agreement.follow_up, agreement.next_meeting_on = "afdelingen", None
    agreement.save()

    response = facilitator_client.get(reverse("agenda:ics", kwargs={"pk": round_.pk}))

    assert set(events(response.content)) == {f"gesprekstool-action-{dated.pk}"}


def test_ics_of_an_empty_round_is_a_valid_calendar(reader_client, round_):
    response = reader_client.get(reverse("agenda:ics", kwargs={"pk": round_.pk}))

    assert response.status_code == HTTPStatus.OK
    assert events(response.content) == {}


def test_ics_refusals(client, outsider_client, round_):
    url = reverse("agenda:ics", kwargs={"pk": round_.pk})

    assert outsider_client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.get(url).url.startswith(reverse("login"))


def test_feed_is_served_without_login_behind_its_token(client, round_, dated):
    feed = services.renew_calendar_feed(round_)

    response = client.get(reverse("follow_up:feed", kwargs={"token": feed.token}))

    assert response.status_code == HTTPStatus.OK
    assert "Content-Disposition" not in response
    assert f"gesprekstool-action-{dated.pk}" in events(response.content)


def test_feed_renew_and_remove(facilitator_client, client, round_):
    url = reverse("agenda:feed", kwargs={"pk": round_.pk})
    facilitator_client.post(url)
    first = CalendarFeed.objects.get(round=round_).token
    assert len(first) >= 43

    facilitator_client.post(url)
    second = CalendarFeed.objects.get(round=round_).token
    assert client.get(reverse("follow_up:feed", kwargs={"token": first})).status_code == HTTPStatus.NOT_FOUND
    assert client.get(reverse("follow_up:feed", kwargs={"token": second})).status_code == HTTPStatus.OK

    response = facilitator_client.post(url, {"remove": "1"})
    assert response.status_code == HTTPStatus.FOUND
    assert not CalendarFeed.objects.exists()
    gone = client.get(reverse("follow_up:feed", kwargs={"token": second}))
    assert (gone.status_code, gone.content.decode()) == (
        HTTPStatus.NOT_FOUND,
        "Dit agenda-adres werkt niet (meer).",
    )


def test_feed_management_refusals(reader_client, outsider_client, client, round_):
    url = reverse("agenda:feed", kwargs={"pk": round_.pk})

    assert reader_client.post(url).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.post(url).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url).status_code == HTTPStatus.FOUND
    assert not CalendarFeed.objects.exists()


def test_agenda_page_shows_the_feed_address(facilitator_client, round_):
    feed = services.renew_calendar_feed(round_)

    page = facilitator_client.get(reverse("agenda:edit", kwargs={"pk": round_.pk})).content.decode()

    assert reverse("follow_up:feed", kwargs={"token": feed.token}) in page
    assert reverse("agenda:ics", kwargs={"pk": round_.pk}) in page


@pytest.fixture
def anonymised_action(round_, participant):
    round_.anonymised = True
    round_.save()
    return ActionFactory(
        round=round_,
        theme="B",
        description="Cijfers per wijk naast elkaar leggen",
        owner=participant,
        due_on=TODAY,
    )


def test_ics_download_of_an_anonymised_round_shows_the_label_not_the_name(
    facilitator_client, round_, anonymised_action
):
    response = facilitator_client.get(reverse("agenda:ics", kwargs={"pk": round_.pk}))

    description = events(response.content)[f"gesprekstool-action-{anonymised_action.pk}"]["description"]
    assert "Wie: Deelnemer 1 (Armoede)" in description
    assert b"Fatima" not in response.content


def test_feed_of_an_anonymised_round_shows_the_label_not_the_name(client, round_, anonymised_action):
    feed = services.renew_calendar_feed(round_)

    response = client.get(reverse("follow_up:feed", kwargs={"token": feed.token}))

    description = events(response.content)[f"gesprekstool-action-{anonymised_action.pk}"]["description"]
    assert "Wie: Deelnemer 1 (Armoede)" in description
    assert b"Fatima" not in response.content


def test_ics_of_a_round_shown_by_name_names_the_owner(facilitator_client, round_, dated):
    round_.anonymised = False
    round_.save()

    response = facilitator_client.get(reverse("agenda:ics", kwargs={"pk": round_.pk}))

    assert (
        "Wie: Fatima (Armoede)" in events(response.content)[f"gesprekstool-action-{dated.pk}"]["description"]
    )


def test_ics_survives_the_last_day_of_the_calendar_stored_before_forms_refused_it(
    facilitator_client, round_, dated, agreement
):
    Action.objects.filter(pk=dated.pk).update(due_on=datetime.date.max)
    agreement.next_meeting_on = datetime.date.max
    agreement.save()

    response = facilitator_client.get(reverse("agenda:ics", kwargs={"pk": round_.pk}))

    assert response.status_code == HTTPStatus.OK
    assert events(response.content) == {}


def test_the_download_is_in_the_readers_language(facilitator_client, round_, dated):
    facilitator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = facilitator_client.get(reverse("agenda:ics", kwargs={"pk": round_.pk}))

    calendar = Calendar.from_ical(response.content)
    assert str(calendar["x-wr-calname"]) == "Conversation tool: Armoede en gezondheid 2026"
    assert events(response.content)[f"gesprekstool-action-{dated.pk}"]["summary"].startswith("Action due: ")


@pytest.mark.parametrize(("language", "name"), [("nl", "Gesprekstool: "), ("en", "Conversation tool: ")])
def test_a_subscribed_feed_is_in_the_rounds_language(client, round_, dated, language, name):
    round_.language = language
    round_.save()
    feed = services.renew_calendar_feed(round_)

    response = client.get(reverse("follow_up:feed", kwargs={"token": feed.token}))

    assert str(Calendar.from_ical(response.content)["x-wr-calname"]) == f"{name}Armoede en gezondheid 2026"
