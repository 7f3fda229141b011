"""What the picture of the future forgets when a round's personal data goes (rounds.cleanup).

Participants name partners in their cooperation marks: an organisation of the round (a participant's
department, which the anonymisation empties) or any name they type, which may be a person's. When a
round is anonymised, every such name in its marks becomes "Named partner 1", "Named partner 2", ...
(one number per name within the round, so the counts per pair stay as they were), and the others
they named in their own words are emptied. Domains ("Poverty") are no personal data and stay.

Contributions stay, as the round's answers and comments do: they are what the group wrote, shown
without names. Deleting a participant or a round deletes their marks and contributions with them
(the database cascades), so nothing is left to do then.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from gesprekstool.organisations.models import Organisation
from gesprekstool.rounds.models import DOMAIN_LABELS, Participant

from .cooperation import ordered
from .models import CooperationMark


def forget_names(
    *, organisation: Organisation, round_ids: list[int], participant_ids: list[int], deleting: bool
) -> None:
    """rounds.cleanup hook; see the module docstring. Side effects, when anonymising: the marks of
    the rounds concerned (those in `round_ids` and those of `participant_ids`) get numbered names
    instead of typed ones, and their `others` emptied. Nothing when deleting."""
    if deleting:
        return
    rounds = set(round_ids)
    if participant_ids:
        rounds |= set(Participant.objects.filter(pk__in=participant_ids).values_list("round_id", flat=True))
    if not rounds:
        return
    with transaction.atomic():
        marks = list(
            CooperationMark.objects.select_for_update()
            .filter(part__round_id__in=rounds, part__round__organisation=organisation)
            .order_by("part_id", "pk")
        )
        by_part: dict[int, list[CooperationMark]] = {}
        for mark in marks:
            by_part.setdefault(mark.part_id, []).append(mark)
        for part_marks in by_part.values():
            renumber(part_marks)


def is_named(key: str) -> bool:
    return key not in DOMAIN_LABELS


def renumber(marks: list[CooperationMark]) -> None:
    """Give the named parties of one part's marks their numbered names and save the marks.

    Names are numbered in the order of first use (the oldest mark first), which says nothing about
    the name. The marks are first moved out of the way, so that a new name can never meet a pair
    still waiting for its own new name (the unique constraint per participant and pair)."""
    names: dict[str, str] = {}
    for mark in marks:
        for key in (mark.party_a, mark.party_b):
            if is_named(key) and key not in names:
                names[key] = _("Named partner %(number)s") % {"number": len(names) + 1}
    changed = [m for m in marks if m.others or is_named(m.party_a) or is_named(m.party_b)]
    if not changed:
        return
    originals = [(m.party_a, m.party_b) for m in changed]
    for mark in changed:
        mark.party_a = f"#{mark.pk}"  # unique per mark, and never a new name
    CooperationMark.objects.bulk_update(changed, ["party_a"])
    for mark, (party_a, party_b) in zip(changed, originals, strict=True):
        mark.party_a, mark.party_b = ordered(names.get(party_a, party_a), names.get(party_b, party_b))
        mark.others = ""
    CooperationMark.objects.bulk_update(changed, ["party_a", "party_b", "others"])
