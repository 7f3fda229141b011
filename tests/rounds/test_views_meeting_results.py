"""A round's results page: what stands out, a large round's table and names on request, names only
when the round is not anonymised; a joint round speaks of the group."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds import services
from gesprekstool.rounds.charts import PER_PARTICIPANT_UP_TO
from tests.factories import add_answered_in_bulk, answer_everything
from tests.rounds.pages import url

# --- Results page -----------------------------------------------------------------------------------------


def test_round_results_show_what_stands_out(facilitator_client, spread_round, own_observation):
    response = facilitator_client.get(url("results", spread_round))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "spread:D" in [o.key for o in response.context["analysis"].observations]
    assert (
        "Deelnemer 1 (Armoede) (nog niet ingeleverd) geeft 2, Deelnemer 2 (Gezondheid) (nog niet ingeleverd) geeft 5"
        in page
    )
    assert "Eigen observatie" in page
    assert 'id="chart-step1-title"' in page
    assert "Deelnemer 1 (Armoede)" in page
    assert "Fatima" not in page


@pytest.fixture
def large_round(round_):
    add_answered_in_bulk(round_, PER_PARTICIPANT_UP_TO + 1)
    return round_


def test_round_results_of_a_large_round_send_the_table_and_the_names_on_request(
    facilitator_client, large_round
):
    page = facilitator_client.get(url("results", large_round)).content.decode()

    assert 'id="chart-step1-title"' in page
    assert 'id="step1-caption"' not in page
    assert "Toon de scores van de 41 deelnemers als tabel" in page
    assert f'href="{url("results", large_round)}?tabel=1#step1-caption"' in page
    assert 'class="gt-result-option__who"' not in page
    assert f'data-hx-get="{url("results", large_round)}?deel=namen"' in page


def test_round_results_table_of_a_large_round_is_sent_when_opened(facilitator_client, large_round):
    response = facilitator_client.get(f"{url('results', large_round)}?deel=tabel")

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'id="step1-caption"' in html
    assert html.count('class="utrecht-table__header-cell gt-score-table__participant"') == 41
    assert "<html" not in html


def test_round_results_names_of_a_large_round_are_sent_when_asked(facilitator_client, large_round):
    response = facilitator_client.get(f"{url('results', large_round)}?deel=namen")

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert html.startswith(
        '\n<section aria-labelledby="step2-heading" class="gt-section" id="step2-results">'
    )
    assert 'class="gt-result-option__who">Deelnemer 1 (' in html
    assert "<html" not in html


@pytest.mark.parametrize("query", ["?tabel=1", "?namen=1"])
def test_round_results_of_a_large_round_whole_without_javascript(facilitator_client, large_round, query):
    page = facilitator_client.get(url("results", large_round) + query).content.decode()

    shown = ('id="step1-caption"' in page, 'class="gt-result-option__who"' in page)
    assert shown == {"?tabel=1": (True, False), "?namen=1": (False, True)}[query]


def test_round_results_of_a_small_round_show_table_and_names(facilitator_client, round_):
    add_answered_in_bulk(round_, PER_PARTICIPANT_UP_TO)

    page = facilitator_client.get(url("results", round_)).content.decode()

    assert ('id="step1-caption"' in page, 'class="gt-result-option__who"' in page) == (True, True)


def test_round_results_by_name_when_not_anonymised(
    facilitator_client, spread_round, participant, other_participant
):
    spread_round.anonymised = False
    spread_round.save()

    page = facilitator_client.get(url("results", spread_round)).content.decode()

    assert participant.shown_name == "Fatima (Armoede)"
    assert "Fatima (Armoede)" in page
    assert "Joost (Gezondheid)" in page


def test_round_results_escape_a_name_with_markup(facilitator_client, round_):
    round_.anonymised = False
    round_.save()
    participant = services.add_participant(round_, display_name="<b>Piet</b>", domain="armoede")
    answer_everything(participant, score=5, finish=True)

    page = facilitator_client.get(url("results", round_)).content.decode()

    assert "&lt;b&gt;Piet&lt;/b&gt; (Armoede)" in page
    assert "<b>Piet</b>" not in page


def test_round_results_show_every_participant_label(
    facilitator_client, round_, participant, other_participant
):
    answer_everything(participant)

    response = facilitator_client.get(reverse("rounds:results", kwargs={"pk": round_.pk}))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert participant.label in page
    assert other_participant.label in page
    assert participant.display_name not in page


def test_round_results_without_participants(facilitator_client, round_):
    response = facilitator_client.get(reverse("rounds:results", kwargs={"pk": round_.pk}))

    assert response.status_code == HTTPStatus.OK
    assert response.context["results"].participants == []


# --- Joint rounds speak of the group ----------------------------------------------------------------------


def test_joint_round_pages_speak_of_the_group_not_of_several_participants(facilitator_client, joint_round):
    answer_everything(joint_round.participants.get(), finish=True)

    results = facilitator_client.get(url("results", joint_round)).content.decode()
    present = facilitator_client.get(url("present", joint_round)).content.decode()
    intro = facilitator_client.get(reverse("joint:intro", kwargs={"key": joint_round.pk})).content.decode()

    assert "gekozen door de groep" in results
    assert "van 1</span>" not in results
    assert "</svg> De groep</span>" in results  # the legend, not "★ Anders"
    assert "Anders</span>" not in results
    assert "Het teken is het gezamenlijke antwoord van de groep." in present
    assert "De groep heeft de scores gegeven · ingeleverd" in present
    assert "U vult hem samen in, als één groep." in intro
    assert "De verschillen tussen uw antwoorden" not in intro
