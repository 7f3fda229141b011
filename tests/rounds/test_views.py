"""The facilitator's pages: rounds, participants and their links, results; who may see and change what."""

import datetime
import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant, Round
from gesprekstool.rounds.views import PARTICIPANTS_PER_PAGE
from tests.factories import (
    HELD_ON,
    ActionFactory,
    MembershipFactory,
    ParticipantFactory,
    ReaderMembershipFactory,
    RoundFactory,
    answer_everything,
    answers_of,
)

HELD_ON_MOMENT = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


def detail_url(round_: Round) -> str:
    return reverse("rounds:detail", kwargs={"pk": round_.pk})


def participant_url(name: str, participant: Participant) -> str:
    return reverse(f"rounds:{name}", kwargs={"pk": participant.round_id, "participant_id": participant.pk})


def round_state(round_: Round) -> dict:
    """Everything the facilitator pages can change about a round, for before/after comparisons."""
    fresh = Round.objects.get(pk=round_.pk)
    return {
        "closed_at": fresh.closed_at,
        "participants": [answers_of(p) for p in fresh.participants.all()],
        "actions": list(Action.objects.filter(round=fresh).values_list("pk", "description")),
        "agreement": list(Agreement.objects.filter(round=fresh).values_list("follow_up", "notes")),
    }


@pytest.fixture
def action(round_, participant):
    return ActionFactory(round=round_, theme="A", description="Bestaande actie", owner=participant)


def read_pages(round_: Round) -> list[str]:
    return [
        detail_url(round_),
        reverse("rounds:results", kwargs={"pk": round_.pk}),
        reverse("agenda:edit", kwargs={"pk": round_.pk}),
    ]


def write_requests(round_: Round, participant: Participant, action: Action) -> dict[str, tuple[str, dict]]:
    """Every write on a round's pages, as (url, data) for a POST."""
    return {
        "add participant": (detail_url(round_), {"display_name": "Nieuw", "domain": "armoede"}),
        "revoke": (participant_url("revoke", participant), {}),
        "renew": (participant_url("renew", participant), {}),
        "reopen": (participant_url("reopen", participant), {}),
        "close": (reverse("rounds:close", kwargs={"pk": round_.pk}), {}),
        "reopen round": (reverse("rounds:close", kwargs={"pk": round_.pk}), {"reopen": "1"}),
        "add action": (
            reverse("agenda:action_add", kwargs={"pk": round_.pk}),
            {"theme": "A", "description": "Nieuwe actie", "owner_name": "Wethouder"},
        ),
        "delete action": (
            reverse("agenda:action_delete", kwargs={"pk": round_.pk, "action_id": action.pk}),
            {},
        ),
        "agreement": (
            reverse("agenda:agreement", kwargs={"pk": round_.pk}),
            {"follow_up": "afdelingen", "notes": "Nieuw"},
        ),
    }


WRITES = [
    "add participant",
    "revoke",
    "renew",
    "reopen",
    "close",
    "reopen round",
    "add action",
    "delete action",
    "agreement",
]


# --- Access: another organisation sees nothing, a reader changes nothing ----------------------------------


@pytest.mark.parametrize("index", range(3), ids=["detail", "results", "agenda"])
def test_round_pages_of_another_organisation_are_404(outsider_client, round_, participant, index):
    response = outsider_client.get(read_pages(round_)[index])

    assert response.status_code == HTTPStatus.NOT_FOUND


REFUSED = [
    pytest.param("outsider_client", HTTPStatus.NOT_FOUND, id="another organisation 404"),
    pytest.param("reader_client", HTTPStatus.FORBIDDEN, id="reader 403"),
]


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize(("who", "status"), REFUSED)
def test_round_writes_of_another_organisation_or_by_a_reader_are_refused(
    request, round_, participant, action, write, who, status
):
    finished = answer_everything(participant, finish=True)
    if write == "reopen round":
        services.close_round(round_)
    before = round_state(round_)
    url, data = write_requests(round_, finished, action)[write]

    response = request.getfixturevalue(who).post(url, data)

    assert response.status_code == status
    assert round_state(round_) == before


@pytest.mark.parametrize("name", ["intro", "step1"])
def test_joint_form_of_another_organisation_is_404(outsider_client, joint_round, name):
    response = outsider_client.get(reverse(f"joint:{name}", kwargs={"key": joint_round.pk}))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_joint_form_post_of_another_organisation_is_404(outsider_client, joint_round):
    group = joint_round.participants.get()
    before = answers_of(group)

    response = outsider_client.post(
        reverse("joint:score", kwargs={"key": joint_round.pk, "theme": "A"}), {"score-A-score": "1"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(group) == before


def test_round_of_unknown_id_is_404(facilitator_client, round_):
    response = facilitator_client.get(reverse("rounds:detail", kwargs={"pk": round_.pk + 1000}))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("index", range(3), ids=["detail", "results", "agenda"])
def test_round_pages_open_for_a_reader(reader_client, round_, participant, index):
    response = reader_client.get(read_pages(round_)[index])

    assert response.status_code == HTTPStatus.OK
    assert "Armoede en gezondheid 2026" in response.content.decode()


@pytest.mark.parametrize(("method", "name"), [("get", "intro"), ("post", "start"), ("get", "step1")])
def test_joint_form_by_a_reader_is_403(reader_client, joint_round, method, name):
    group = joint_round.participants.get()
    before = answers_of(group)

    response = getattr(reader_client, method)(reverse(f"joint:{name}", kwargs={"key": joint_round.pk}))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert answers_of(group) == before


def test_round_detail_hides_links_from_a_reader(reader_client, facilitator_client, round_, participant):
    as_reader = reader_client.get(detail_url(round_)).content.decode()
    as_facilitator = facilitator_client.get(detail_url(round_)).content.decode()

    assert participant.token not in as_reader
    assert participant.token in as_facilitator


@pytest.mark.parametrize(
    "url_name", ["rounds:list", "rounds:create", "rounds:detail", "rounds:results", "rounds:close"]
)
def test_round_pages_need_a_login(client, round_, url_name):
    kwargs = {} if url_name in {"rounds:list", "rounds:create"} else {"pk": round_.pk}

    response = client.get(reverse(url_name, kwargs=kwargs))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_joint_form_needs_a_login(client, joint_round):
    response = client.get(reverse("joint:intro", kwargs={"key": joint_round.pk}))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_participant_reopen_refuses_get(facilitator_client, participant):
    response = facilitator_client.get(participant_url("reopen", participant))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


@pytest.mark.parametrize(
    ("name", "question", "button"),
    [
        ("close", "De ronde ‘{round}’ sluiten?", "Ja, ronde sluiten"),
        ("revoke", "De link van {name} intrekken?", "Ja, link intrekken"),
        ("renew", "Een nieuwe link maken voor {name}?", "Ja, nieuwe link maken"),
    ],
)
def test_close_revoke_and_renew_ask_first_and_change_nothing(
    facilitator_client, participant, name, question, button
):
    # Issue 15: these had no confirmation step; a GET now asks, only the POST of the answer acts.
    round_ = participant.round
    url = (
        reverse("rounds:close", kwargs={"pk": round_.pk})
        if name == "close"
        else participant_url(name, participant)
    )
    before = (round_state(round_), Participant.objects.filter(pk=participant.pk).values().get())

    response = facilitator_client.get(url)

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert question.format(round=round_.title, name=participant.display_name) in page
    assert f">{button}</button>" in page
    assert (round_state(round_), Participant.objects.filter(pk=participant.pk).values().get()) == before


def test_round_detail_links_to_the_confirmation_pages(facilitator_client, participant):
    page = facilitator_client.get(detail_url(participant.round)).content.decode()

    assert f'href="{participant_url("revoke", participant)}"' in page
    assert f'href="{participant_url("renew", participant)}"' in page
    assert f'href="{reverse("rounds:close", kwargs={"pk": participant.round_id})}"' in page


def test_round_create_has_no_empty_mode_choice(facilitator_client):
    page = facilitator_client.get(reverse("rounds:create")).content.decode()

    assert "---------" not in page
    assert page.count('name="mode"') == 2
    assert ('id="id_mode_0" checked' in page, 'id="id_mode_1" checked' in page) == (False, False)


def test_round_post_without_csrf_token_is_403(facilitator, round_):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)

    response = client.post(reverse("rounds:close", kwargs={"pk": round_.pk}))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Round.objects.get(pk=round_.pk).closed_at is None


# --- Round list and creation ------------------------------------------------------------------------------


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


# --- Participants and their links -------------------------------------------------------------------------


def test_round_detail_adds_a_participant(facilitator_client, round_):
    data = {"display_name": "Fatima", "domain": "armoede", "department": "Werk en Inkomen", "email": ""}

    response = facilitator_client.post(detail_url(round_), data)

    participant = round_.participants.get()
    assert response.url == detail_url(round_)
    assert (participant.position, participant.display_name, participant.domain, participant.is_group) == (
        1,
        "Fatima",
        "armoede",
        False,
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [("display_name", ""), ("domain", "sport"), ("email", "geen-adres"), ("display_name", "x" * 101)],
)
def test_round_detail_bad_participant_is_422(facilitator_client, round_, field, value):
    data = {"display_name": "Fatima", "domain": "armoede", field: value}

    response = facilitator_client.post(detail_url(round_), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert round_.participants.count() == 0


def test_round_detail_adds_no_participant_to_a_joint_round(facilitator_client, joint_round):
    response = facilitator_client.post(
        detail_url(joint_round), {"display_name": "Fatima", "domain": "armoede"}
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert joint_round.participants.count() == 1


def test_round_detail_shows_each_participants_link(
    facilitator_client, round_, participant, other_participant
):
    page = facilitator_client.get(detail_url(round_)).content.decode()

    assert reverse("fill:intro", kwargs={"key": participant.token}) in page
    assert reverse("fill:intro", kwargs={"key": other_participant.token}) in page


def cards_of(html: str) -> list[str]:
    """The participants whose cards a round page shows, by their card's anchor."""
    return re.findall(r'<li class="gt-card" id="deelnemer-(\d+)">', html)


@pytest.fixture
def large_round(round_):
    """A round of one participant more than a page of cards holds; the first has handed in and
    the second is busy."""
    people = ParticipantFactory.create_batch(PARTICIPANTS_PER_PAGE + 1, round=round_)
    Participant.objects.filter(pk=people[0].pk).update(
        first_opened_at=HELD_ON_MOMENT, finished_at=HELD_ON_MOMENT
    )
    Participant.objects.filter(pk=people[1].pk).update(first_opened_at=HELD_ON_MOMENT)
    return round_, [str(p.pk) for p in people]


def test_round_detail_shows_a_large_round_a_page_of_cards_at_a_time(facilitator_client, large_round):
    round_, ids = large_round

    first = facilitator_client.get(detail_url(round_)).content.decode()
    second = facilitator_client.get(detail_url(round_), {"pagina": 2}).content.decode()

    assert cards_of(first) == ids[:PARTICIPANTS_PER_PAGE]
    assert cards_of(second) == ids[PARTICIPANTS_PER_PAGE:]
    assert (
        "51 deelnemers: 1 ingeleverd, 1 bezig, 49 nog niet begonnen. Hier staan nummer 1 tot en met 50."
        in first
    )
    assert 'href="?pagina=2#participants-heading">Volgende pagina</a>' in first
    assert 'href="?pagina=1#participants-heading">Vorige pagina</a>' in second
    assert "Samenvoegen (dubbel)" in second  # the one card of page 2 can be merged into the others


def test_round_detail_opens_the_page_of_the_participant_asked_for(facilitator_client, large_round):
    round_, ids = large_round

    asked = facilitator_client.get(detail_url(round_), {"deelnemer": ids[-1]}).content.decode()
    unknown = facilitator_client.get(detail_url(round_), {"deelnemer": "999999"}).content.decode()
    nonsense = facilitator_client.get(detail_url(round_), {"pagina": "x"}).content.decode()

    assert cards_of(asked) == ids[PARTICIPANTS_PER_PAGE:]
    assert cards_of(unknown) == ids[:PARTICIPANTS_PER_PAGE]
    assert cards_of(nonsense) == ids[:PARTICIPANTS_PER_PAGE]


def test_round_detail_of_a_small_round_has_no_pages(
    facilitator_client, round_, participant, other_participant
):
    html = facilitator_client.get(detail_url(round_)).content.decode()

    assert cards_of(html) == [str(participant.pk), str(other_participant.pk)]
    assert "utrecht-pagination" not in html
    assert "participants-summary" not in html


def test_participant_revoke_stops_the_link(facilitator_client, client, participant):
    answer_everything(participant)
    before = answers_of(participant)

    response = facilitator_client.post(participant_url("revoke", participant))

    after = answers_of(participant)
    assert (
        response.url
        == f"{detail_url(participant.round)}?deelnemer={participant.pk}#deelnemer-{participant.pk}"
    )
    assert after["link_revoked_at"] is not None
    assert {**after, "link_revoked_at": None} == before
    assert client.get(reverse("fill:intro", kwargs={"key": participant.token})).status_code == HTTPStatus.GONE


def test_participant_renew_replaces_the_link(facilitator_client, participant):
    answer_everything(participant)
    before = answers_of(participant)

    facilitator_client.post(participant_url("renew", participant))

    after = answers_of(participant)
    assert after["token"] != before["token"]
    assert {**after, "token": before["token"]} == before
    assert (
        facilitator_client.get(reverse("fill:intro", kwargs={"key": before["token"]})).status_code
        == HTTPStatus.NOT_FOUND
    )
    assert (
        facilitator_client.get(reverse("fill:intro", kwargs={"key": after["token"]})).status_code
        == HTTPStatus.OK
    )


def test_participant_reopen_lets_them_answer_again(facilitator_client, participant):
    answer_everything(participant, finish=True)

    facilitator_client.post(participant_url("reopen", participant))

    assert answers_of(participant)["finished_at"] is None


def test_participant_reopen_of_the_joint_form(facilitator_client, joint_round):
    group = answer_everything(joint_round.participants.get(), finish=True)

    response = facilitator_client.post(participant_url("reopen", group))

    assert response.status_code == HTTPStatus.FOUND
    assert answers_of(group)["finished_at"] is None


@pytest.mark.parametrize("name", ["revoke", "renew"])
def test_participant_link_of_the_joint_form_cannot_be_changed(facilitator_client, joint_round, name):
    group = joint_round.participants.get()
    before = answers_of(group)

    response = facilitator_client.post(participant_url(name, group))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(group) == before


@pytest.mark.parametrize("name", ["revoke", "renew", "reopen"])
def test_participant_of_another_round_is_404(facilitator_client, organisation, round_, name):
    other_round = services.create_round(
        organisation=organisation, title="Ander", held_on=HELD_ON, mode="individual"
    )
    stranger = services.add_participant(other_round, display_name="Ander", domain="armoede")
    before = answers_of(stranger)

    response = facilitator_client.post(
        reverse(f"rounds:{name}", kwargs={"pk": round_.pk, "participant_id": stranger.pk})
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(stranger) == before


def test_round_close_and_reopen(facilitator_client, round_):
    closed = facilitator_client.post(reverse("rounds:close", kwargs={"pk": round_.pk}))
    closed_at = Round.objects.get(pk=round_.pk).closed_at
    reopened = facilitator_client.post(reverse("rounds:close", kwargs={"pk": round_.pk}), {"reopen": "1"})

    assert (closed.url, reopened.url) == (detail_url(round_), detail_url(round_))
    assert closed_at is not None
    assert Round.objects.get(pk=round_.pk).closed_at is None


# --- Results ----------------------------------------------------------------------------------------------


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


# --- A fixed number of queries, whatever the number of participants ---------------------------------------


def test_round_create_strips_control_characters_from_the_title(facilitator_client):
    facilitator_client.post(reverse("rounds:create"), round_data(title="Najaar\x1b[2J 2026\x00\x07"))

    assert Round.objects.get().title == "Najaar[2J 2026"


def test_round_create_refuses_a_date_at_the_edge_of_the_calendar(facilitator_client):
    response = facilitator_client.post(reverse("rounds:create"), round_data(held_on="9999-12-31"))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert Round.objects.count() == 0
