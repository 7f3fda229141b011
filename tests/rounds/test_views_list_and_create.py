"""The list of rounds, and making a new one."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.rounds.models import Round
from tests.factories import (
    HELD_ON,
    MembershipFactory,
    ReaderMembershipFactory,
    RoundFactory,
    answer_everything,
)
from tests.rounds.pages import detail_url


def test_round_list_shows_only_own_rounds(facilitator_client, round_, other_organisation):
    RoundFactory(organisation=other_organisation, title="Ronde van elders")

    response = facilitator_client.get(reverse("rounds:list"))

    assert [r.pk for r in response.context["rounds"]] == [round_.pk]
    assert "Ronde van elders" not in response.content.decode()


def test_round_list_of_an_adviser_follows_the_organisation_chosen_in_the_header(
    facilitator, facilitator_client, round_, organisation, other_organisation
):
    MembershipFactory(user=facilitator, organisation=other_organisation)
    elsewhere = RoundFactory(organisation=other_organisation, title="Ronde van elders")

    first = facilitator_client.get(reverse("rounds:list"))
    facilitator_client.post(reverse("organisations:switch"), {"organisation": organisation.pk})
    switched = facilitator_client.get(reverse("rounds:list"))

    # Without a choice the first organisation by name ("Gemeente Elders") is the current one.
    assert [r.pk for r in first.context["rounds"]] == [elsewhere.pk]
    assert [r.pk for r in switched.context["rounds"]] == [round_.pk]


def test_round_create_preselects_the_current_organisation(
    facilitator, facilitator_client, organisation, other_organisation
):
    MembershipFactory(user=facilitator, organisation=other_organisation)
    facilitator_client.post(reverse("organisations:switch"), {"organisation": organisation.pk})

    response = facilitator_client.get(reverse("rounds:create"))

    assert response.context["chosen"] == str(organisation.pk)
    assert f'<option value="{organisation.pk}" selected>' in response.content.decode()


def test_round_list_without_rounds_says_so_instead_of_an_empty_table(facilitator_client):
    response = facilitator_client.get(reverse("rounds:list"))

    assert (
        '<p class="utrecht-paragraph">Er zijn nog geen rondes. Begin een ronde met “Nieuwe ronde”.</p>'
        in response.text
    )
    assert "<table" not in response.text


def test_round_list_counts_handed_in_participants(facilitator_client, round_, participant, other_participant):
    answer_everything(participant, finish=True)

    response = facilitator_client.get(reverse("rounds:list"))

    listed = response.context["rounds"][0]
    assert (listed.participant_count, listed.finished_count) == (2, 1)


def round_data(**overrides) -> dict:
    return {"title": "Najaar 2026", "held_on": "2026-11-20", "mode": "individual", **overrides}


def test_round_create_individual(facilitator_client, facilitator, organisation):
    response = facilitator_client.post(reverse("rounds:create"), round_data())

    round_ = Round.objects.get()
    assert response.url == detail_url(round_)
    assert (round_.organisation, round_.title, round_.held_on, round_.mode, round_.created_by) == (
        organisation,
        "Najaar 2026",
        HELD_ON,
        Round.Mode.INDIVIDUAL,
        facilitator,
    )
    assert round_.participants.count() == 0


def test_round_create_joint_has_the_group_form(facilitator_client):
    facilitator_client.post(reverse("rounds:create"), round_data(mode="joint"))

    round_ = Round.objects.get()
    assert round_.mode == Round.Mode.JOINT
    assert list(round_.participants.values_list("is_group", flat=True)) == [True]


@pytest.mark.parametrize(
    ("field", "value"),
    [("held_on", "31-02-2026"), ("held_on", "morgen"), ("held_on", ""), ("title", ""), ("mode", "samen")],
)
def test_round_create_bad_input_is_422(facilitator_client, organisation, field, value):
    response = facilitator_client.post(reverse("rounds:create"), round_data(**{field: value}))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert Round.objects.count() == 0


def test_round_create_for_a_chosen_organisation(facilitator, facilitator_client, other_organisation):
    MembershipFactory(user=facilitator, organisation=other_organisation)

    facilitator_client.post(reverse("rounds:create"), round_data(organisation=str(other_organisation.pk)))

    assert Round.objects.get().organisation == other_organisation


def test_round_create_for_a_foreign_organisation_is_404(facilitator_client, other_organisation):
    response = facilitator_client.post(
        reverse("rounds:create"), round_data(organisation=str(other_organisation.pk))
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Round.objects.count() == 0


def test_round_create_for_an_organisation_where_one_only_reads_is_404(
    facilitator, facilitator_client, other_organisation
):
    ReaderMembershipFactory(user=facilitator, organisation=other_organisation)

    response = facilitator_client.post(
        reverse("rounds:create"), round_data(organisation=str(other_organisation.pk))
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Round.objects.count() == 0


def test_round_create_refused_to_a_reader(reader_client):
    response = reader_client.post(reverse("rounds:create"), round_data())

    assert response.url == reverse("rounds:list")
    assert Round.objects.count() == 0


def test_round_create_form_asks_title_date_and_how_to_fill_in(facilitator_client):
    response = facilitator_client.get(reverse("rounds:create"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Nieuwe ronde" in html
    for field in ('name="title"', 'name="held_on"', 'name="mode"'):
        assert field in html


def test_round_create_has_no_empty_mode_choice(facilitator_client):
    page = facilitator_client.get(reverse("rounds:create")).content.decode()

    assert "---------" not in page
    assert page.count('name="mode"') == 2
    assert ('id="id_mode_0" checked' in page, 'id="id_mode_1" checked' in page) == (False, False)


def test_round_create_strips_control_characters_from_the_title(facilitator_client):
    facilitator_client.post(reverse("rounds:create"), round_data(title="Najaar\x1b[2J 2026\x00\x07"))

    assert Round.objects.get().title == "Najaar[2J 2026"


def test_round_create_refuses_a_date_at_the_edge_of_the_calendar(facilitator_client):
    response = facilitator_client.post(reverse("rounds:create"), round_data(held_on="9999-12-31"))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert Round.objects.count() == 0
