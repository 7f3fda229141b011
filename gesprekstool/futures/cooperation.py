"""Cooperation (issue 16, item 4): which partners or domains should work more closely together.

Participants mark pairs through their own link: two parties, each a domain of the round
("armoede"), an organisation of the round (a participant's department or organisation) or another
partner they name. The presenter counts the marks per pair: the pairs the most participants marked
are the room's biggest missing links, and one of them can become an action of step 3.

A party is stored as its key: the domain's code, or the name as the round spells it. A typed name
that is a domain's name or an organisation of the round (in any capitals or spacing) becomes that
party, so "ggd" and "GGD" are counted as one.
"""

import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.agenda import services as agenda_services
from gesprekstool.agenda.models import Action
from gesprekstool.lib.text import clean_line
from gesprekstool.rounds.models import DOMAIN_LABELS, Participant, Round

from .models import MAX_PARTY_LENGTH, CooperationMark, FuturePart
from .services import Refused, not_yet

# Pairs one participant may mark: enough to say what matters, few enough to keep the count honest.
MAX_MARKS = 10
# The matrix on the wall shows at most this many parties (those in the most marks); the table
# below it lists every pair.
MATRIX_PARTIES = 8
# Shades of a matrix cell: 0 (nobody) to LEVELS (the most marked pair).
LEVELS = 4
# The theme a missing link's action goes to unless the facilitator chooses another:
# E, "De rol van de gemeente" (the local approach with the partners).
DEFAULT_THEME = "E"
# "Other" is not a partner one can work with.
NOT_A_PARTY = {Participant.Domain.OTHER}


class CooperationRefused(Refused):
    """A mark or an action that cannot be made now; the message says why, in the user's language
    (a `services.Refused`, answered with 409)."""


@dataclass(frozen=True)
class Party:
    key: str  # what is stored: a domain's code or a name
    label: str  # what is shown

    @property
    def is_domain(self) -> bool:
        return self.key in DOMAIN_LABELS


def party(key: str) -> Party:
    """The party stored as `key`, with its label in the active language."""
    label = DOMAIN_LABELS.get(key)
    return Party(key=key, label=str(label) if label is not None else key)


def normalise_name(value: str) -> str:
    """A typed name as one line with single spaces."""
    return " ".join(clean_line(value).split())


def round_parties(round_: Round) -> list[Party]:
    """The parties a participant can choose from: the round's domains (in the instrument's order of
    domains; in a joint round every domain) and the organisations its participants named
    (alphabetically). One query."""
    rows = set(
        round_.participants.filter(is_group=False).order_by().values_list("domain", "department").distinct()
    )
    domains = {domain for domain, _department in rows} - NOT_A_PARTY
    if round_.is_joint:  # the group at the table speaks for every domain
        domains = set(Participant.Domain.values) - NOT_A_PARTY
    names: dict[str, str] = {}
    for _domain, department in sorted(rows, key=lambda row: row[1]):  # the same spelling wins every time
        name = normalise_name(department)
        if name:
            names.setdefault(name.casefold(), name)
    shown = [party(code) for code in Participant.Domain.values if code in domains]
    return shown + sorted((party(name) for name in names.values()), key=lambda p: p.label.casefold())


def resolve(name: str, parties: Iterable[Party]) -> str:
    """The key of a typed party: a domain (by code or name) or a listed organisation when it is one
    of those, written any way; otherwise the typed name itself."""
    name = normalise_name(name)
    wanted = name.casefold()
    for code, label in DOMAIN_LABELS.items():
        if code not in NOT_A_PARTY and wanted in (code.casefold(), str(label).casefold()):
            return code
    for p in parties:
        if wanted == p.label.casefold():
            return p.key
    return name


def ordered(party_a: str, party_b: str) -> tuple[str, str]:
    """The pair in its stored order: "A with B" and "B with A" are one pair."""
    return (party_a, party_b) if party_a < party_b else (party_b, party_a)


def check_pair(party_a: str, party_b: str) -> tuple[str, str]:
    if not party_a or not party_b or party_a == party_b:
        raise ValueError("a pair needs two different parties")
    if max(len(party_a), len(party_b)) > MAX_PARTY_LENGTH:
        raise ValueError(f"a party has at most {MAX_PARTY_LENGTH} characters")
    return ordered(party_a, party_b)


# --- Participants' marks ---------------------------------------------------------------------------------


def open_part(round_: Round) -> FuturePart:
    """The round's picture of the future when marks may be added or withdrawn; CooperationRefused
    (with the reason) when the round is closed or the part is not there or not open."""
    if round_.is_closed:
        raise CooperationRefused(_("This round is closed: marks can no longer be added or withdrawn."))
    part = FuturePart.objects.filter(round=round_).first()
    if part is None or not part.enabled:
        raise CooperationRefused(
            _("The picture of the future is not open at the moment. Ask the facilitator when it opens.")
        )
    return part


def add_mark(participant: Participant, *, party_a: str, party_b: str) -> CooperationMark:
    """Mark that two parties should work more closely together. Marking a pair again changes
    nothing. Side effect: one CooperationMark row. Raises CooperationRefused (nothing saved) when
    the round or the part is closed, the link is revoked, or the participant already marked
    MAX_MARKS pairs; ValueError for a pair of one party or a name that is too long."""
    party_a, party_b = check_pair(party_a, party_b)
    if not participant.link_active:
        raise CooperationRefused(_("This link has been revoked."))
    with transaction.atomic():
        part = open_part(participant.round)
        if not part.reachable_by(participant):
            raise CooperationRefused(not_yet())
        mine = CooperationMark.objects.filter(part=part, participant=participant)
        existing = mine.filter(party_a=party_a, party_b=party_b).first()
        if existing is not None:
            return existing
        if mine.count() >= MAX_MARKS:
            raise CooperationRefused(
                _("You have marked %(count)s pairs, the most one participant can. Withdraw one first.")
                % {"count": MAX_MARKS}
            )
        return CooperationMark.objects.create(
            part=part, participant=participant, party_a=party_a, party_b=party_b
        )


def withdraw_mark(participant: Participant, *, party_a: str, party_b: str) -> bool:
    """Withdraw one's own mark of a pair; whether there was one. Raises CooperationRefused when the
    round or the part is closed (nothing changes then). A mark that became an action can still be
    withdrawn: the action stays on the agenda."""
    party_a, party_b = ordered(party_a, party_b)
    part = open_part(participant.round)
    if not part.reachable_by(participant):
        raise CooperationRefused(not_yet())
    deleted, _rows = CooperationMark.objects.filter(
        part=part, participant=participant, party_a=party_a, party_b=party_b
    ).delete()
    return bool(deleted)


def group_of(part: FuturePart | None) -> Participant:
    """The round's shared form, with which the facilitator marks the pairs the group names in a joint
    part, as `services.add_group_contribution` writes the group's contributions: its marks go through
    `add_mark` and `withdraw_mark` like anyone's. One query. CooperationRefused when the round has no
    picture of the future, holds it on the participants' phones, or has no shared form."""
    if part is None:
        raise CooperationRefused(
            _("This round has no picture of the future yet, so it has no missing links.")
        )
    if part.mode != FuturePart.Mode.JOINT:
        raise CooperationRefused(
            _("In this picture of the future the participants mark pairs on their own phones.")
        )
    group = part.round.participants.filter(is_group=True).first()
    if group is None:
        raise CooperationRefused(_("Only a round that is filled in jointly has a shared form to write with."))
    group.round = part.round
    return group


def group_marks(part: FuturePart) -> list[tuple[Party, Party]]:
    """The pairs the group marked (a joint part), in their stored order. One query."""
    rows = CooperationMark.objects.filter(part=part, participant__is_group=True).order_by(
        "party_a", "party_b"
    )
    return [(party(a), party(b)) for a, b in rows.values_list("party_a", "party_b")]


def own_marks(participant: Participant) -> list[tuple[Party, Party]]:
    """The pairs the participant marked, in their stored order. One query."""
    rows = CooperationMark.objects.filter(participant=participant).order_by("party_a", "party_b")
    return [(party(a), party(b)) for a, b in rows.values_list("party_a", "party_b")]


# --- Counting ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A pair of parties and how many participants marked it: a missing link."""

    party_a: Party
    party_b: Party
    count: int
    action_id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.party_a.label} – {self.party_b.label}"


def missing_links(part: FuturePart | None) -> list[Link]:
    """Every marked pair with the number of participants who marked it, the most marked first (then
    alphabetically), and the action it became. One query, however many participants and marks."""
    if part is None:
        return []
    rows = (
        CooperationMark.objects.filter(part=part)
        .values("party_a", "party_b")
        .annotate(count=Count("participant", distinct=True), action=Max("action"))
        .order_by()
    )
    links = [
        Link(
            party_a=party(r["party_a"]), party_b=party(r["party_b"]), count=r["count"], action_id=r["action"]
        )
        for r in rows
    ]
    # Sorted here, not by the database: the order of names must not depend on its collation.
    return sorted(links, key=lambda li: (-li.count, li.party_a.label.casefold(), li.party_b.label.casefold()))


def participants_marking(part: FuturePart | None) -> int:
    """How many participants marked at least one pair. One query."""
    if part is None:
        return 0
    return CooperationMark.objects.filter(part=part).values("participant").distinct().count()


def links_version(links: list[Link]) -> str:
    """A short fingerprint of the counts, so an unchanged poll of the wall is answered with 204."""
    text = repr([(li.party_a.key, li.party_b.key, li.count, li.action_id) for li in links])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Cell:
    count: int
    level: int  # 0..LEVELS, for the shade
    label: str  # "GGD – Armoede: 3"


@dataclass(frozen=True)
class Matrix:
    parties: list[Party]
    rows: list[tuple[Party, list[Cell | None]]]  # None on the diagonal
    left_out: int  # parties not in the matrix (the table lists them)


def matrix(links: list[Link], *, limit: int = MATRIX_PARTIES) -> Matrix:
    """The links as a symmetric matrix of the `limit` parties in the most marks (then alphabetically).
    A pure calculation on `links`."""
    totals: dict[str, int] = {}
    parties: dict[str, Party] = {}
    for li in links:
        for p in (li.party_a, li.party_b):
            totals[p.key] = totals.get(p.key, 0) + li.count
            parties[p.key] = p
    chosen = sorted(parties.values(), key=lambda p: (-totals[p.key], p.label.casefold()))[:limit]
    counts = {(li.party_a.key, li.party_b.key): li.count for li in links}
    highest = max(counts.values(), default=0)
    rows = []
    for row in chosen:
        cells: list[Cell | None] = []
        for column in chosen:
            if row.key == column.key:
                cells.append(None)
                continue
            count = counts.get(ordered(row.key, column.key), 0)
            level = math.ceil(LEVELS * count / highest) if count else 0
            cells.append(Cell(count=count, level=level, label=f"{row.label} – {column.label}: {count}"))
        rows.append((row, cells))
    return Matrix(parties=chosen, rows=rows, left_out=len(parties) - len(chosen))


# --- Into step 3 -------------------------------------------------------------------------------------------


def link_to_action(
    part: FuturePart, *, party_a: str, party_b: str, theme: str = DEFAULT_THEME, owner_name: str = ""
) -> Action:
    """Turn a missing link into an open action on the round's agenda, and link every mark of the pair
    to it (CooperationMark.action). Side effects: one Action (agenda's add_action), the marks
    updated. Raises CooperationRefused (nothing changed) when nobody marked the pair, the pair
    already became an action, or the round is closed; ValueError for a theme the round has not."""
    party_a, party_b = ordered(party_a, party_b)
    round_ = part.round
    if round_.is_closed:
        raise CooperationRefused(_("This round is closed: it gets no new actions."))
    with transaction.atomic():
        marks = list(
            CooperationMark.objects.select_for_update()
            .filter(part=part, party_a=party_a, party_b=party_b)
            .order_by("pk")
        )
        if not marks:
            raise CooperationRefused(
                _("Nobody marked this pair (any more): there is nothing to turn into an action.")
            )
        if any(m.action_id for m in marks):
            raise CooperationRefused(_("This missing link is already an action on the agenda."))
        count = len({m.participant_id for m in marks})
        description = (
            _(
                "Work more closely together: %(a)s and %(b)s (a missing link the group named in the "
                "picture of the future)."
            )
            if part.mode == FuturePart.Mode.JOINT
            else ngettext(
                "Work more closely together: %(a)s and %(b)s (a missing link named by %(count)s participant "
                "in the picture of the future).",
                "Work more closely together: %(a)s and %(b)s (a missing link named by %(count)s participants "
                "in the picture of the future).",
                count,
            )
        ) % {"a": party(party_a).label, "b": party(party_b).label, "count": count}
        action = agenda_services.add_action(
            round_, theme=theme, description=description, owner_name=owner_name
        )
        CooperationMark.objects.filter(pk__in=[m.pk for m in marks]).update(action=action)
    return action
