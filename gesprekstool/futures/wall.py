"""What the wall and the participants' pages show, read in a fixed number of queries, and the live
fingerprint that lets an unchanged poll be answered with 204 (as rounds/live.py does for the
presenter)."""

import hashlib
from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Subquery

from gesprekstool.rounds.models import Participant

from .models import Contribution, FuturePart, Group, Prompt, Vote


@dataclass
class Heading:
    """A heading on the wall with its contributions, the most dots first."""

    group: Group | None
    contributions: list[Contribution] = field(default_factory=list)

    @property
    def dots(self) -> int:
        return sum(c.dots for c in self.contributions)


@dataclass
class PromptWall:
    prompt: Prompt
    headings: list[Heading]
    hidden: list[Contribution]

    @property
    def count(self) -> int:
        return sum(len(h.contributions) for h in self.headings)

    @property
    def shown(self) -> list[Contribution]:
        return [c for h in self.headings for c in h.contributions]


def theme_codes(part: FuturePart, prompts: list[Prompt]) -> list[str]:
    """The themes that have a prompt, in the instrument's order."""
    codes = []
    for prompt in prompts:
        if prompt.theme not in codes:
            codes.append(prompt.theme)
    return codes


def prompt_walls(prompts: list[Prompt]) -> list[PromptWall]:
    """Per prompt: its shown contributions under their headings (headings by their order, the
    contributions without a heading last; within each the most dots first, then the oldest), and the
    hidden ones (for the facilitator only). Two queries, whatever the number of contributions."""
    if not prompts:
        return []
    contributions = list(
        Contribution.objects.filter(prompt__in=prompts, merged_into__isnull=True)
        .select_related("participant__round", "group")
        .annotate(dots=Count("votes"))
        .order_by("-dots", "created_at", "id")
    )
    groups = list(Group.objects.filter(prompt__in=prompts))
    walls = []
    for prompt in prompts:
        headings = [Heading(group=g) for g in groups if g.prompt_id == prompt.pk]
        loose = Heading(group=None)
        by_group = {h.group.pk: h for h in headings}
        hidden = []
        for contribution in contributions:
            if contribution.prompt_id != prompt.pk:
                continue
            if contribution.hidden_at is not None:
                hidden.append(contribution)
                continue
            by_group.get(contribution.group_id, loose).contributions.append(contribution)
        shown_headings = [h for h in headings if h.contributions]
        if loose.contributions:
            shown_headings.append(loose)
        walls.append(PromptWall(prompt=prompt, headings=shown_headings, hidden=hidden))
    return walls


def participant_items(prompt: Prompt, participant: Participant) -> list[dict]:
    """The contributions a participant sees for a prompt, oldest first (a list that does not jump on a
    phone): never the hidden or merged ones, never who wrote them; with whether they are the
    participant's own and carry their dot. Two queries."""
    contributions = list(
        Contribution.objects.filter(prompt=prompt, hidden_at__isnull=True, merged_into__isnull=True).order_by(
            "created_at", "id"
        )
    )
    voted = set(
        Vote.objects.filter(participant=participant, contribution__prompt=prompt).values_list(
            "contribution_id", flat=True
        )
    )
    return [
        {"contribution": c, "own": c.participant_id == participant.pk, "voted": c.pk in voted}
        for c in contributions
    ]


def _aggregate(model, link: str, **aggregates) -> dict[str, Subquery]:
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return {
        f"live_{name}": Subquery(rows.annotate(value=aggregate).values("value")[:1])
        for name, aggregate in aggregates.items()
    }


def live_version(part: FuturePart) -> str:
    """A short hash that changes whenever a contribution, dot or heading of the part is added,
    changed or removed, or the part itself changes. One query.

    Contributions carry `updated_at` (hiding, merging, grouping, into step 3 all save it); counts and
    the highest ids catch removals."""
    subqueries = {
        **_aggregate(
            Contribution,
            "prompt__part",
            contributions=Count("pk"),
            last_contribution=Max("pk"),
            contribution_updated=Max("updated_at"),
        ),
        **_aggregate(Vote, "contribution__prompt__part", votes=Count("pk"), last_vote=Max("pk")),
        **_aggregate(Group, "prompt__part", groups=Count("pk"), last_group=Max("pk")),
        **_aggregate(Prompt, "part", prompts=Count("pk"), last_prompt=Max("pk")),
    }
    facts = (
        FuturePart.objects.filter(pk=part.pk)
        .values("updated_at", "enabled", "anonymous", **subqueries)
        .first()
    )
    text = repr(sorted((facts or {}).items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
