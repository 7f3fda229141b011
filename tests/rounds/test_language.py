"""A round's language: participants who have not chosen one see the round's; the one they chose is kept."""

from http import HTTPStatus

from django.conf import settings
from django.test import Client
from django.urls import reverse

from gesprekstool.rounds.models import Participant, Round
from tests.rounds.fill import fill_url


def english(round_: Round) -> Round:
    round_.language = "en"
    round_.save()
    return round_


def test_a_new_round_is_dutch(round_):
    assert round_.language == "nl"


def test_a_participant_without_a_choice_sees_the_rounds_language(client, round_, participant):
    english(round_)

    html = client.get(fill_url(participant, "step1")).content.decode()

    assert '<html lang="en"' in html
    assert "Taking stock: where does our municipality stand?" in html
    assert "Our municipality has a clear vision of the connection between poverty and health." in html
    assert "6 – don&#x27;t know" in html
    assert Participant.objects.get(pk=participant.pk).language == ""


def test_a_participants_choice_wins_over_the_rounds_language(client, round_, participant):
    english(round_)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    html = client.get(fill_url(participant, "step1")).content.decode()

    assert '<html lang="nl"' in html
    assert "Onze gemeente heeft een duidelijke visie op de verbinding tussen armoede en gezondheid." in html
    assert "6 – weet niet" in html


def test_the_language_a_participant_chose_is_kept(client, round_, participant):
    client.post(reverse("set_language"), {"language": "en", "next": fill_url(participant, "intro")})

    client.get(fill_url(participant, "intro"))

    assert Participant.objects.get(pk=participant.pk).language == "en"


def test_answers_in_either_language_are_one_round(round_, participant, other_participant):
    english(round_)
    in_english, in_dutch = Client(), Client()
    in_dutch.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"

    for client, person in ((in_english, participant), (in_dutch, other_participant)):
        client.post(fill_url(person, "start"))
        client.post(fill_url(person, "score", theme="A"), {"score-A-score": 6}, HTTP_HX_REQUEST="true")

    scores = sorted(round_.participants.values_list("display_name", "scores__theme", "scores__first"))
    assert scores == [("Fatima", "A", 6), ("Joost", "A", 6)]


def test_the_join_page_is_in_the_rounds_language(client, round_):
    english(round_)
    round_.join_code = "ABC234"
    round_.save()

    html = client.get(reverse("join_round", kwargs={"code": "ABC234"})).content.decode()

    assert '<html lang="en"' in html
    assert "Give your name and your domain." in html


def test_a_facilitator_chooses_the_rounds_language(facilitator_client, organisation):
    response = facilitator_client.post(
        reverse("rounds:create"),
        {"title": "Autumn 2026", "held_on": "2026-11-20", "mode": "individual", "language": "en"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Round.objects.get().language == "en"


def test_the_create_form_offers_the_languages(facilitator_client, organisation):
    html = facilitator_client.get(reverse("rounds:create")).content.decode()

    assert '<label class="utrecht-form-label" for="id_language_1">Engels</label>' in html


def test_a_round_without_a_chosen_language_is_dutch(facilitator_client, organisation):
    facilitator_client.post(
        reverse("rounds:create"), {"title": "Najaar 2026", "held_on": "2026-11-20", "mode": "individual"}
    )

    assert Round.objects.get().language == "nl"


def test_the_settings_change_the_rounds_language(facilitator_client, round_):
    facilitator_client.post(reverse("rounds:settings", kwargs={"pk": round_.pk}), {"language": "en"})

    round_.refresh_from_db()
    assert round_.language == "en"


def test_settings_without_a_language_keep_it(facilitator_client, round_):
    english(round_)

    facilitator_client.post(
        reverse("rounds:settings", kwargs={"pk": round_.pk}), {"results_for_participants": "on"}
    )

    round_.refresh_from_db()
    assert (round_.language, round_.results_for_participants) == ("en", True)


def test_settings_refuse_an_unknown_language(facilitator_client, round_):
    facilitator_client.post(reverse("rounds:settings", kwargs={"pk": round_.pk}), {"language": "de"})

    round_.refresh_from_db()
    assert round_.language == "nl"


def test_a_reader_cannot_change_the_rounds_language(reader_client, round_):
    response = reader_client.post(reverse("rounds:settings", kwargs={"pk": round_.pk}), {"language": "en"})

    round_.refresh_from_db()
    assert (response.status_code, round_.language) == (HTTPStatus.FORBIDDEN, "nl")
