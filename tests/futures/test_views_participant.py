from http import HTTPStatus

from django.urls import reverse

from gesprekstool.futures import services
from gesprekstool.futures.models import Contribution, FuturePart, Vote
from gesprekstool.rounds import services as round_services


def prompt_url(participant, prompt):
    return reverse("futures_fill:prompt", kwargs={"key": participant.token, "prompt_id": prompt.pk})


def vote_url(participant, contribution):
    return reverse("futures_fill:vote", kwargs={"key": participant.token, "contribution_id": contribution.pk})


def test_the_done_page_links_to_the_picture_of_the_future(client, participant, part):
    round_services.mark_opened(participant)

    response = client.get(reverse("fill:intro", kwargs={"key": participant.token}) + "?intro=1")

    assert reverse("futures_fill:index", kwargs={"key": participant.token}) in response.text


def test_no_link_while_the_part_is_closed(client, participant, part):
    FuturePart.objects.filter(pk=part.pk).update(enabled=False)

    response = client.get(reverse("fill:intro", kwargs={"key": participant.token}))

    assert "toekomst" not in response.text


def test_index_lists_the_prompts(client, participant, prompt):
    response = client.get(reverse("futures_fill:index", kwargs={"key": participant.token}))

    assert response.status_code == HTTPStatus.OK
    assert prompt.text in response.text


def test_index_without_a_part_says_so(client, participant):
    response = client.get(reverse("futures_fill:index", kwargs={"key": participant.token}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Er is geen toekomstbeeld" in response.text


def test_write_a_contribution(client, participant, prompt):
    response = client.post(prompt_url(participant, prompt), {"text": "Eén loket"})

    assert response.status_code == HTTPStatus.FOUND
    assert list(Contribution.objects.values_list("participant", "text")) == [(participant.pk, "Eén loket")]


def test_empty_or_oversized_text_is_refused_with_a_message(client, participant, prompt):
    empty = client.post(prompt_url(participant, prompt), {"text": "  "})
    long = client.post(prompt_url(participant, prompt), {"text": "x" * 281})

    assert empty.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Schrijf eerst iets op." in empty.text
    assert long.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Schrijf uw bijdrage in hoogstens 280 tekens (u schreef er 281)." in long.text
    assert Contribution.objects.count() == 0


def test_closed_round_refuses_with_a_message(client, participant, prompt):
    round_services.close_round(participant.round)

    response = client.post(prompt_url(participant, prompt), {"text": "Te laat"})

    assert response.status_code == HTTPStatus.CONFLICT
    assert "Deze ronde is gesloten." in response.text
    assert Contribution.objects.count() == 0


def test_others_contributions_appear_without_names_and_hidden_ones_never(
    client, facilitator, participant, other_participant, prompt
):
    services.add_contribution(other_participant, prompt=prompt, text="Van Joost")
    hidden = services.add_contribution(other_participant, prompt=prompt, text="Ongepast")
    services.hide_contribution(hidden, by=facilitator)

    response = client.get(prompt_url(participant, prompt))

    assert "Van Joost" in response.text
    assert "Ongepast" not in response.text
    assert "Joost" not in response.text.replace("Van Joost", "")
    assert "Deelnemer 2" not in response.text


def test_give_and_take_back_a_dot(client, participant, other_participant, prompt):
    idea = services.add_contribution(other_participant, prompt=prompt, text="Goed idee")

    given = client.post(vote_url(participant, idea))
    page = client.get(prompt_url(participant, prompt))
    taken = client.post(vote_url(participant, idea), {"withdraw": "on"})

    assert given.status_code == HTTPStatus.FOUND
    assert "U hebt nog 2 van de 3 stippen voor deze vraag." in page.text
    assert taken.status_code == HTTPStatus.FOUND
    assert Vote.objects.count() == 0


def test_fourth_dot_and_second_dot_are_refused_with_a_message(client, participant, other_participant, prompt):
    ideas = [services.add_contribution(other_participant, prompt=prompt, text=f"Idee {n}") for n in range(4)]
    for idea in ideas[:3]:
        client.post(vote_url(participant, idea))

    fourth = client.post(vote_url(participant, ideas[3]))
    again = client.post(vote_url(participant, ideas[0]))

    assert fourth.status_code == HTTPStatus.CONFLICT
    assert "U hebt al uw 3 stippen voor deze vraag gegeven." in fourth.text
    assert again.status_code == HTTPStatus.CONFLICT
    assert "U hebt deze bijdrage al een stip gegeven." in again.text
    assert Vote.objects.count() == 3


def test_dot_on_a_withdrawn_contribution_is_refused(client, participant, other_participant, prompt):
    idea = services.add_contribution(other_participant, prompt=prompt, text="Weg")
    url = vote_url(participant, idea)
    services.withdraw_contribution(other_participant, contribution=idea)

    response = client.post(url)

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Deze bijdrage is er niet meer" in response.text
    assert Vote.objects.count() == 0


def test_withdraw_own_but_not_someone_elses(client, participant, other_participant, prompt):
    own = services.add_contribution(participant, prompt=prompt, text="Van mij")
    theirs = services.add_contribution(other_participant, prompt=prompt, text="Van een ander")

    def withdraw(contribution):
        return client.post(
            reverse(
                "futures_fill:withdraw", kwargs={"key": participant.token, "contribution_id": contribution.pk}
            )
        )

    assert withdraw(own).status_code == HTTPStatus.FOUND
    refused = withdraw(theirs)
    assert refused.status_code == HTTPStatus.FORBIDDEN
    assert "U kunt alleen uw eigen bijdragen intrekken." in refused.text
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Van een ander"]


def test_participant_of_another_round_cannot_reach_the_prompt(client, organisation, prompt):
    elsewhere = round_services.create_round(
        organisation=organisation, title="Andere ronde", held_on=prompt.part.round.held_on, mode="individual"
    )
    stranger = round_services.add_participant(elsewhere, display_name="Vreemde", domain="armoede")

    response = client.post(prompt_url(stranger, prompt), {"text": "Ingebroken"})

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert Contribution.objects.count() == 0


def test_live_list_answers_204_while_nothing_changed(client, participant, other_participant, prompt):
    version = client.get(prompt_url(participant, prompt)).context["live_version"]
    live = reverse("futures_fill:live", kwargs={"key": participant.token, "prompt_id": prompt.pk})

    unchanged = client.get(f"{live}?versie={version}")
    services.add_contribution(other_participant, prompt=prompt, text="Nieuw erbij")
    changed = client.get(f"{live}?versie={version}")

    assert unchanged.status_code == HTTPStatus.NO_CONTENT
    assert "Nieuw erbij" in changed.text
