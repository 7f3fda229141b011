"""A round's settings, revealing its results to the participants, and opening it for joining by code."""

from http import HTTPStatus

from django.urls import reverse
from django.utils import timezone

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Round
from gesprekstool.rounds.preparation import JOIN_ALPHABET, JOIN_LENGTH
from tests.rounds.pages import dutch, url


def test_round_settings_saved(facilitator_client, round_):
    response = facilitator_client.post(url("settings", round_), {"results_for_participants": "on"})

    fresh = Round.objects.get(pk=round_.pk)
    assert response.url == url("detail", round_)
    assert (fresh.anonymised, fresh.results_for_participants) == (False, True)


def test_round_reveal_and_hide_again(facilitator_client, round_):
    shown = facilitator_client.post(url("reveal", round_), {"from": "present"})
    revealed_at = Round.objects.get(pk=round_.pk).results_revealed_at
    hidden = facilitator_client.post(url("reveal", round_), {"hide": "1"})

    assert revealed_at is not None
    assert shown.url == url("present", round_)
    assert hidden.url == url("detail", round_)
    assert Round.objects.get(pk=round_.pk).results_revealed_at is None


def test_reveal_also_switches_sharing_on(facilitator_client, round_):
    response = facilitator_client.post(url("reveal", round_), follow=True)

    fresh = Round.objects.get(pk=round_.pk)
    assert (fresh.results_for_participants, fresh.results_revealed_at is not None) == (True, True)
    assert (
        "De deelnemers zien nu de uitkomsten. De instelling ‘Deelnemers mogen de uitkomsten van de groep zien’ "
        "staat nu aan." in response.content.decode()
    )


def test_reveal_button_is_explained_beside_it(facilitator_client, round_):
    text = facilitator_client.get(url("present", round_)).content.decode()

    assert "Deze knop zet ook de instelling aan dat deelnemers ze mogen zien" in text
    assert ">Uitkomsten tonen</button>" in text


def test_round_joining_shows_a_code_and_stops(facilitator_client, round_):
    facilitator_client.post(url("joining", round_))
    code = Round.objects.get(pk=round_.pk).join_code
    page = facilitator_client.get(url("present", round_)).content.decode()
    facilitator_client.post(url("joining", round_), {"stop": "1"})

    assert len(code) == JOIN_LENGTH
    assert set(code) <= set(JOIN_ALPHABET)
    assert code in page
    assert reverse("join_round", kwargs={"code": code}) in page
    assert "<svg" in page
    assert Round.objects.get(pk=round_.pk).join_code is None


def test_round_joining_of_a_joint_round_is_refused(facilitator_client, joint_round):
    # A joint round's answers are the group's one shared form: nobody joins by code (issue 9).
    response = facilitator_client.post(url("joining", joint_round), follow=True)

    assert response.status_code == HTTPStatus.OK
    assert Round.objects.get(pk=joint_round.pk).join_code is None
    assert dutch("In a joint round the group fills in one shared form: nobody joins with a code.") in (
        response.content.decode()
    )


def test_round_joining_renews_the_code(facilitator_client, round_):
    facilitator_client.post(url("joining", round_))
    first = Round.objects.get(pk=round_.pk).join_code
    facilitator_client.post(url("joining", round_))
    second = Round.objects.get(pk=round_.pk).join_code

    assert first != second
    assert Round.objects.filter(join_code=first).exists() is False


def test_closing_a_round_ends_its_join_code_and_reopening_needs_a_new_one(facilitator_client, round_):
    facilitator_client.post(url("joining", round_))
    services.close_round(Round.objects.get(pk=round_.pk))
    services.reopen_round(Round.objects.get(pk=round_.pk))

    assert Round.objects.get(pk=round_.pk).join_code is None


def test_round_joining_of_a_closed_round_is_refused(facilitator_client, round_):
    round_.closed_at = timezone.now()
    round_.save()

    facilitator_client.post(url("joining", round_))

    assert Round.objects.get(pk=round_.pk).join_code is None
