"""An action's page: saving with optimistic locking, its refusals, and the owner's personal link
made from it."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.agenda import services
from gesprekstool.agenda.models import Action, ActionNote, OwnerLink
from gesprekstool.rounds import services as round_services
from tests.agenda.actions import YESTERDAY, stored
from tests.factories import HELD_ON, ParticipantFactory


def detail_url(action) -> str:
    return reverse("agenda:action", kwargs={"pk": action.round_id, "action_id": action.pk})


def edit_data(action, **overrides) -> dict:
    data = {
        "status": action.status,
        "theme": action.theme,
        "description": action.description,
        "owner": str(action.owner_id or ""),
        "owner_name": action.owner_name,
        "owner_email": action.owner_email,
        "department": action.department,
        "due_on": action.due_on.isoformat() if action.due_on else "",
        "note": "",
        "version": str(action.version),
    }
    return {**data, **overrides}


# --- Action detail -------------------------------------------------------------------------------------------


def test_action_detail_opens_with_its_log(facilitator_client, action):
    services.update_action(
        action, expected_version=1, changes={"status": "bezig"}, author_name="Joost", note="Gestart"
    )

    response = facilitator_client.get(detail_url(action))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Gestart" in page and "Status: open → bezig" in page and "Joost" in page
    assert 'name="version" value="2"' in page


def test_action_save_changes_status_and_logs_the_note(facilitator_client, facilitator, action):
    response = facilitator_client.post(detail_url(action), edit_data(action, status="gedaan", note="Klaar!"))

    assert response.url == detail_url(action)
    assert stored(action)["status"] == "gedaan"
    note = ActionNote.objects.get()
    assert (note.old_status, note.new_status, note.text, note.author) == (
        "open",
        "gedaan",
        "Klaar!",
        facilitator,
    )


def test_action_save_with_a_past_date_is_allowed_but_flagged(facilitator_client, action):
    response = facilitator_client.post(
        detail_url(action), edit_data(action, due_on=YESTERDAY.isoformat()), follow=True
    )

    assert Action.objects.get(pk=action.pk).due_on == YESTERDAY
    texts = [str(m) for m in response.context["messages"]]
    assert (
        texts[1]
        == f"De datum {YESTERDAY:%d-%m-%Y} is al voorbij. De actie staat daarom als ‘te laat’ gemarkeerd."
    )
    assert "te laat" in response.content.decode()


def test_action_add_with_a_past_date_is_allowed_but_flagged(facilitator_client, round_):
    data = {"theme": "A", "description": "Terugwerkend", "owner_name": "X", "due_on": YESTERDAY.isoformat()}

    response = facilitator_client.post(
        reverse("agenda:action_add", kwargs={"pk": round_.pk}), data, follow=True
    )

    assert Action.objects.get().due_on == YESTERDAY
    assert any("is al voorbij" in str(m) for m in response.context["messages"])


def test_a_second_save_on_the_same_version_is_a_409_that_keeps_both(facilitator_client, action):
    facilitator_client.post(detail_url(action), edit_data(action, status="bezig", note="Eerste persoon"))
    after_first = stored(action)

    response = facilitator_client.post(
        detail_url(action),
        edit_data(action, status="vervallen", department="Tweede afdeling", note="Mijn tekst"),
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert stored(action) == after_first
    page = response.content.decode()
    assert "Iemand anders heeft deze actie gewijzigd" in page
    assert "Eerste persoon" in page  # the other person's note
    form = response.context["form"]
    assert (form["note"].value(), form["department"].value(), form["status"].value()) == (
        "Mijn tekst",
        "Tweede afdeling",
        "vervallen",
    )
    assert form["version"].value() == "2"

    # Saving again, having seen the conflict, goes through.
    again = facilitator_client.post(detail_url(action), form.data)
    assert again.status_code == HTTPStatus.FOUND
    assert stored(action)["status"] == "vervallen"
    assert ActionNote.objects.filter(text="Mijn tekst").count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"status": "klaar"}, "status"),
        ({"owner": "", "owner_name": ""}, "owner"),
        ({"owner_email": "geen-adres"}, "owner_email"),
        ({"note": "x" * 5001}, "note"),
        ({"version": ""}, "version"),
        ({"due_on": "31-02-2027"}, "due_on"),
    ],
    ids=["unknown status", "unknown owner", "bad e-mail", "note too long", "no version", "bad date"],
)
def test_action_save_bad_input_is_422(facilitator_client, action, overrides, field):
    before = stored(action)

    response = facilitator_client.post(detail_url(action), edit_data(action, **overrides))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert stored(action) == before


def test_action_owner_of_another_round_is_422(facilitator_client, organisation, action):
    stranger = ParticipantFactory(round__organisation=organisation)

    response = facilitator_client.post(detail_url(action), edit_data(action, owner=str(stranger.pk)))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == ["owner"]


def test_action_detail_refusals(client, reader_client, outsider_client, action):
    before = stored(action)
    url = detail_url(action)

    assert reader_client.get(url).status_code == HTTPStatus.OK
    assert 'name="version"' not in reader_client.get(url).content.decode()
    assert reader_client.post(url, edit_data(action, status="gedaan")).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert outsider_client.post(url, edit_data(action, status="gedaan")).status_code == HTTPStatus.NOT_FOUND
    assert client.get(url).url.startswith(reverse("login"))
    assert stored(action) == before


def test_action_of_another_round_is_404(facilitator_client, organisation, action):
    other = round_services.create_round(
        organisation=organisation, title="Ander", held_on=HELD_ON, mode="individual"
    )

    url = reverse("agenda:action", kwargs={"pk": other.pk, "action_id": action.pk})

    assert facilitator_client.get(url).status_code == HTTPStatus.NOT_FOUND


# --- Owner links from the facilitator's page -------------------------------------------------------------


def owner_link_url(action) -> str:
    return reverse("agenda:owner_link", kwargs={"pk": action.round_id, "action_id": action.pk})


def test_facilitator_makes_renews_and_revokes_the_owner_link(facilitator_client, action, participant):
    participant.email = "fatima@testdorp.nl"
    participant.save()

    facilitator_client.post(owner_link_url(action))
    first = OwnerLink.objects.get()
    assert (first.email, first.name) == ("fatima@testdorp.nl", "Fatima")
    assert first.token in facilitator_client.get(detail_url(action)).content.decode()

    facilitator_client.post(owner_link_url(action))
    first.refresh_from_db()
    assert first.is_revoked and OwnerLink.objects.filter(revoked_at__isnull=True).count() == 1

    facilitator_client.post(owner_link_url(action), {"revoke": "1"})
    assert not OwnerLink.objects.filter(revoked_at__isnull=True).exists()


def test_owner_link_needs_an_address(facilitator_client, action):
    response = facilitator_client.post(owner_link_url(action), follow=True)

    assert not OwnerLink.objects.exists()
    assert "Vul eerst een e-mailadres in" in response.content.decode()


def test_owner_link_refusals(reader_client, outsider_client, action, participant):
    participant.email = "f@t.nl"
    participant.save()

    assert reader_client.post(owner_link_url(action)).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.post(owner_link_url(action)).status_code == HTTPStatus.NOT_FOUND
    assert not OwnerLink.objects.exists()
