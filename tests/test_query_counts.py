"""Every page that lists things reads a fixed number of queries, whatever the number of items: the
same literal count with one item of everything and with several. The numbers are meant to be
brittle: a page that starts reading one more query fails here, and the change that caused it says
why in its commit (update the number then)."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gesprekstool.agenda import services as agenda_services
from gesprekstool.organisations import activity
from gesprekstool.rounds import services
from tests.factories import (
    HELD_ON,
    ActionFactory,
    ActionNoteFactory,
    MembershipFactory,
    OwnObservationFactory,
    add_answered_in_bulk,
    invite,
)

SEVERAL = 6


def fill(organisation, round_, facilitator, items: int) -> dict[str, str]:
    """`items` of everything a page can list: participants with every answer, actions with notes,
    own observations, rounds, team members, invitations, log lines. Answers the URL kwargs."""
    participants = add_answered_in_bulk(round_, items)
    round_.refresh_from_db()
    for number, participant in enumerate(participants):
        action = ActionFactory(round=round_, theme="ABCDEF"[number % 6], owner=participant)
        ActionNoteFactory(action=action)
        ActionFactory(round=round_, owner_email="mira@example.nl")
        OwnObservationFactory(round=round_, theme="A", text=f"Opvallend {number}")
        activity.record(
            organisation=organisation,
            actor=facilitator,
            action=activity.Action.ROUND_EXPORTED,
            subject=f"R{number}",
        )
        MembershipFactory(organisation=organisation)
        invite(organisation, f"collega{number}@example.nl")
    for number in range(items - 1):
        other = services.create_round(
            organisation=organisation, title=f"Eerder {number}", held_on=HELD_ON, mode="individual"
        )
        add_answered_in_bulk(other, 1)
    link = agenda_services.ensure_owner_link(organisation, email="mira@example.nl", name="Mira")
    repeated = agenda_services.repeat_round(
        round_,
        title="Een jaar later",
        held_on=HELD_ON,
        participants=participants,
        actions=round_.actions.all(),
    )
    round_.results_for_participants = True
    round_.results_revealed_at = timezone.now()
    round_.save(update_fields=["results_for_participants", "results_revealed_at"])
    return {
        "pk": round_.pk,
        "repeated": repeated.pk,
        "slug": organisation.slug,
        "token": link.token,
        "key": participants[0].token,
    }


ROUND_TITLE = "Armoede en gezondheid 2026</h1>"
LIVE_PROGRESS = "{items} van de {items} deelnemers hebben hun scores gegeven"
# The presenter's answers slide of theme A and its live update (a page with a query: "name?query").
ANSWERS = "rounds:present?thema=A&deel=antwoorden"
LIVE_ANSWERS = "rounds:present_live?thema=A&deel=antwoorden"
ANSWER_COUNT = '<span class="gt-visually-hidden"> van {items}</span>'

PAGES = {
    # url name: (kwargs used, queries, what the page shows: its heading, or what counts the items)
    "rounds:list": ((), 4, ">Rondes</h1>"),
    "rounds:detail": (("pk",), 6, ROUND_TITLE),
    "rounds:results": (("pk",), 16, ROUND_TITLE),
    "rounds:prepare": (("pk",), 13, ROUND_TITLE),
    # The overview draws the chart from the participants and their scores (analysis.analyse_step1):
    # 10 before, the ticks, comments and hidden observations no longer read.
    "rounds:present": (("pk",), 7, ROUND_TITLE),
    "rounds:present_live": (("pk",), 7, LIVE_PROGRESS),
    # The answers slide no longer reads the theme slide's own observations and questions: 13 before.
    ANSWERS: (("pk",), 11, ANSWER_COUNT),
    LIVE_ANSWERS: (("pk",), 10, ANSWER_COUNT),
    "agenda:edit": (("pk",), 11, ROUND_TITLE),
    "agenda:review": (("repeated",), 8, ">Een jaar later</h1>"),
    "agenda:ics": (("pk",), 7, "BEGIN:VCALENDAR"),
    "reports:downloads": (("pk",), 5, ROUND_TITLE),
    # The organisation and the membership come from the header's memberships (organisations/choice.py):
    # 8 and 9 before.
    "follow_up:actions": (("slug",), 6, ">Acties</h1>"),
    "monitoring:progress": (("slug",), 7, ">Voortgang door de tijd</h1>"),
    "organisations:team": ((), 5, ">Team van Gemeente Testdorp</h1>"),
    "organisation_privacy:log": (("slug",), 7, ">Logboek</h1>"),
    "follow_up:owner": (("token",), 6, ">Uw acties</h1>"),
}


@pytest.mark.parametrize("items", [1, SEVERAL])
@pytest.mark.parametrize("url_name", PAGES)
def test_a_listing_page_reads_a_fixed_number_of_queries(
    facilitator_client, organisation, round_, facilitator, items, url_name, django_assert_num_queries
):
    values = fill(organisation, round_, facilitator, items)
    names, queries, shows = PAGES[url_name]
    name, _, query = url_name.partition("?")
    kwargs = {name if name != "repeated" else "pk": values[name] for name in names}
    url = f"{reverse(name, kwargs=kwargs)}?{query}"

    with django_assert_num_queries(queries):
        response = facilitator_client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert shows.format(items=items) in response.content.decode()


# The second request for an unchanged round: its analysis is kept in memory by version
# (rounds/analysis.py); participants, scores, ticks, comments and hidden observations are not read
# again, the version (1 query) and the step-1 notes (1 query) are.
KEPT_PAGES = {  # url name: (queries, what the page shows)
    "rounds:results": (12, ROUND_TITLE),
    "rounds:prepare": (9, ROUND_TITLE),
    # The overview's chart kept by version needs no step-1 notes (6 before; analysis.analyse_step1).
    "rounds:present": (5, ROUND_TITLE),
    "rounds:present_live": (5, LIVE_PROGRESS),
    ANSWERS: (7, ANSWER_COUNT),  # 9 before
    LIVE_ANSWERS: (6, ANSWER_COUNT),
}


@pytest.mark.parametrize("items", [1, SEVERAL])
@pytest.mark.parametrize("url_name", KEPT_PAGES)
def test_a_results_page_of_an_unchanged_round_reads_fewer_queries(
    facilitator_client, organisation, round_, facilitator, items, url_name, django_assert_num_queries
):
    values = fill(organisation, round_, facilitator, items)
    name, _, query = url_name.partition("?")
    url = f"{reverse(name, kwargs={'pk': values['pk']})}?{query}"
    facilitator_client.get(url)

    queries, shows = KEPT_PAGES[url_name]

    with django_assert_num_queries(queries):
        response = facilitator_client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert shows.format(items=items) in response.content.decode()


# The participant's own pages, through the personal link (handed in, results revealed to all).
PARTICIPANT_PAGES = {
    # intro and done: +1 for the links apps add for a participant (futures: is the picture of the future open?)
    "fill:intro": ({}, 2, ">Welkom, Naam 1</h1>"),
    "fill:step1": ({}, 2, ">Stap 1. De balans opmaken: waar staat onze gemeente?</h1>"),
    "fill:step2": ({"theme": "C"}, 3, "</span> C. Gecombineerd beleid</h1>"),
    "fill:done": (
        {},
        11,
        ">Bedankt, uw antwoorden zijn ingeleverd</h1>",
    ),  # 9, +1 the round version (kept analysis), +1 the participant links
    "fill:group_results": ({}, 7, ">De uitkomsten van de groep</h2>"),
    "fill:own_answers": ({}, 5, ">Mijn antwoorden</h1>"),
}


@pytest.mark.parametrize("items", [1, SEVERAL])
@pytest.mark.parametrize("url_name", PARTICIPANT_PAGES)
def test_a_participant_page_reads_a_fixed_number_of_queries(
    organisation, round_, facilitator, items, url_name, django_assert_num_queries
):
    values = fill(organisation, round_, facilitator, items)
    extra, queries, shows = PARTICIPANT_PAGES[url_name]
    url = reverse(url_name, kwargs={"key": values["key"], **extra})

    with django_assert_num_queries(queries):
        response = Client().get(url)

    assert response.status_code == HTTPStatus.OK
    assert shows.format(items=items) in response.content.decode()
