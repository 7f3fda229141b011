"""Correcting a participant's details (rounds.correction): a new name or domain keeps the link, a new
e-mail address gets a new one, and the answers always stay."""

from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.rounds import correction, removal, services
from gesprekstool.rounds.models import Participant
from tests.factories import answer_everything, answers_of
from tests.rounds.pages import detail_url, participant_url

NEW_DETAILS = {"display_name": "Fatima", "domain": "armoede", "department": "Werk en Inkomen"}


def edit_url(participant: Participant) -> str:
    return participant_url("participant_edit", participant)


def card_url(participant: Participant) -> str:
    return f"{detail_url(participant.round)}?deelnemer={participant.pk}#deelnemer-{participant.pk}"


def details_of(participant: Participant) -> dict:
    """The details and the link of a participant as stored, with their answers."""
    fresh = Participant.objects.get(pk=participant.pk)
    details = {name: getattr(fresh, name) for name in correction.DETAILS}
    mail = {"invited_at": fresh.invited_at, "mail_failed_at": fresh.mail_failed_at}
    return {**details, **mail, **answers_of(fresh)}


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def link_status(client, token: str) -> int:
    return client.get(reverse("fill:intro", kwargs={"key": token})).status_code


@pytest.fixture
def mailed(participant):
    """Fatima answered everything; her link was mailed to an address with a typing mistake."""
    answer_everything(participant)
    participant.email = "fatima@exampel.nl"
    participant.invited_at = participant.mail_failed_at = timezone.now()
    participant.save()
    return participant


# --- The page ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "warned"), [("mailed", True), ("participant", False)])
def test_participant_edit_page_warns_about_the_link_when_it_went_to_an_address(
    request, facilitator_client, name, warned
):
    participant = request.getfixturevalue(name)

    response = facilitator_client.get(edit_url(participant))

    page = response.content.decode().replace("&amp;", "&")
    assert response.context["form"].initial == {n: getattr(participant, n) for n in correction.DETAILS}
    assert '<h1 class="utrecht-heading-1">Gegevens van Fatima wijzigen</h1>' in page
    assert f'href="{card_url(participant)}">Nee, ga terug' in page
    assert ("Verandert u het e-mailadres? Dan krijgt Fatima een nieuwe link" in page) is warned


def test_round_detail_links_to_the_edit_page(facilitator_client, participant):
    response = facilitator_client.get(detail_url(participant.round))

    page = response.content.decode()
    assert f'href="{edit_url(participant)}">Gegevens wijzigen' in page


# --- Correcting ----------------------------------------------------------------------------------------


def test_participant_edit_name_and_domain_keeps_the_link(facilitator_client, client, mailed):
    before = details_of(mailed)

    response = facilitator_client.post(
        edit_url(mailed),
        {**NEW_DETAILS, "display_name": "Fatma", "domain": "gezondheid", "email": "fatima@exampel.nl"},
    )

    after = details_of(mailed)
    assert response.url == card_url(mailed)
    assert messages_of(response) == ["De gegevens van Fatma zijn opgeslagen."]
    assert after == {**before, "display_name": "Fatma", "domain": "gezondheid"}
    assert link_status(client, before["token"]) == HTTPStatus.OK


def test_participant_edit_email_renews_the_link(facilitator_client, client, mailed):
    before = details_of(mailed)

    response = facilitator_client.post(edit_url(mailed), {**NEW_DETAILS, "email": "fatima@example.nl"})

    after = details_of(mailed)
    assert response.url == participant_url("invite_one", mailed)
    assert messages_of(response) == [
        "De gegevens van Fatima zijn opgeslagen. Het e-mailadres is veranderd. Daarom heeft Fatima een "
        "nieuwe link en werkt de oude link niet meer. Stuur Fatima de nieuwe link."
    ]
    assert after["token"] != before["token"]
    assert after == {
        **before,
        "email": "fatima@example.nl",
        "token": after["token"],
        "invited_at": None,
        "mail_failed_at": None,
    }
    assert link_status(client, before["token"]) == HTTPStatus.NOT_FOUND
    assert link_status(client, after["token"]) == HTTPStatus.OK


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"display_name": "Fatma", "domain": "gezondheid"}, "Deelnemer 1 (Gezondheid): naam, domein"),
        (
            {"department": "GGD", "email": "fatma@example.nl"},
            "Deelnemer 1 (Armoede): afdeling of organisatie, e-mailadres, nieuwe link",
        ),
    ],
)
def test_participant_edit_logs_which_details_changed_but_not_their_values(
    facilitator_client, facilitator, mailed, changes, detail
):
    facilitator_client.post(edit_url(mailed), {**NEW_DETAILS, "email": mailed.email, **changes})

    logged = ActivityEntry.objects.values_list("actor", "subject", "detail").get(
        action="participant_corrected"
    )
    assert logged == (facilitator.pk, "Armoede en gezondheid 2026", detail)


def test_participant_edit_first_address_keeps_the_link(facilitator_client, participant):
    before = details_of(participant)

    response = facilitator_client.post(edit_url(participant), {**NEW_DETAILS, "email": "fatima@example.nl"})

    assert response.url == card_url(participant)
    assert details_of(participant) == {**before, "email": "fatima@example.nl"}


def test_participant_edit_keeps_a_revoked_link_revoked(facilitator_client, client, mailed):
    services.revoke_link(mailed)
    before = details_of(mailed)

    response = facilitator_client.post(edit_url(mailed), {**NEW_DETAILS, "email": "fatima@example.nl"})

    assert response.url == card_url(mailed)
    assert details_of(mailed) == {**before, "email": "fatima@example.nl", "mail_failed_at": None}
    assert link_status(client, before["token"]) == HTTPStatus.GONE


def test_participant_edit_sent_twice_renews_the_link_once(facilitator_client, mailed):
    data = {**NEW_DETAILS, "email": "fatima@example.nl"}
    facilitator_client.post(edit_url(mailed), data)
    first = details_of(mailed)

    again = facilitator_client.post(edit_url(mailed), data)

    assert again.url == card_url(mailed)
    assert messages_of(again)[-1] == "Er is niets veranderd voor Fatima."
    assert details_of(mailed) == first
    assert ActivityEntry.objects.filter(action="participant_corrected").count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("display_name", ""), ("domain", "sport"), ("email", "geen-adres"), ("department", "x" * 201)],
)
def test_participant_edit_bad_details_are_422_and_change_nothing(facilitator_client, mailed, field, value):
    before = details_of(mailed)

    response = facilitator_client.post(
        edit_url(mailed), {**NEW_DETAILS, "email": "f@example.nl", field: value}
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert "Gegevens van Fatima wijzigen" in response.content.decode()
    assert details_of(mailed) == before
    assert ActivityEntry.objects.filter(action="participant_corrected").exists() is False


# --- Refusals ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("reader_client", HTTPStatus.FORBIDDEN), ("outsider_client", HTTPStatus.NOT_FOUND)],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_participant_edit_refused_to_a_reader_and_another_organisation(
    request, mailed, client_name, status, method
):
    before = details_of(mailed)

    response = getattr(request.getfixturevalue(client_name), method)(
        edit_url(mailed), {**NEW_DETAILS, "email": "fatima@example.nl"}
    )

    assert response.status_code == status
    assert details_of(mailed) == before


def test_participant_edit_asks_anonymous_to_log_in(client, mailed):
    before = details_of(mailed)

    response = client.post(edit_url(mailed), {**NEW_DETAILS, "email": "fatima@example.nl"})

    assert (response.status_code, response["Location"].startswith("/inloggen/")) == (HTTPStatus.FOUND, True)
    assert details_of(mailed) == before


def test_participant_edit_of_another_round_or_the_joint_form_is_404(
    facilitator_client, round_, joint_round, organisation
):
    other_round = services.create_round(
        organisation=organisation, title="Ander", held_on=round_.held_on, mode="individual"
    )
    stranger = services.add_participant(other_round, display_name="Ander", domain="armoede")
    group = joint_round.participants.get()

    statuses = [
        facilitator_client.post(
            reverse("rounds:participant_edit", kwargs={"pk": round_.pk, "participant_id": stranger.pk}),
            NEW_DETAILS,
        ).status_code,
        facilitator_client.post(edit_url(group), NEW_DETAILS).status_code,
    ]

    assert statuses == [HTTPStatus.NOT_FOUND, HTTPStatus.NOT_FOUND]
    assert (details_of(stranger)["display_name"], details_of(group)["display_name"]) == (
        "Ander",
        "Gezamenlijk formulier",
    )


def test_participant_edit_on_a_closed_round_is_allowed_as_a_new_link_is(facilitator_client, mailed):
    """Like revoking and renewing a link: a closed round's names can still be put right. Mailing
    waits until the round is open again, so the page goes back to the card."""
    services.close_round(mailed.round)

    response = facilitator_client.post(edit_url(mailed), {**NEW_DETAILS, "email": "fatima@example.nl"})

    assert response.url == card_url(mailed)
    assert details_of(mailed)["email"] == "fatima@example.nl"


@pytest.mark.parametrize("method", ["get", "post"])
def test_participant_edit_after_the_personal_data_are_removed_is_409(
    facilitator_client, facilitator, mailed, method
):
    removal.remove_personal_data(mailed.round, by=facilitator)
    before = details_of(mailed)

    response = getattr(facilitator_client, method)(edit_url(mailed), {**NEW_DETAILS, "email": "f@example.nl"})

    assert response.status_code == HTTPStatus.CONFLICT
    assert "De persoonsgegevens van deze ronde zijn weggehaald." in response.content.decode()
    assert details_of(mailed) == before
    assert 'name="display_name"' not in response.content.decode()


def test_round_detail_has_no_edit_link_after_the_personal_data_are_removed(
    facilitator_client, facilitator, participant
):
    removal.remove_personal_data(participant.round, by=facilitator)

    response = facilitator_client.get(detail_url(participant.round))

    assert edit_url(participant) not in response.content.decode()


def test_correct_participant_refuses_once_the_personal_data_are_removed(facilitator, mailed):
    """The service checks again inside its transaction: the page may have been opened before."""
    removal.remove_personal_data(mailed.round, by=facilitator)
    before = details_of(mailed)

    with pytest.raises(correction.CorrectionRefused):
        correction.correct_participant(mailed, by=facilitator, display_name="Fatima", domain="armoede")

    assert details_of(mailed) == before
