"""The wall and a participant's page read a fixed number of queries, whatever the number of
contributions, dots, headings and participants."""

import pytest
from django.test import Client
from django.urls import reverse

from gesprekstool.futures import services
from gesprekstool.rounds import services as round_services

SEVERAL = 6


def fill(prompt, facilitator, items: int):
    """`items` participants, each with a contribution, a heading every other one, a dot from each on
    every contribution up to three, one hidden, one merged, one action."""
    round_ = prompt.part.round
    people = [
        round_services.add_participant(round_, display_name=f"Deelnemer {n}", domain="armoede")
        for n in range(items)
    ]
    ideas = [services.add_contribution(p, prompt=prompt, text=f"Idee {n}") for n, p in enumerate(people)]
    for person in people:
        for idea in ideas[:3]:
            services.vote(person, contribution=idea)
    for n, idea in enumerate(ideas):
        if n % 2:
            services.set_heading(idea, heading=f"Kop {n % 4}")
    services.contribution_to_action(ideas[0])
    extra = services.add_contribution(people[0], prompt=prompt, text="Ongepast")
    services.hide_contribution(extra, by=facilitator)
    double = services.add_contribution(people[0], prompt=prompt, text="Idee 0!")
    services.merge_contributions(keep=ideas[0], merged=double)
    return people


@pytest.mark.parametrize("items", [1, SEVERAL])
@pytest.mark.parametrize(
    ("url_name", "query"), [("futures:wall", "thema=B"), ("futures:wall_live", "thema=B&versie=oud")]
)
def test_wall_reads_a_fixed_number_of_queries(
    facilitator_client, facilitator, prompt, items, url_name, query, django_assert_num_queries
):
    fill(prompt, facilitator, items)
    url = f"{reverse(url_name, kwargs={'pk': prompt.part.round_id})}?{query}"

    with django_assert_num_queries(9):
        response = facilitator_client.get(url)

    assert response.content.count(b'class="gt-wall__card"') == items


@pytest.mark.parametrize("items", [1, SEVERAL])
def test_participant_page_reads_a_fixed_number_of_queries(
    facilitator, prompt, items, django_assert_num_queries
):
    people = fill(prompt, facilitator, items)
    url = reverse("futures_fill:prompt", kwargs={"key": people[-1].token, "prompt_id": prompt.pk})
    client = Client()

    with django_assert_num_queries(6):
        response = client.get(url)

    assert response.content.count(b'<li class="gt-future-item') == items
