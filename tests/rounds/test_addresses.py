"""One e-mail address, one participant (rounds.addresses): adding or correcting a participant with an
address another participant of the round has is refused on the e-mail field, by the form and again by
the service, and nothing is saved; repeating a round names each pair of ticked people with one address."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from gesprekstool.agenda import services as agenda_services
from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.rounds import addresses, correction, services
from gesprekstool.rounds.models import Participant, Round
from gesprekstool.rounds.views_join import JoinForm
from tests.factories import HELD_ON, ParticipantFactory
from tests.rounds.pages import detail_url, participant_url

ADDRESS = "fatima@example.nl"
TAKEN = (
    "Fatima – Deelnemer 1 (Armoede) heeft dit e-mailadres al in deze ronde. Iedere deelnemer heeft een "
    "eigen adres nodig. Kijk het adres na, of laat het leeg."
)


@pytest.fixture
def fatima(participant):
    """Fatima (participant 1) has an e-mail address; Joost (other_participant) has none."""
    participant.email = ADDRESS
    participant.save(update_fields=["email"])
    return participant


def add(client, round_: Round, **details):
    return client.post(detail_url(round_), {"display_name": "Anna", "domain": "gezondheid", **details})


def edit(client, participant: Participant, **details):
    stored = {name: getattr(participant, name) for name in correction.DETAILS}
    return client.post(participant_url("participant_edit", participant), {**stored, **details})


def stored(round_: Round) -> list[tuple]:
    """The round's participants as stored: number, name, e-mail address, link."""
    return list(
        round_.participants.order_by("position").values_list("position", "display_name", "email", "token")
    )


def email_errors(response) -> list[str]:
    return response.context["form"].errors.get("email", [])


# --- Adding -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", [ADDRESS, "Fatima@Example.NL", "  fatima@example.nl  ", " FATIMA@EXAMPLE.NL"]
)
def test_adding_an_address_of_the_round_is_422_naming_who_has_it(facilitator_client, round_, fatima, typed):
    before = stored(round_)

    response = add(facilitator_client, round_, email=typed)

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert email_errors(response) == [TAKEN]
    assert list(response.context["form"].errors) == ["email"]
    assert TAKEN in response.content.decode()
    assert stored(round_) == before


@pytest.mark.parametrize("anonymised", [True, False])
def test_the_refusal_names_them_as_their_card_does_whatever_the_results_show(
    facilitator_client, round_, fatima, anonymised
):
    # The round page shows facilitators each participant's name and number; anonymising is for results.
    round_.anonymised = anonymised
    round_.save(update_fields=["anonymised"])

    response = add(facilitator_client, round_, email=ADDRESS)

    assert email_errors(response) == [TAKEN]
    assert f'{fatima.display_name} <span class="gt-card__label">{fatima.label}</span>' in (
        facilitator_client.get(detail_url(round_)).content.decode()
    )


def test_adding_another_address_works(facilitator_client, round_, fatima):
    response = add(facilitator_client, round_, email="anna@example.nl")

    assert response.url == detail_url(round_)
    assert [(p, e) for p, _n, e, _t in stored(round_)] == [(1, ADDRESS), (2, "anna@example.nl")]


def test_many_participants_may_have_no_address(facilitator_client, round_, fatima, other_participant):
    for name in ("Anna", "Bram"):
        response = add(facilitator_client, round_, display_name=name, email="")
        assert response.status_code == HTTPStatus.FOUND

    assert [(n, e) for _p, n, e, _t in stored(round_)] == [
        ("Fatima", ADDRESS),
        ("Joost", ""),
        ("Anna", ""),
        ("Bram", ""),
    ]


def test_the_same_address_in_another_round_is_allowed(facilitator_client, organisation, round_, fatima):
    other = services.create_round(
        organisation=organisation, title="Andere ronde", held_on=HELD_ON, mode="individual"
    )

    response = add(facilitator_client, other, email=ADDRESS.upper())

    assert response.url == detail_url(other)
    assert [e for _p, _n, e, _t in stored(other)] == [ADDRESS.upper()]


# --- Correcting -------------------------------------------------------------------------------------------


def test_correcting_to_an_address_of_the_round_is_422_and_saves_nothing(
    facilitator_client, round_, fatima, other_participant
):
    before = stored(round_)

    response = edit(
        facilitator_client, other_participant, display_name="Joost B.", email=" FATIMA@example.nl"
    )

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert email_errors(response) == [TAKEN]
    assert TAKEN in response.content.decode()
    assert stored(round_) == before
    assert not ActivityEntry.objects.filter(action="participant_corrected").exists()


@pytest.mark.parametrize("typed", [ADDRESS, "FATIMA@example.nl"])
def test_correcting_a_participant_keeping_their_own_address_works(facilitator_client, round_, fatima, typed):
    response = edit(facilitator_client, fatima, display_name="Fatma", email=typed)

    assert response.status_code == HTTPStatus.FOUND
    assert round_.participants.get(pk=fatima.pk).display_name == "Fatma"


def test_correcting_to_a_free_address_works(facilitator_client, round_, fatima, other_participant):
    response = edit(facilitator_client, other_participant, email="joost@example.nl")

    assert response.status_code == HTTPStatus.FOUND
    assert round_.participants.get(pk=other_participant.pk).email == "joost@example.nl"


@pytest.fixture
def two_with_one_address(round_, fatima):
    """A round from before the check: Fatima and a second participant share one address."""
    return ParticipantFactory(
        round=round_, position=3, display_name="F. el Amrani", email="Fatima@Example.nl"
    )


def test_an_old_pair_can_still_be_corrected_one_at_a_time(
    facilitator_client, round_, fatima, two_with_one_address
):
    kept = edit(facilitator_client, two_with_one_address, department="GGD")
    moved = edit(facilitator_client, fatima, email="f.elamrani@example.nl")

    assert (kept.status_code, moved.status_code) == (HTTPStatus.FOUND, HTTPStatus.FOUND)
    assert [(n, e) for _p, n, e, _t in stored(round_)] == [
        ("Fatima", "f.elamrani@example.nl"),
        ("F. el Amrani", "Fatima@Example.nl"),
    ]


# --- The service guards it too ----------------------------------------------------------------------------


def test_add_participant_refuses_an_address_of_the_round_and_adds_nobody(round_, fatima):
    before = stored(round_)

    with pytest.raises(addresses.EmailTaken) as refused:
        services.add_participant(round_, display_name="Anna", domain="armoede", email=" Fatima@example.NL")

    assert (refused.value.holder, str(refused.value)) == (fatima, TAKEN)
    assert stored(round_) == before


def test_correct_participant_refuses_an_address_of_the_round_and_changes_nothing(
    facilitator, round_, fatima, other_participant
):
    before = stored(round_)

    with pytest.raises(addresses.EmailTaken):
        correction.correct_participant(
            other_participant, by=facilitator, display_name="Joost B.", domain="gezondheid", email=ADDRESS
        )

    assert stored(round_) == before
    assert not ActivityEntry.objects.filter(action="participant_corrected").exists()


def test_the_card_name_of_a_participant_without_a_name_is_their_label(round_):
    nameless = ParticipantFactory(round=round_, position=3, display_name="Deelnemer 3 (Armoede)")

    assert addresses.card_name(nameless) == "Deelnemer 3 (Armoede)"


# --- Lists of people: repeating a round, joining by code --------------------------------------------------


def test_shared_names_each_later_participant_with_the_first_who_has_the_address(round_):
    people = [
        ParticipantFactory(round=round_, position=n, email=email)
        for n, email in enumerate(["a@x.nl", "", "A@X.nl ", "", "b@x.nl", "a@x.NL"], start=1)
    ]

    pairs = addresses.shared(reversed(people))

    assert [(p.position, first.position) for p, first in pairs] == [(3, 1), (6, 1)]


def repeat(client, round_: Round, people: list[Participant]):
    data = {"title": "Ronde 2027", "held_on": "2027-11-01", "participants": [str(p.pk) for p in people]}
    return client.post(reverse("agenda:repeat", kwargs={"pk": round_.pk}), data)


def test_repeating_a_round_names_each_ticked_pair_with_one_address(
    facilitator_client, round_, fatima, other_participant, two_with_one_address
):
    third = ParticipantFactory(round=round_, position=4, display_name="Fatima E.", email=ADDRESS.upper())

    response = repeat(facilitator_client, round_, [fatima, other_participant, two_with_one_address, third])

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert response.context["form"].errors["participants"] == [
        "F. el Amrani – Deelnemer 3 (Armoede) heeft hetzelfde e-mailadres als Fatima – Deelnemer 1 (Armoede). "
        "Vink maar één van hen aan.",
        "Fatima E. – Deelnemer 4 (Armoede) heeft hetzelfde e-mailadres als Fatima – Deelnemer 1 (Armoede). "
        "Vink maar één van hen aan.",
    ]
    assert Round.objects.count() == 1


def test_repeating_a_round_with_one_of_the_pair_works(
    facilitator_client, round_, fatima, other_participant, two_with_one_address
):
    response = repeat(facilitator_client, round_, [fatima, other_participant])

    new = Round.objects.get(title="Ronde 2027")
    assert response.url == detail_url(new)
    assert [(n, e) for _p, n, e, _t in stored(new)] == [("Fatima", ADDRESS), ("Joost", "")]


def test_repeat_round_service_refuses_a_pair_and_creates_no_round(round_, fatima, two_with_one_address):
    with pytest.raises(addresses.EmailTaken):
        agenda_services.repeat_round(
            round_, title="X", held_on=HELD_ON, participants=[fatima, two_with_one_address], actions=[]
        )

    assert Round.objects.count() == 1


def test_joining_by_code_asks_no_address():
    # People who join themselves give a name and a domain only: they cannot bring an address twice.
    assert list(JoinForm.base_fields) == ["display_name", "domain", "join_key"]
