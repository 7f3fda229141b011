"""The pages that mail participants their link and remind those who have not handed in."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant
from tests.factories import answer_everything


@pytest.fixture
def anna(round_):
    return services.add_participant(round_, display_name="Anna", domain="armoede", email="anna@example.nl")


@pytest.fixture
def bram(round_, anna):
    return services.add_participant(round_, display_name="Bram", domain="gezondheid", email="bram@example.nl")


def invite_url(round_) -> str:
    return reverse("rounds:invite", kwargs={"pk": round_.pk})


def remind_url(round_) -> str:
    return reverse("rounds:remind", kwargs={"pk": round_.pk})


def test_invite_page_shows_recipients_and_a_dutch_preview(facilitator_client, round_, anna, participant):
    response = facilitator_client.get(invite_url(round_))

    text = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Anna (anna@example.nl)" in text
    assert "Onderwerp:</strong> Uw persoonlijke link voor “Armoede en gezondheid 2026”" in text
    assert "Beste Anna," in text
    assert "Voor ons gesprek over armoede- en gezondheidsbeleid" in text
    # Fatima has no address: listed, with a way to her copyable link.
    assert f'?deelnemer={participant.pk}#deelnemer-{participant.pk}">Fatima</a>' in text
    assert "Verstuur 1 e-mail" in text


def test_preview_shows_the_edited_intro_and_sends_nothing(facilitator_client, round_, anna, mailoutbox):
    response = facilitator_client.post(invite_url(round_), {"intro": "Graag voor vrijdag.", "preview": "1"})

    assert response.status_code == HTTPStatus.OK
    assert "Beste Anna,\n\nGraag voor vrijdag." in response.content.decode()
    assert mailoutbox == []


def test_send_mails_everyone_due_and_shows_when(facilitator_client, round_, anna, bram, mailoutbox):
    response = facilitator_client.post(invite_url(round_), {"intro": "Graag voor vrijdag."}, follow=True)

    text = response.content.decode()
    assert [m.to for m in mailoutbox] == [["anna@example.nl"], ["bram@example.nl"]]
    assert "Graag voor vrijdag." in mailoutbox[0].body
    assert "2 e-mails zijn verstuurd." in text
    assert text.count("Link gemaild op") == 2


def test_invite_one_mails_only_that_participant(facilitator_client, round_, anna, bram, mailoutbox):
    url = reverse("rounds:invite_one", kwargs={"pk": round_.pk, "participant_id": bram.pk})

    response = facilitator_client.post(url, {"intro": "Hallo."})

    assert response.status_code == HTTPStatus.FOUND
    assert [m.to for m in mailoutbox] == [["bram@example.nl"]]


def test_invite_one_without_address_is_refused(facilitator_client, round_, participant, mailoutbox):
    url = reverse("rounds:invite_one", kwargs={"pk": round_.pk, "participant_id": participant.pk})

    response = facilitator_client.post(url, {"intro": "Hallo."})

    assert response.status_code == HTTPStatus.CONFLICT
    assert "Fatima heeft geen e-mailadres. Kopieer de link en stuur hem zelf." in response.content.decode()
    assert mailoutbox == []


def test_reminder_goes_only_to_those_not_handed_in(facilitator_client, round_, anna, bram, mailoutbox):
    answer_everything(bram, finish=True)

    response = facilitator_client.post(remind_url(round_), {"intro": "Nog even."}, follow=True)

    assert [m.to for m in mailoutbox] == [["anna@example.nl"]]
    assert mailoutbox[0].subject == "Herinnering: uw antwoorden voor “Armoede en gezondheid 2026”"
    assert "Herinnering gemaild op" in response.content.decode()


def test_empty_intro_is_refused(facilitator_client, round_, anna, mailoutbox):
    response = facilitator_client.post(invite_url(round_), {"intro": "  "})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Schrijf een korte inleiding." in response.content.decode()
    assert (mailoutbox, Participant.objects.get(pk=anna.pk).invited_at) == ([], None)


def test_without_a_mail_server_nothing_is_sent(facilitator_client, round_, anna, mailoutbox, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

    response = facilitator_client.post(invite_url(round_), {"intro": "Hallo."})

    assert response.status_code == HTTPStatus.CONFLICT
    assert "Deze server kan geen e-mail versturen." in response.content.decode()
    assert Participant.objects.get(pk=anna.pk).invited_at is None


@pytest.mark.parametrize("name", ["invite", "remind"])
def test_reader_may_not_mail(reader_client, round_, anna, mailoutbox, name):
    url = reverse(f"rounds:{name}", kwargs={"pk": round_.pk})

    assert reader_client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert reader_client.post(url, {"intro": "Hallo."}).status_code == HTTPStatus.FORBIDDEN
    assert mailoutbox == []


@pytest.mark.parametrize("name", ["invite", "remind"])
def test_other_organisation_gets_404(outsider_client, round_, anna, mailoutbox, name):
    url = reverse(f"rounds:{name}", kwargs={"pk": round_.pk})

    assert outsider_client.post(url, {"intro": "Hallo."}).status_code == HTTPStatus.NOT_FOUND
    assert mailoutbox == []


def test_joint_round_has_no_links_to_mail(facilitator_client, joint_round):
    assert facilitator_client.get(invite_url(joint_round)).status_code == HTTPStatus.NOT_FOUND


def test_round_page_shows_address_and_mail_status_to_facilitators_only(
    facilitator_client, reader_client, round_, anna, participant
):
    as_facilitator = facilitator_client.get(
        reverse("rounds:detail", kwargs={"pk": round_.pk})
    ).content.decode()
    as_reader = reader_client.get(reverse("rounds:detail", kwargs={"pk": round_.pk})).content.decode()

    assert "anna@example.nl" in as_facilitator
    assert "1 deelnemer met een e-mailadres is nog niet gemaild." in as_facilitator
    assert "1 deelnemer heeft geen e-mailadres: kopieer die link hieronder." in as_facilitator
    assert ("anna@example.nl" in as_reader, "Links mailen" in as_reader) == (False, False)


def test_invite_one_page_of_a_participant_without_address_offers_no_send(
    facilitator_client, round_, participant
):
    url = reverse("rounds:invite_one", kwargs={"pk": round_.pk, "participant_id": participant.pk})

    text = facilitator_client.get(url).content.decode()

    assert "Verstuur" not in text
    assert f'?deelnemer={participant.pk}#deelnemer-{participant.pk}">Fatima</a>' in text
