from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.agenda.models import Action
from gesprekstool.futures import services
from gesprekstool.futures.models import Contribution, FuturePart, Prompt, Vote
from gesprekstool.organisations.models import ActivityEntry


def setup_url(round_):
    return reverse("futures:setup", kwargs={"pk": round_.pk})


def wall_url(round_, theme="B"):
    return f"{reverse('futures:wall', kwargs={'pk': round_.pk})}?thema={theme}"


def setup_data(**changes):
    data = {
        "enabled": "on",
        "mode": "individual",
        "position": "after",
        "anonymous": "on",
        "themes": ["A", "D"],
        "experiences": "Waar zag u dit al goed gaan?",
        **{f"prompt_{code}": f"Over vier jaar {code} …" for code in "ABCDEF"},
    }
    data.update(changes)
    return data


# --- Setup ----------------------------------------------------------------------------------------------


def test_setup_page_proposes_a_prompt_per_theme(facilitator_client, round_):
    response = facilitator_client.get(setup_url(round_))

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"]["prompt_D"].value() == (
        "Over vier jaar merken inwoners van onze aanpak van armoede en gezondheid dat …"
    )
    assert response.context["form"]["experiences"].value() == "Waar zag u dit al goed gaan?"
    assert "Toekomstbeeld toevoegen" in response.text


def test_setup_saves_the_chosen_themes(facilitator_client, round_):
    response = facilitator_client.post(setup_url(round_), setup_data())

    assert response.status_code == HTTPStatus.FOUND
    part = FuturePart.objects.get(round=round_)
    assert [(p.theme, p.is_experiences, p.text) for p in part.prompts.all()] == [
        ("A", False, "Over vier jaar A …"),
        ("D", False, "Over vier jaar D …"),
        ("A", True, "Waar zag u dit al goed gaan?"),
        ("D", True, "Waar zag u dit al goed gaan?"),
    ]


def test_setup_without_a_theme_or_with_an_empty_prompt_saves_nothing(facilitator_client, round_):
    for data in (setup_data(themes=[]), setup_data(prompt_A="  ")):
        response = facilitator_client.post(setup_url(round_), data)

        assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
        assert "Het toekomstbeeld is niet opgeslagen." in response.text
    assert FuturePart.objects.count() == 0


def test_setup_refuses_readers_and_other_organisations(reader_client, outsider_client, round_):
    assert reader_client.post(setup_url(round_), setup_data()).status_code == HTTPStatus.FORBIDDEN
    assert outsider_client.get(setup_url(round_)).status_code == HTTPStatus.NOT_FOUND
    assert FuturePart.objects.count() == 0


def test_remove_deletes_the_part(facilitator_client, part):
    response = facilitator_client.post(reverse("futures:remove", kwargs={"pk": part.round_id}))

    assert response.status_code == HTTPStatus.FOUND
    assert FuturePart.objects.count() == 0


def test_the_round_menu_and_the_presenter_link_to_the_wall(facilitator_client, round_):
    wall = reverse("futures:wall", kwargs={"pk": round_.pk})

    for name in ("rounds:detail", "rounds:present"):
        response = facilitator_client.get(reverse(name, kwargs={"pk": round_.pk}))
        assert f'href="{wall}"' in response.text


# --- The wall -------------------------------------------------------------------------------------------


def test_wall_shows_the_most_dots_first_without_names(
    facilitator_client, participant, other_participant, third_participant, prompt
):
    few = services.add_contribution(participant, prompt=prompt, text="Weinig stippen")
    many = services.add_contribution(participant, prompt=prompt, text="Veel stippen")
    services.vote(other_participant, contribution=many)
    services.vote(third_participant, contribution=many)
    services.vote(third_participant, contribution=few)

    response = facilitator_client.get(wall_url(prompt.part.round))

    text = response.text
    assert text.index("Veel stippen") < text.index("Weinig stippen")
    assert "2 stippen" in text
    assert "Fatima" not in text
    assert "Deelnemer 1" not in text


def test_wall_shows_names_when_not_anonymous(facilitator_client, participant, prompt):
    FuturePart.objects.filter(pk=prompt.part_id).update(anonymous=False)
    prompt.part.round.anonymised = False
    prompt.part.round.save(update_fields=["anonymised"])
    services.add_contribution(participant, prompt=prompt, text="Met naam")

    response = facilitator_client.get(wall_url(prompt.part.round))

    assert "Fatima (Armoede)" in response.text


def test_wall_live_answers_204_while_nothing_changed(facilitator_client, participant, prompt):
    round_ = prompt.part.round
    live = reverse("futures:wall_live", kwargs={"pk": round_.pk})
    version = facilitator_client.get(wall_url(round_)).context["live_version"]

    unchanged = facilitator_client.get(f"{live}?thema=B&versie={version}")
    services.add_contribution(participant, prompt=prompt, text="Nieuw")
    changed = facilitator_client.get(f"{live}?thema=B&versie={version}")

    assert unchanged.status_code == HTTPStatus.NO_CONTENT
    assert changed.status_code == HTTPStatus.OK
    assert "Nieuw" in changed.text


def test_wall_without_a_part_offers_the_setup(facilitator_client, round_):
    response = facilitator_client.get(wall_url(round_))

    assert response.status_code == HTTPStatus.OK
    assert "Deze ronde heeft nog geen toekomstbeeld." in response.text


def test_reader_sees_the_wall_without_the_controls(reader_client, participant, prompt):
    services.add_contribution(participant, prompt=prompt, text="Leesbaar")

    response = reader_client.get(wall_url(prompt.part.round))

    assert response.status_code == HTTPStatus.OK
    assert "Leesbaar" in response.text
    assert "Beheren" not in response.text


def manage_url(name, contribution):
    return reverse(
        f"futures:{name}",
        kwargs={"pk": contribution.prompt.part.round_id, "contribution_id": contribution.pk},
    )


def test_hide_logs_and_takes_it_off_the_wall(facilitator_client, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Ongepast")

    response = facilitator_client.post(manage_url("hide", idea))

    assert response.status_code == HTTPStatus.FOUND
    idea.refresh_from_db()
    assert idea.is_hidden
    assert ActivityEntry.objects.get().subject == prompt.part.round.title


def test_reader_may_not_hide(reader_client, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Blijft")

    assert reader_client.post(manage_url("hide", idea)).status_code == HTTPStatus.FORBIDDEN
    idea.refresh_from_db()
    assert not idea.is_hidden


def test_merge_through_the_wall(facilitator_client, participant, other_participant, prompt):
    keep = services.add_contribution(participant, prompt=prompt, text="Eén loket")
    merged = services.add_contribution(participant, prompt=prompt, text="Één loket!")
    services.vote(other_participant, contribution=merged)

    response = facilitator_client.post(manage_url("merge", merged), {"into": keep.pk})

    assert response.status_code == HTTPStatus.FOUND
    assert list(Vote.objects.values_list("contribution_id", flat=True)) == [keep.pk]


def assert_refused_and_unchanged(response, idea, message: str, field: str) -> None:
    """The wall refused a change to `idea` with `message`, and its `field` is still empty."""
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in response.text
    idea.refresh_from_db()
    assert getattr(idea, field) is None


def test_merge_with_a_contribution_of_another_prompt_is_refused(
    facilitator_client, part, participant, prompt
):
    idea = services.add_contribution(participant, prompt=prompt, text="B")
    other = services.add_contribution(
        participant, prompt=part.prompts.get(theme="D", is_experiences=False), text="D"
    )

    response = facilitator_client.post(manage_url("merge", idea), {"into": other.pk})

    assert_refused_and_unchanged(
        response, idea, "Kies de bijdrage waarmee u wilt samenvoegen.", "merged_into"
    )


def test_heading_through_the_wall(facilitator_client, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Wijkteams in elke wijk")

    response = facilitator_client.post(manage_url("heading", idea), {"heading": "Dichtbij"})

    assert response.status_code == HTTPStatus.FOUND
    wall = facilitator_client.get(wall_url(prompt.part.round))
    assert '<h3 class="gt-wall__heading">Dichtbij</h3>' in wall.text


def test_a_long_heading_is_refused_on_the_wall(facilitator_client, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Iets")

    response = facilitator_client.post(manage_url("heading", idea), {"heading": "x" * 61})

    assert_refused_and_unchanged(response, idea, "Een kop heeft hoogstens 60 tekens.", "group")


def test_into_step_3_with_one_click(facilitator_client, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Eén loket voor geld en gezondheid")

    response = facilitator_client.post(manage_url("to_action", idea), {"owner_name": "Wethouder Jansen"})

    assert response.status_code == HTTPStatus.FOUND
    action = Action.objects.get()
    assert (action.round, action.theme, action.description, action.owner_name) == (
        prompt.part.round,
        "B",
        "Eén loket voor geld en gezondheid",
        "Wethouder Jansen",
    )
    assert Contribution.objects.get().action == action
    assert "op de actieagenda" in facilitator_client.get(wall_url(prompt.part.round)).text


@pytest.mark.parametrize("name", ["hide", "merge", "heading", "to_action"])
def test_another_organisation_cannot_touch_a_contribution(outsider_client, participant, prompt, name):
    idea = services.add_contribution(participant, prompt=prompt, text="Van ons")

    response = outsider_client.post(manage_url(name, idea), {"heading": "x", "into": idea.pk})

    assert response.status_code == HTTPStatus.NOT_FOUND
    idea.refresh_from_db()
    assert (idea.hidden_at, idea.group, idea.action, idea.merged_into) == (None, None, None, None)
    assert Prompt.objects.count() == 4


def test_joint_mode_needs_a_joint_round(facilitator_client, round_):
    response = facilitator_client.post(setup_url(round_), setup_data(mode="joint"))

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Gezamenlijk kan in een ronde die gezamenlijk wordt ingevuld." in response.text
    assert FuturePart.objects.count() == 0


def test_facilitator_writes_on_the_wall_in_a_joint_round(facilitator_client, joint_round):
    facilitator_client.post(setup_url(joint_round), setup_data(mode="joint"))
    prompt = Prompt.objects.get(theme="A", is_experiences=False)
    url = reverse("futures:add", kwargs={"pk": joint_round.pk, "prompt_id": prompt.pk})

    added = facilitator_client.post(url, {"text": "Wat de groep zegt"})
    empty = facilitator_client.post(url, {"text": ""})

    assert added.status_code == HTTPStatus.FOUND
    assert empty.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Schrijf eerst iets op." in empty.text
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Wat de groep zegt"]
    assert "Wat zegt de groep?" in facilitator_client.get(wall_url(joint_round, "A")).text
