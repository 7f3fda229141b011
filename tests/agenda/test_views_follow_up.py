"""Following actions up: the overview of an organisation's actions, and repeating a round to review
the actions it carries over; every page's refusals."""

import datetime
import functools
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gesprekstool.agenda import services
from gesprekstool.agenda.models import ActionNote
from gesprekstool.rounds import services as round_services
from gesprekstool.rounds.models import Round
from tests.agenda.actions import YESTERDAY, progress_data
from tests.factories import HELD_ON, ActionFactory, MembershipFactory

# --- Overview ------------------------------------------------------------------------------------------------


def overview_url(organisation) -> str:
    return reverse("follow_up:actions", kwargs={"slug": organisation.slug})


@pytest.fixture
def actions(round_, participant, other_participant):
    action = functools.partial(ActionFactory, round=round_)
    return {
        "late": action(
            theme="B", description="Te laat", owner=participant, department="WI", due_on=YESTERDAY
        ),
        "busy": action(
            theme="C", description="Bezig", owner=other_participant, department="GGD", status="bezig"
        ),
        "done": action(
            theme="B", description="Klaar", owner_name="Wethouder", status="gedaan", due_on=YESTERDAY
        ),
    }


def listed(response) -> list[str]:
    return [a.description for a in response.context["actions"]]


def test_overview_lists_current_actions_live_first_with_late_badge(facilitator_client, organisation, actions):
    response = facilitator_client.get(overview_url(organisation))

    assert listed(response) == ["Te laat", "Bezig", "Klaar"]
    assert response.context["overdue_count"] == 1
    page = response.content.decode()
    assert page.count('class="utrecht-status-badge utrecht-status-badge--danger gt-late"') == 1
    assert 'class="gt-late__icon" aria-hidden="true"' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"theme": "B"}, ["Te laat", "Klaar"]),
        ({"owner": "Joost"}, ["Bezig"]),
        ({"owner": "Wethouder"}, ["Klaar"]),
        ({"department": "GGD"}, ["Bezig"]),
        ({"status": "gedaan"}, ["Klaar"]),
        ({"status": "lopend"}, ["Te laat", "Bezig"]),
        ({"overdue": "on"}, ["Te laat"]),
        ({"theme": "B", "status": "lopend"}, ["Te laat"]),
    ],
)
def test_overview_filters(facilitator_client, organisation, actions, query, expected):
    response = facilitator_client.get(overview_url(organisation), query)

    assert listed(response) == expected


def test_overview_that_filters_out_every_action_says_so_instead_of_an_empty_table(
    facilitator_client, organisation, actions
):
    response = facilitator_client.get(overview_url(organisation), {"owner": "Joost", "status": "gedaan"})

    assert listed(response) == []
    assert (
        '<p class="utrecht-paragraph">Er zijn geen acties die bij deze filters passen.</p>' in response.text
    )
    assert "<table" not in response.text


def test_overview_with_an_unknown_owner_says_so_and_shows_everyone(facilitator_client, organisation, actions):
    response = facilitator_client.get(overview_url(organisation), {"owner": "Onbekend", "theme": "C"})

    assert response.status_code == HTTPStatus.OK
    assert listed(response) == ["Bezig"]
    assert "Niemand met de naam “Onbekend” heeft hier een actie." in response.content.decode()


def test_overview_refusals(client, outsider_client, reader_client, organisation, actions):
    assert reader_client.get(overview_url(organisation)).status_code == HTTPStatus.OK
    assert outsider_client.get(overview_url(organisation)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(overview_url(organisation)).url.startswith(reverse("login"))


def test_actions_home_goes_to_the_only_organisation(facilitator_client, organisation):
    response = facilitator_client.get(reverse("follow_up:actions_home"))

    assert response.url == overview_url(organisation)


def test_actions_home_goes_to_the_current_of_two_organisations(
    facilitator_client, facilitator, organisation, other_organisation
):
    MembershipFactory(user=facilitator, organisation=other_organisation)
    facilitator_client.post(reverse("organisations:switch"), {"organisation": organisation.pk})

    response = facilitator_client.get(reverse("follow_up:actions_home"))

    assert response.url == overview_url(organisation)


def add_rounds(organisation, count: int) -> None:
    for number in range(count):
        r = round_services.create_round(
            organisation=organisation, title=f"R{number}", held_on=HELD_ON, mode="individual"
        )
        p = round_services.add_participant(
            r, display_name=f"P{number}", domain="armoede", department=f"Afd {number}"
        )
        original = ActionFactory(round=r, theme="A", description=f"A{number}", owner=p, due_on=YESTERDAY)
        ActionFactory(
            round=r,
            theme="B",
            description=f"B{number}",
            owner_name=f"N{number}",
            status="bezig",
            carried_from=original,
        )


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(captured)


def test_overview_queries_do_not_grow_with_rounds(facilitator_client, organisation):
    add_rounds(organisation, 2)
    two = query_count(facilitator_client, overview_url(organisation))

    add_rounds(organisation, 8)
    ten = query_count(facilitator_client, overview_url(organisation))

    assert Round.objects.count() == 10
    assert (two, ten) == (6, 6)


# --- Repeat and review ---------------------------------------------------------------------------------------


def repeat_url(round_) -> str:
    return reverse("agenda:repeat", kwargs={"pk": round_.pk})


def test_repeat_form_lists_participants_and_live_actions_ticked(facilitator_client, round_, actions):
    response = facilitator_client.get(repeat_url(round_))

    form = response.context["form"]
    assert response.status_code == HTTPStatus.OK
    assert form.initial["title"] == "Armoede en gezondheid 2026 (herhaling)"
    assert [p.display_name for p in form.initial["participants"]] == ["Fatima", "Joost"]
    assert sorted(a.description for a in form.initial["actions"]) == ["Bezig", "Te laat"]
    page = response.content.decode()
    assert page.count('type="checkbox"') == 4 and page.count("checked") == 4


def test_repeat_creates_the_round_and_opens_the_review(facilitator_client, round_, participant, actions):
    data = {
        "title": "Ronde 2027",
        "held_on": "2027-11-01",
        "participants": [str(participant.pk)],
        "actions": [str(actions["late"].pk), str(actions["busy"].pk)],
    }

    response = facilitator_client.post(repeat_url(round_), data)

    new = Round.objects.get(title="Ronde 2027")
    assert response.url == reverse("agenda:review", kwargs={"pk": new.pk})
    assert (new.previous, new.held_on) == (round_, datetime.date(2027, 11, 1))
    assert list(new.participants.values_list("display_name", flat=True)) == ["Fatima"]
    assert sorted(new.actions.values_list("description", "carried_from__round")) == [
        ("Bezig", round_.pk),
        ("Te laat", round_.pk),
    ]


def test_repeat_without_actions_goes_to_the_new_round(facilitator_client, round_, participant):
    response = facilitator_client.post(repeat_url(round_), {"title": "Zonder", "held_on": "2027-11-01"})

    new = Round.objects.get(title="Zonder")
    assert response.url == reverse("rounds:detail", kwargs={"pk": new.pk})
    assert new.participants.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"held_on": "morgen"}, "held_on"),
        ({"participants": ["999999"]}, "participants"),
        ({"actions": ["DONE"]}, "actions"),
    ],
    ids=["no title", "bad date", "unknown participant", "finished action"],
)
def test_repeat_bad_input_is_422(facilitator_client, round_, participant, actions, overrides, field):
    data = {"title": "Nieuw", "held_on": "2027-11-01", **overrides}
    if data.get("actions") == ["DONE"]:
        data["actions"] = [str(actions["done"].pk)]

    response = facilitator_client.post(repeat_url(round_), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.context["form"].errors) == [field]
    assert Round.objects.count() == 1


def test_repeat_refusals(client, reader_client, outsider_client, round_):
    data = {"title": "Nieuw", "held_on": "2027-11-01"}

    assert reader_client.get(repeat_url(round_)).status_code == HTTPStatus.FORBIDDEN
    assert reader_client.post(repeat_url(round_), data).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.post(repeat_url(round_), data).status_code == HTTPStatus.NOT_FOUND
    assert client.post(repeat_url(round_), data).url.startswith(reverse("login"))
    assert Round.objects.count() == 1


def test_round_nav_offers_repeat_to_facilitators_and_review_on_repeats(
    facilitator_client, reader_client, round_, participant
):
    new = services.repeat_round(
        round_, title="Nieuw", held_on=HELD_ON, participants=[participant], actions=[]
    )

    old_page = facilitator_client.get(reverse("rounds:detail", kwargs={"pk": round_.pk})).content.decode()
    new_page = facilitator_client.get(reverse("rounds:detail", kwargs={"pk": new.pk})).content.decode()
    reader_page = reader_client.get(reverse("rounds:detail", kwargs={"pk": new.pk})).content.decode()

    assert repeat_url(round_) in old_page and "Herhaal deze ronde" in old_page
    assert reverse("agenda:review", kwargs={"pk": round_.pk}) not in old_page
    assert reverse("agenda:review", kwargs={"pk": new.pk}) in new_page
    assert repeat_url(new) not in reader_page


@pytest.fixture
def repeated(round_, participant, actions):
    return services.repeat_round(
        round_,
        title="Ronde 2027",
        held_on=HELD_ON,
        participants=[participant],
        actions=[actions["late"], actions["busy"]],
    )


def review_url(round_) -> str:
    return reverse("agenda:review", kwargs={"pk": round_.pk})


def review_data(actions, **per_action) -> dict:
    data = {}
    for a in actions:
        status, note = per_action.get(a.description, (a.status, ""))
        data |= progress_data(a, status=status, note=note)
    return data


def test_review_lists_the_carried_actions(facilitator_client, repeated):
    response = facilitator_client.get(review_url(repeated))

    assert response.status_code == HTTPStatus.OK
    assert [row["action"].description for row in response.context["rows"]] == ["Te laat", "Bezig"]
    assert "0 van de 2 acties besproken." in response.content.decode()


def test_review_saves_status_and_notes_and_marks_discussed(facilitator_client, repeated):
    carried = list(repeated.actions.order_by("theme"))

    response = facilitator_client.post(
        review_url(repeated),
        review_data(carried, **{"Te laat": ("gedaan", "Is gelukt"), "Bezig": ("bezig", "")}),
    )

    assert response.url == review_url(repeated)
    assert dict(repeated.actions.values_list("description", "status")) == {
        "Te laat": "gedaan",
        "Bezig": "bezig",
    }
    assert repeated.actions.filter(reviewed_at__isnull=False).count() == 2
    assert list(ActionNote.objects.values_list("text", "new_status", "in_review")) == [
        ("Is gelukt", "gedaan", True)
    ]
    assert "2 van de 2 acties besproken." in facilitator_client.get(review_url(repeated)).content.decode()


def test_review_conflict_saves_the_other_rows_and_keeps_the_input(facilitator_client, repeated):
    carried = list(repeated.actions.order_by("theme"))
    data = review_data(
        carried, **{"Te laat": ("gedaan", "Gelukt"), "Bezig": ("vervallen", "Niet meer nodig")}
    )
    late = carried[0]
    services.update_action(
        late, expected_version=1, changes={"status": "bezig"}, author_name="Fatima", note="Via link"
    )

    response = facilitator_client.post(review_url(repeated), data)

    assert response.status_code == HTTPStatus.CONFLICT
    assert dict(repeated.actions.values_list("description", "status")) == {
        "Te laat": "bezig",
        "Bezig": "vervallen",
    }
    rows = {row["action"].description: row for row in response.context["rows"]}
    assert rows["Te laat"]["conflict"].status == "bezig"
    form = rows["Te laat"]["form"]
    assert (form["status"].value(), form["note"].value(), form["version"].value()) == (
        "gedaan",
        "Gelukt",
        "2",
    )
    assert rows["Bezig"]["form"].is_bound is False
    assert "Via link" in response.content.decode()


def test_review_bad_input_is_422_and_saves_the_valid_rows(facilitator_client, repeated):
    carried = list(repeated.actions.order_by("theme"))
    data = review_data(carried, **{"Te laat": ("klaar", ""), "Bezig": ("gedaan", "")})

    response = facilitator_client.post(review_url(repeated), data)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert dict(repeated.actions.values_list("description", "status")) == {
        "Te laat": "open",
        "Bezig": "gedaan",
    }


def test_review_of_a_round_that_is_no_repeat_is_404(facilitator_client, round_):
    assert facilitator_client.get(review_url(round_)).status_code == HTTPStatus.NOT_FOUND


def test_review_refusals(client, reader_client, outsider_client, repeated):
    carried = list(repeated.actions.order_by("theme"))
    data = review_data(carried, **{"Te laat": ("gedaan", "")})

    reader_page = reader_client.get(review_url(repeated))
    assert (
        reader_page.status_code == HTTPStatus.OK
        and "<form" not in reader_page.content.decode().split("<main")[1]
    )
    assert reader_client.post(review_url(repeated), data).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.get(review_url(repeated)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(review_url(repeated)).url.startswith(reverse("login"))
    assert repeated.actions.filter(status="gedaan").count() == 0
