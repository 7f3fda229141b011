"""The action form: "Wie" and "of iemand anders" are one of two, and the labels say so (issue 15)."""

from django.urls import reverse

from gesprekstool.agenda.forms import ActionForm


def form_for(round_, **data):
    return ActionForm({"theme": "A", "description": "Cijfers delen", **data}, round=round_)


def test_action_without_anybody_is_refused_on_the_who_field(round_, participant):
    form = form_for(round_)

    assert form.is_valid() is False
    assert form.errors == {
        "owner": ["Geef aan wie dit doet: kies een deelnemer of vul een naam in bij ‘of iemand anders’."]
    }


def test_action_without_anybody_in_a_joint_round_is_refused_on_the_name(joint_round):
    form = form_for(joint_round)

    assert form.errors == {"owner_name": ["Geef aan wie dit doet: vul een naam in."]}


def test_action_with_both_is_refused_on_the_name(round_, participant):
    form = form_for(round_, owner=participant.pk, owner_name="Fatima")

    assert form.errors == {"owner_name": ["Kies een deelnemer of vul een naam in. Niet allebei."]}


def test_action_with_one_of_the_two_is_valid(round_, participant):
    assert (
        form_for(round_, owner=participant.pk).is_valid(),
        form_for(round_, owner_name="Fatima").is_valid(),
    ) == (
        True,
        True,
    )


def test_action_form_labels_say_one_of_the_two_is_needed(facilitator_client, round_, participant):
    page = facilitator_client.get(reverse("agenda:edit", kwargs={"pk": round_.pk})).content.decode()

    assert page.count("(een van de twee is nodig)") == 2
