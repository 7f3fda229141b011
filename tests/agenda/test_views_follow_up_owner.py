"""The owner's page, through a personal link without an account: updating, conflicts and dead links."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekstool.agenda import services
from gesprekstool.agenda.models import ActionNote, OwnerLink
from gesprekstool.rounds import services as round_services
from tests.agenda.actions import progress_data, stored
from tests.factories import HELD_ON, ActionFactory


@pytest.fixture
def link(organisation, action, participant):
    participant.email = "fatima@testdorp.nl"
    participant.save()
    return services.ensure_owner_link(organisation, email="fatima@testdorp.nl", name="Fatima")


def owner_url(link) -> str:
    return reverse("follow_up:owner", kwargs={"token": link.token})


def update_url(link, action) -> str:
    return reverse("follow_up:owner_update", kwargs={"token": link.token, "action_id": action.pk})


def test_owner_page_lists_the_owners_actions_across_rounds(client, organisation, link, action):
    later = round_services.create_round(
        organisation=organisation, title="Later", held_on=HELD_ON, mode="individual"
    )
    ActionFactory(
        round=later,
        theme="C",
        description="Tweede actie",
        owner_name="Fatima",
        owner_email="FATIMA@testdorp.nl",
    )
    ActionFactory(round=later, theme="C", description="Niet van haar", owner_name="Joost")

    response = client.get(owner_url(link))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert [row["action"].description for row in response.context["rows"]] == [
        "Cijfers per wijk naast elkaar leggen",
        "Tweede actie",
    ]
    assert "Niet van haar" not in page
    assert response["Cache-Control"].startswith("max-age=0")
    link.refresh_from_db()
    assert link.last_used_at is not None


def test_owner_updates_status_and_note(client, link, action):
    response = client.post(
        update_url(link, action), progress_data(action, status="gedaan", note="Overleg gehad")
    )

    assert response.url == f"{owner_url(link)}#actie-{action.pk}"
    assert stored(action)["status"] == "gedaan"
    note = ActionNote.objects.get()
    assert (note.author, note.author_name, note.via_link, note.text) == (
        None,
        "Fatima",
        True,
        "Overleg gehad",
    )


def test_owner_update_conflict_is_409_and_keeps_the_input(client, facilitator, link, action):
    services.update_action(
        action, expected_version=1, changes={"status": "bezig"}, note="Gespreksleider", author=facilitator
    )

    response = client.post(
        update_url(link, action), progress_data(action, status="gedaan", note="Mijn update")
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert stored(action)["status"] == "bezig"
    page = response.content.decode()
    assert "Iemand anders heeft deze actie gewijzigd" in page and "Gespreksleider" in page
    form = next(row["form"] for row in response.context["rows"] if row["action"].pk == action.pk)
    assert (form["status"].value(), form["note"].value(), form["version"].value()) == (
        "gedaan",
        "Mijn update",
        "2",
    )


def test_owner_update_bad_input_is_422(client, link, action):
    response = client.post(update_url(link, action), progress_data(action, status="klaar"))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert stored(action)["status"] == "open"


def test_owner_cannot_update_someone_elses_action(client, round_, link):
    other = ActionFactory(round=round_, theme="A", description="Van Joost", owner_name="Joost")

    response = client.post(update_url(link, other), progress_data(other, status="gedaan"))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert stored(other)["status"] == "open"


@pytest.mark.parametrize(
    ("change", "status", "title"),
    [
        ({"revoked_at": timezone.now()}, HTTPStatus.GONE, "Deze link is ingetrokken"),
        (
            {"expires_at": timezone.now() - datetime.timedelta(minutes=1)},
            HTTPStatus.GONE,
            "Deze link is verlopen",
        ),
    ],
    ids=["revoked", "expired"],
)
def test_revoked_and_expired_links_are_410_with_a_clear_page(client, link, action, change, status, title):
    OwnerLink.objects.filter(pk=link.pk).update(**change)

    for response in (
        client.get(owner_url(link)),
        client.post(update_url(link, action), progress_data(action, status="gedaan")),
    ):
        assert response.status_code == status
        assert f'<h1 class="utrecht-heading-1">{title}</h1>' in response.content.decode()
    assert stored(action)["status"] == "open"


def test_an_unknown_link_is_404_with_a_clear_page(client, db):
    response = client.get(reverse("follow_up:owner", kwargs={"token": "x" * 43}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Deze link werkt niet" in response.content.decode()
