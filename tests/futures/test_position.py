"""`FuturePart.position`: "before" opens the picture of the future from the start; "after" only once the
participant has handed in, or the results were revealed to the participants. Too early: a Dutch page
with 409, and nothing changes."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from gesprekstool.futures import cooperation, services
from gesprekstool.futures.models import Contribution, CooperationMark, FuturePart, Vote
from gesprekstool.rounds import services as round_services

NOT_YET = "Het toekomstbeeld gaat open zodra u uw antwoorden hebt ingeleverd"


@pytest.fixture
def after(part):
    FuturePart.objects.filter(pk=part.pk).update(position="after")
    part.refresh_from_db()
    return part


@pytest.fixture
def someone_elses(other_participant, prompt):
    """A contribution by a participant who has handed in, on the wall."""
    other_participant.finished_at = timezone.now()
    other_participant.save(update_fields=["finished_at"])
    FuturePart.objects.filter(pk=prompt.part_id).update(position="before")
    contribution = services.add_contribution(other_participant, prompt=prompt, text="Eén loket")
    FuturePart.objects.filter(pk=prompt.part_id).update(position="after")
    return contribution


def finish(participant):
    participant.finished_at = timezone.now()
    participant.save(update_fields=["finished_at"])


def index_url(participant):
    return reverse("futures_fill:index", kwargs={"key": participant.token})


def prompt_url(participant, prompt):
    return reverse("futures_fill:prompt", kwargs={"key": participant.token, "prompt_id": prompt.pk})


def intro(client, participant):
    return client.get(reverse("fill:intro", kwargs={"key": participant.token}) + "?intro=1")


# --- "after" ------------------------------------------------------------------------------------------------


def test_after_the_pages_are_refused_before_handing_in(client, participant, after, prompt):
    urls = [
        index_url(participant),
        prompt_url(participant, prompt),
        reverse("futures_fill:live", kwargs={"key": participant.token, "prompt_id": prompt.pk}),
        reverse("cooperation_fill:marks", kwargs={"key": participant.token}),
    ]

    responses = [client.get(url) for url in urls]

    assert [r.status_code for r in responses] == [HTTPStatus.CONFLICT] * 4
    assert [NOT_YET in r.text for r in responses] == [True] * 4
    assert prompt.text not in responses[1].text


def test_after_a_contribution_before_handing_in_is_refused_and_nothing_is_saved(
    client, participant, after, prompt
):
    response = client.post(prompt_url(participant, prompt), {"text": "Te vroeg"})

    assert response.status_code == HTTPStatus.CONFLICT
    assert NOT_YET in response.text
    assert Contribution.objects.count() == 0


def test_after_a_dot_or_a_withdrawal_before_handing_in_is_refused(client, participant, after, someone_elses):
    url_kwargs = {"key": participant.token, "contribution_id": someone_elses.pk}

    voted = client.post(reverse("futures_fill:vote", kwargs=url_kwargs))
    withdrawn = client.post(reverse("futures_fill:withdraw", kwargs=url_kwargs))

    assert (voted.status_code, withdrawn.status_code) == (HTTPStatus.CONFLICT, HTTPStatus.CONFLICT)
    assert (Vote.objects.count(), Contribution.objects.count()) == (0, 1)


def test_after_a_mark_before_handing_in_is_refused_and_nothing_is_saved(client, participant, after):
    url = reverse("cooperation_fill:marks", kwargs={"key": participant.token})

    response = client.post(url, {"party_a": "armoede", "party_b": "gezondheid"})

    assert response.status_code == HTTPStatus.CONFLICT
    assert CooperationMark.objects.count() == 0


def test_after_the_services_refuse_too_early(participant, after, prompt, someone_elses):
    with pytest.raises(services.Refused) as contribution_refused:
        services.add_contribution(participant, prompt=prompt, text="Te vroeg")
    with pytest.raises(services.Refused) as vote_refused:
        services.vote(participant, contribution=someone_elses)
    with pytest.raises(cooperation.CooperationRefused):
        cooperation.add_mark(participant, party_a="armoede", party_b="gezondheid")

    assert (contribution_refused.value.status, vote_refused.value.status) == (409, 409)
    assert (Contribution.objects.count(), Vote.objects.count(), CooperationMark.objects.count()) == (1, 0, 0)


def test_after_handing_in_opens_the_pages_and_the_writing(client, participant, after, prompt):
    finish(participant)

    index = client.get(index_url(participant))
    posted = client.post(prompt_url(participant, prompt), {"text": "Na het inleveren"})

    assert (index.status_code, posted.status_code) == (HTTPStatus.OK, HTTPStatus.FOUND)
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Na het inleveren"]


def test_after_revealed_results_open_it_to_those_who_did_not_hand_in(
    client, participant, facilitator, after, prompt
):
    round_services.reveal_results(participant.round, by=facilitator)

    response = client.get(prompt_url(participant, prompt))

    assert response.status_code == HTTPStatus.OK
    assert prompt.text in response.text


def test_after_hiding_the_results_again_closes_it_to_those_who_did_not_hand_in(
    client, participant, facilitator, after
):
    round_services.reveal_results(participant.round, by=facilitator)
    round_services.hide_results(participant.round)

    response = client.get(index_url(participant))

    assert response.status_code == HTTPStatus.CONFLICT


def waiting_pages(participant, prompt) -> list[tuple[str, str]]:
    """The pages that wait (URL) with a text only the open page shows."""
    return [
        (index_url(participant), "Waar willen we over vier jaar samen staan?"),
        (prompt_url(participant, prompt), prompt.text),
        (reverse("cooperation_fill:marks", kwargs={"key": participant.token}), "Dit paar aangeven"),
    ]


def test_after_a_page_opened_too_early_asks_again_by_itself(client, participant, after, prompt):
    pages = waiting_pages(participant, prompt)

    responses = [client.get(url) for url, _text in pages]

    assert [r.status_code for r in responses] == [HTTPStatus.CONFLICT] * 3
    assert [
        f'data-hx-get="{url}" data-hx-trigger="every 5s"' in r.text
        for (url, _), r in zip(pages, responses, strict=True)
    ] == [True] * 3


def test_after_the_poll_answers_204_while_closed_and_the_page_once_handed_in(
    client, participant, after, prompt
):
    pages = waiting_pages(participant, prompt)

    closed = [client.get(url, headers={"HX-Request": "true"}) for url, _text in pages]
    finish(participant)
    opened = [client.get(url, headers={"HX-Request": "true"}) for url, _text in pages]

    assert [(r.status_code, r.content) for r in closed] == [(HTTPStatus.NO_CONTENT, b"")] * 3
    assert [r.status_code for r in opened] == [HTTPStatus.OK] * 3
    assert [
        text in r.text and 'id="main"' in r.text for (_url, text), r in zip(pages, opened, strict=True)
    ] == [True] * 3


def test_after_a_refused_dot_waits_on_the_index(client, participant, after, someone_elses):
    url = reverse("futures_fill:vote", kwargs={"key": participant.token, "contribution_id": someone_elses.pk})

    response = client.post(url)

    assert response.status_code == HTTPStatus.CONFLICT
    assert f'data-hx-get="{index_url(participant)}"' in response.text


def test_after_the_intro_has_no_link_before_handing_in(client, participant, after):
    round_services.mark_opened(participant)

    response = intro(client, participant)

    assert index_url(participant) not in response.text


def test_after_the_done_page_links_to_it_once_handed_in(client, participant, after):
    finish(participant)

    response = client.get(reverse("fill:done", kwargs={"key": participant.token}))

    assert response.status_code == HTTPStatus.OK
    assert index_url(participant) in response.text


# --- "before" ---------------------------------------------------------------------------------------------


def test_before_it_is_open_and_linked_from_the_start(client, participant, part, prompt):
    round_services.mark_opened(participant)

    linked = intro(client, participant)
    page = client.get(prompt_url(participant, prompt))
    posted = client.post(prompt_url(participant, prompt), {"text": "Vooraf"})

    assert index_url(participant) in linked.text
    assert (page.status_code, posted.status_code) == (HTTPStatus.OK, HTTPStatus.FOUND)
    assert Contribution.objects.count() == 1


def test_the_setup_form_explains_the_position(facilitator_client, round_):
    response = facilitator_client.get(reverse("futures:setup", kwargs={"pk": round_.pk}))

    assert "Vooraf: deelnemers kunnen het meteen openen." in response.text
