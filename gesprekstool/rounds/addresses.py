"""One e-mail address, one participant: within a round an address (trimmed, compared without regard
to case) belongs to at most one participant, so nobody gets two links, two mails and double counts.

The form says so on its e-mail field (forms.ParticipantForm); the services that store an address
(services.add_participant, correction.correct_participant) check it again with `ensure_free`, in their
transaction. There is no database constraint: rounds from before this check may hold two participants
with one address, and a migration could only refuse to run or change their data unasked; the
facilitator resolves them by merging (removal.merge_participant) or correcting one of them."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .models import Participant, Round


class EmailTaken(Exception):
    """The address belongs to another participant of the round; the message, for the facilitator,
    names them as the round page does."""

    def __init__(self, holder: Participant):
        super().__init__(taken_message(holder))
        self.holder = holder


def holder_of(round_: Round, email: str, *, excluding: Participant | None = None) -> Participant | None:
    """The participant of `round_` (other than `excluding`) who has `email`, or None; nobody holds an
    empty address."""
    address = email.strip()
    if not address:
        return None
    others = round_.participants.filter(email__iexact=address)
    if excluding is not None:
        others = others.exclude(pk=excluding.pk)
    return others.order_by("position").first()


def shared(participants: Iterable[Participant]) -> list[tuple[Participant, Participant]]:
    """Each of `participants` whose address an earlier one (by number) has, with that earlier one:
    the pairs a list of people would bring into one round twice."""
    first: dict[str, Participant] = {}
    pairs = []
    for p in sorted(participants, key=lambda p: p.position):
        address = p.email.strip().lower()
        if address in first:
            pairs.append((p, first[address]))
        elif address:
            first[address] = p
    return pairs


def ensure_free(round_: Round, email: str, *, excluding: Participant | None = None) -> None:
    """Raise EmailTaken when another participant of `round_` has `email`.

    Call it inside `transaction.atomic`, before the write: it locks the round's row (`lock_round`)
    until the transaction ends, so two writes of the same address at the same moment cannot both pass."""
    lock_round(round_)
    holder = holder_of(round_, email, excluding=excluding)
    if holder is not None:
        raise EmailTaken(holder)


def lock_round(round_: Round) -> None:
    """Lock the round's row until the transaction ends: the one round lock, also used by mailing the links
    (rounds.invitations, one sender per round). A write that also locks one of its participants locks the
    round first: the other order could deadlock."""
    Round.objects.select_for_update().filter(pk=round_.pk).values_list("pk").first()


def taken_message(holder: Participant) -> str:
    """Who has the address, as the participant's card on the round page shows them."""
    return _(
        "%(name)s already has this e-mail address in this round. Every participant needs their own "
        "address. Check the address, or leave it empty."
    ) % {"name": card_name(holder)}


def card_name(participant: Participant) -> str:
    """The name and label of the participant's card ("Fatima – Participant 1 (Poverty)"); only the
    label when the name is the label (a round file without names)."""
    if participant.display_name == participant.label:
        return participant.label
    return f"{participant.display_name} – {participant.label}"
