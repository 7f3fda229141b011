from http import HTTPStatus

import pytest

from gesprekstool.agenda.models import Action
from gesprekstool.futures import services
from gesprekstool.futures.models import Contribution, FuturePart, Group, Prompt, Vote
from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.rounds import services as round_services


def test_save_part_creates_a_prompt_per_theme_and_one_for_experiences(round_):
    part = services.save_part(
        round_, prompts={"A": "Vraag A", "C": "Vraag C"}, experiences_question="Waar ging het goed?"
    )

    assert [(p.theme, p.is_experiences, p.text) for p in part.prompts.all()] == [
        ("A", False, "Vraag A"),
        ("C", False, "Vraag C"),
        ("A", True, "Waar ging het goed?"),
        ("C", True, "Waar ging het goed?"),
    ]
    assert part.anonymous is True


def test_save_part_again_changes_texts_and_deletes_themes_no_longer_chosen(part, participant):
    kept = part.prompts.get(theme="B", is_experiences=False)
    dropped = part.prompts.get(theme="D", is_experiences=False)
    services.add_contribution(participant, prompt=dropped, text="Weg ermee")

    services.save_part(part.round, prompts={"B": "Nieuwe tekst"}, anonymous=False)

    part.refresh_from_db()
    assert [(p.pk == kept.pk, p.theme, p.text) for p in part.prompts.all()] == [(True, "B", "Nieuwe tekst")]
    assert Contribution.objects.count() == 0
    assert part.anonymous is False


def test_save_part_refuses_no_theme_and_saves_nothing(round_):
    with pytest.raises(services.Refused):
        services.save_part(round_, prompts={})

    assert FuturePart.objects.count() == 0


def test_remove_part_keeps_the_actions_made_from_it(part, participant, prompt):
    contribution = services.add_contribution(participant, prompt=prompt, text="Samen één loket")
    action = services.contribution_to_action(contribution)

    services.remove_part(part)

    assert Prompt.objects.count() == 0
    assert Action.objects.filter(pk=action.pk).exists()


# --- Contributions ---------------------------------------------------------------------------------


def test_add_contribution_strips_and_saves(participant, prompt):
    contribution = services.add_contribution(participant, prompt=prompt, text="  Eén loket  ")

    assert (contribution.text, contribution.participant, contribution.prompt) == (
        "Eén loket",
        participant,
        prompt,
    )


@pytest.mark.parametrize("text", ["", "   ", "x" * 281])
def test_add_contribution_refuses_empty_or_oversized_text(participant, prompt, text):
    with pytest.raises(services.Refused) as refused:
        services.add_contribution(participant, prompt=prompt, text=text)

    assert refused.value.status == HTTPStatus.UNPROCESSABLE_ENTITY
    assert Contribution.objects.count() == 0


def test_add_contribution_refused_in_a_closed_round(participant, prompt):
    round_services.close_round(participant.round)
    participant.round.refresh_from_db()

    with pytest.raises(services.Refused) as refused:
        services.add_contribution(participant, prompt=prompt, text="Te laat")

    assert refused.value.status == HTTPStatus.CONFLICT
    assert str(refused.value) == "Deze ronde is gesloten. Er kan niets meer bij en niets meer veranderen."
    assert Contribution.objects.count() == 0


def test_add_contribution_refused_while_the_part_is_closed(part, participant, prompt):
    FuturePart.objects.filter(pk=part.pk).update(enabled=False)
    prompt.part.refresh_from_db()

    with pytest.raises(services.Refused):
        services.add_contribution(participant, prompt=prompt, text="Nog niet")

    assert Contribution.objects.count() == 0


def test_withdraw_own_contribution_deletes_it_and_its_votes(participant, other_participant, prompt):
    contribution = services.add_contribution(participant, prompt=prompt, text="Eén loket")
    services.vote(other_participant, contribution=contribution)

    services.withdraw_contribution(participant, contribution=contribution)

    assert (Contribution.objects.count(), Vote.objects.count()) == (0, 0)


def test_withdraw_someone_elses_contribution_is_refused(participant, other_participant, prompt):
    contribution = services.add_contribution(participant, prompt=prompt, text="Eén loket")

    with pytest.raises(services.Refused) as refused:
        services.withdraw_contribution(other_participant, contribution=contribution)

    assert refused.value.status == HTTPStatus.FORBIDDEN
    assert Contribution.objects.count() == 1


# --- Votes -------------------------------------------------------------------------------------------


def contributions(participant, prompt, count):
    return [services.add_contribution(participant, prompt=prompt, text=f"Idee {n}") for n in range(count)]


def test_three_votes_per_prompt_and_not_a_fourth(participant, other_participant, prompt):
    ideas = contributions(participant, prompt, 4)
    for idea in ideas[:3]:
        services.vote(other_participant, contribution=idea)

    with pytest.raises(services.Refused) as refused:
        services.vote(other_participant, contribution=ideas[3])

    assert str(refused.value) == ("U hebt al uw 3 stippen voor deze vraag gegeven. Neem er eerst een terug.")
    assert Vote.objects.filter(participant=other_participant).count() == 3


def test_the_limit_is_per_prompt(part, participant, other_participant, prompt):
    other_prompt = part.prompts.get(theme="D", is_experiences=False)
    for idea in contributions(participant, prompt, 3):
        services.vote(other_participant, contribution=idea)

    services.vote(
        other_participant, contribution=services.add_contribution(participant, prompt=other_prompt, text="D")
    )

    assert Vote.objects.filter(participant=other_participant).count() == 4


def test_a_second_dot_on_the_same_contribution_is_refused(participant, other_participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Eén loket")
    services.vote(other_participant, contribution=idea)

    with pytest.raises(services.Refused) as refused:
        services.vote(other_participant, contribution=idea)

    assert str(refused.value) == "U hebt deze bijdrage al een stip gegeven."
    assert Vote.objects.count() == 1


def test_withdrawing_a_vote_gives_the_dot_back(participant, other_participant, prompt):
    ideas = contributions(participant, prompt, 4)
    for idea in ideas[:3]:
        services.vote(other_participant, contribution=idea)

    services.withdraw_vote(other_participant, contribution=ideas[0])
    services.vote(other_participant, contribution=ideas[3])

    assert set(Vote.objects.values_list("contribution_id", flat=True)) == {
        ideas[1].pk,
        ideas[2].pk,
        ideas[3].pk,
    }


def test_withdrawing_a_vote_that_was_not_given_is_refused(participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Eén loket")

    with pytest.raises(services.Refused):
        services.withdraw_vote(participant, contribution=idea)


def test_no_vote_on_a_hidden_or_merged_contribution(facilitator, participant, other_participant, prompt):
    hidden, merged, kept = contributions(participant, prompt, 3)
    services.hide_contribution(hidden, by=facilitator)
    services.merge_contributions(keep=kept, merged=merged)

    for idea in (hidden, merged):
        with pytest.raises(services.Refused) as refused:
            services.vote(other_participant, contribution=idea)
        assert str(refused.value) == "Deze bijdrage staat niet meer op de muur."
    assert Vote.objects.count() == 0


# --- Hiding --------------------------------------------------------------------------------------------


def test_hiding_logs_the_round_not_the_text_and_frees_the_dots(
    facilitator, participant, other_participant, prompt
):
    idea = services.add_contribution(participant, prompt=prompt, text="Iets ongepasts")
    services.vote(other_participant, contribution=idea)

    services.hide_contribution(idea, by=facilitator)

    idea.refresh_from_db()
    assert (idea.is_hidden, idea.hidden_by) == (True, facilitator)
    assert Vote.objects.count() == 0
    entry = ActivityEntry.objects.get()
    assert (entry.action, entry.subject, entry.detail) == ("contribution_hidden", participant.round.title, "")


def test_showing_again_logs_it(facilitator, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Toch goed")
    services.hide_contribution(idea, by=facilitator)

    services.show_contribution(idea, by=facilitator)

    idea.refresh_from_db()
    assert (idea.hidden_at, idea.hidden_by) == (None, None)
    assert list(ActivityEntry.objects.values_list("action", flat=True)) == [
        "contribution_shown",
        "contribution_hidden",
    ]


# --- Merging --------------------------------------------------------------------------------------------


def test_merging_moves_the_dots_and_counts_a_participant_once(
    participant, other_participant, third_participant, prompt
):
    keep, merged = contributions(participant, prompt, 2)
    services.vote(other_participant, contribution=keep)
    services.vote(other_participant, contribution=merged)
    services.vote(third_participant, contribution=merged)

    services.merge_contributions(keep=keep, merged=merged)

    merged.refresh_from_db()
    assert merged.merged_into == keep
    assert sorted(
        Vote.objects.filter(contribution=keep).values_list("participant__display_name", flat=True)
    ) == [
        "Dirk",
        "Joost",
    ]
    assert Vote.objects.filter(contribution=merged).count() == 0


def test_merging_into_itself_or_another_prompt_is_refused(part, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Eén")
    elsewhere = services.add_contribution(
        participant, prompt=part.prompts.get(theme="D", is_experiences=False), text="D"
    )

    for keep in (idea, elsewhere):
        with pytest.raises(services.Refused):
            services.merge_contributions(keep=keep, merged=idea)
    idea.refresh_from_db()
    assert idea.merged_into is None


def test_merging_a_merged_contribution_again_moves_its_merged_ones_along(participant, prompt):
    first, second, third = contributions(participant, prompt, 3)
    services.merge_contributions(keep=second, merged=first)

    services.merge_contributions(keep=third, merged=second)

    assert list(
        Contribution.objects.filter(merged_into=third).order_by("pk").values_list("pk", flat=True)
    ) == [
        first.pk,
        second.pk,
    ]


# --- Headings ---------------------------------------------------------------------------------------


def test_headings_group_contributions_and_empty_ones_disappear(participant, prompt):
    first, second = contributions(participant, prompt, 2)

    group = services.set_heading(first, heading="  Eén   loket ")
    same = services.set_heading(second, heading="EÉN LOKET")
    services.set_heading(first, heading="")
    services.set_heading(second, heading="Wijkteams")

    assert (group.heading, same.pk) == ("Eén loket", group.pk)
    assert list(Group.objects.values_list("heading", flat=True)) == ["Wijkteams"]


def test_a_long_heading_is_refused(participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Eén")

    with pytest.raises(services.Refused):
        services.set_heading(idea, heading="x" * 61)

    assert Group.objects.count() == 0


# --- Into step 3 ---------------------------------------------------------------------------------------


def test_a_contribution_becomes_one_action_linked_back(participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Eén loket voor geld en gezondheid")

    action = services.contribution_to_action(idea, owner_name="Wethouder")
    again = services.contribution_to_action(idea)

    idea.refresh_from_db()
    assert (action.theme, action.description, action.owner_name, action.status) == (
        "B",
        "Eén loket voor geld en gezondheid",
        "Wethouder",
        "open",
    )
    assert (again.pk, idea.action_id, Action.objects.count()) == (action.pk, action.pk, 1)
    assert action.future_contribution == idea


def test_a_hidden_contribution_does_not_become_an_action(facilitator, participant, prompt):
    idea = services.add_contribution(participant, prompt=prompt, text="Weg")
    services.hide_contribution(idea, by=facilitator)

    with pytest.raises(services.Refused):
        services.contribution_to_action(idea)

    assert Action.objects.count() == 0
