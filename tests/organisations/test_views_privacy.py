"""The activity log page and the retention periods page: facilitators only."""

from http import HTTPStatus

import pytest

from gesprekstool.organisations import activity
from gesprekstool.organisations.models import ActivityEntry, Organisation
from tests.factories import OrganisationFactory

LOG = "/organisatie/testdorp/logboek/"
RETENTION = "/organisatie/testdorp/bewaartermijnen/"


def fill_log(organisation, count: int, actor=None) -> None:
    for n in range(count):
        activity.record(
            organisation=organisation,
            actor=actor,
            action=activity.Action.ROUND_EXPORTED,
            subject=f"Ronde {n}",
            detail="pdf",
        )


@pytest.mark.parametrize("count", [1, 30])
def test_activity_log_query_count(
    facilitator_client, organisation, facilitator, count, django_assert_num_queries
):
    fill_log(organisation, count, actor=facilitator)

    # session, user, organisation, membership, count, the page's entries
    with django_assert_num_queries(7):
        response = facilitator_client.get(LOG)

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count("Ronde gedownload") == count


def test_activity_log_shows_who_did_what(facilitator_client, organisation, facilitator):
    facilitator.first_name = "Lotte"
    facilitator.save()
    fill_log(organisation, 1, actor=facilitator)
    fill_log(organisation, 1)

    text = facilitator_client.get(LOG).content.decode()

    assert ("Lotte" in text, "het systeem" in text, "pdf" in text) == (True, True, True)


def test_activity_log_is_paginated(facilitator_client, organisation):
    fill_log(organisation, 51)

    first = facilitator_client.get(LOG).content.decode()
    second = facilitator_client.get(LOG + "?pagina=2").content.decode()

    assert (first.count("Ronde gedownload"), second.count("Ronde gedownload")) == (50, 1)
    assert "Pagina 1 van 2" in first


def test_activity_log_shows_only_the_own_organisation(facilitator_client, organisation, other_organisation):
    fill_log(other_organisation, 1)

    assert "Ronde gedownload" not in facilitator_client.get(LOG).content.decode()


def test_activity_log_refused_to_a_reader(reader_client, organisation):
    assert reader_client.get(LOG).status_code == HTTPStatus.FORBIDDEN


def test_activity_log_hidden_from_another_organisation(outsider_client, organisation):
    assert outsider_client.get(LOG).status_code == HTTPStatus.NOT_FOUND


def test_activity_log_asks_anonymous_to_log_in(client, organisation):
    response = client.get(LOG)

    assert (response.status_code, response["Location"].startswith("/inloggen/")) == (HTTPStatus.FOUND, True)


def test_retention_page_shows_the_periods(facilitator_client, organisation):
    response = facilitator_client.get(RETENTION)

    assert response.status_code == HTTPStatus.OK
    assert 'value="90"' in response.content.decode()


def test_retention_change_is_saved_and_logged(facilitator_client, organisation, facilitator):
    response = facilitator_client.post(
        RETENTION, {"participant_data_days": "60", "round_delete_days": "365", "owner_email_days": "90"}
    )

    organisation.refresh_from_db()
    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, RETENTION)
    assert (
        organisation.participant_data_days,
        organisation.round_delete_days,
        organisation.owner_email_days,
    ) == (
        60,
        365,
        90,
    )
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.actor, entry.detail) == (
        "retention_changed",
        facilitator,
        "namen 90 → 60 dagen; rondes nooit → 365 dagen",
    )


@pytest.mark.parametrize(
    "data",
    [
        {"participant_data_days": "13", "round_delete_days": "", "owner_email_days": "90"},
        {"participant_data_days": "731", "round_delete_days": "", "owner_email_days": "90"},
        {"participant_data_days": "90", "round_delete_days": "5", "owner_email_days": "90"},
        {"participant_data_days": "", "round_delete_days": "", "owner_email_days": "90"},
        {"participant_data_days": "veel", "round_delete_days": "", "owner_email_days": "90"},
    ],
)
def test_retention_outside_the_hosts_bounds_is_refused(facilitator_client, organisation, data):
    response = facilitator_client.post(RETENTION, data)

    organisation.refresh_from_db()
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert (
        organisation.participant_data_days,
        organisation.round_delete_days,
        ActivityEntry.objects.count(),
    ) == (
        90,
        None,
        0,
    )


def test_retention_maximum_is_the_hosts_setting(facilitator_client, organisation, settings):
    settings.RETENTION_MAX_DAYS = 100

    response = facilitator_client.post(
        RETENTION, {"participant_data_days": "120", "round_delete_days": "", "owner_email_days": "90"}
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Kies een aantal dagen van 14 tot en met 100." in response.content.decode()


def test_retention_change_refused_to_a_reader(reader_client, organisation):
    response = reader_client.post(
        RETENTION, {"participant_data_days": "30", "round_delete_days": "", "owner_email_days": "90"}
    )

    assert (response.status_code, Organisation.objects.get(pk=organisation.pk).participant_data_days) == (
        HTTPStatus.FORBIDDEN,
        90,
    )


def test_retention_hidden_from_another_organisation(outsider_client, organisation):
    assert outsider_client.get(RETENTION).status_code == HTTPStatus.NOT_FOUND


def test_new_organisation_takes_the_hosts_defaults(settings, db):
    settings.RETENTION_PARTICIPANT_DAYS = 30
    settings.RETENTION_ROUND_DAYS = 400

    organisation = OrganisationFactory(name="Nieuw", slug="nieuw")

    assert (
        organisation.participant_data_days,
        organisation.round_delete_days,
        organisation.owner_email_days,
    ) == (
        30,
        400,
        90,
    )
