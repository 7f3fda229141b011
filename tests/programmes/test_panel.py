from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.programmes.models import ProgrammeMember
from gesprekstool.rounds import services
from tests.factories import ProgrammeMemberFactory

from .conftest import add_gemeente, everywhere

ANONYMOUS = ProgrammeMember.Sharing.ANONYMOUS
NOTHING = ProgrammeMember.Sharing.NOTHING


@pytest.fixture
def answered_round(round_, participant, other_participant):
    for person, value in ((participant, 1), (other_participant, 2)):
        for theme in round_.instrument.themes:
            services.save_score(person, theme=theme.code, value=value)
    return round_


def results(client, round_) -> str:
    response = client.get(reverse("rounds:results", kwargs={"pk": round_.pk}))
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.fixture
def region(programme):
    for n, score in enumerate([2, 3, 3, 4]):
        add_gemeente(programme, f"Gemeente Stil {n}", scores=everywhere(score))
    return programme


def test_the_results_page_shows_the_round_beside_the_programme(facilitator_client, answered_round, region):
    ProgrammeMemberFactory(programme=region, organisation=answered_round.organisation, sharing=ANONYMOUS)

    html = results(facilitator_client, answered_round)

    assert "Vergeleken met Gezond in... regio Oost" in html
    # This round's mean is 1,5 on every theme: the gemeenten's means are 1,5, 2, 3, 3, 4.
    assert html.count("bij het laagste kwart") == 6
    assert "Gemeente Stil" not in html


def test_no_comparison_while_fewer_than_five_gemeenten_share(facilitator_client, answered_round, programme):
    for n in range(3):
        add_gemeente(programme, f"Gemeente Stil {n}")
    ProgrammeMemberFactory(programme=programme, organisation=answered_round.organisation, sharing=ANONYMOUS)

    html = results(facilitator_client, answered_round)

    assert "Nog geen vergelijking" in html
    assert "bij het laagste kwart" not in html


def test_no_panel_for_a_gemeente_that_shares_nothing(facilitator_client, answered_round, region):
    ProgrammeMemberFactory(programme=region, organisation=answered_round.organisation, sharing=NOTHING)

    html = results(facilitator_client, answered_round)

    assert "Vergeleken met" not in html


def test_no_panel_for_a_gemeente_outside_programmes(facilitator_client, answered_round, region):
    assert "Vergeleken met" not in results(facilitator_client, answered_round)
