"""The picture of the future in the JSON round file: the optional key "future" (docs/round-file.md).

`dump(round_)` gives the key's value (None when the round has no picture of the future, and then the
file has no such key); `check(value, ...)` refuses what cannot be imported; `load(round_, value, ...)`
writes it, after the round's participants and actions. The app registers the three as a section of
the round file (gesprekstool/rounds/filesections.py, in FuturesConfig.ready()); `reports` writes,
checks and imports the section without importing this module.

Like the rest of the file it holds no ids and no creation times, only what an import can rebuild
exactly, in a fixed order: exporting, importing and exporting again gives the same bytes.
Participants are referred to by their number, actions by their place in the file's "actions".
"""

from collections import Counter
from typing import Any

from django.utils.translation import gettext as _

from gesprekstool.agenda.models import Action
from gesprekstool.instrument import Instrument
from gesprekstool.rounds import filesections
from gesprekstool.rounds.models import Round

from .cooperation import ordered
from .models import MAX_VOTES, Contribution, CooperationMark, FuturePart, Group, Prompt, Vote

KEY = "future"


def _action_order(round_: Round) -> list[int]:
    """The round's action ids in the order of the file's "actions" (as reports/roundfile.py writes them)."""
    return list(
        Action.objects.filter(round=round_).order_by("theme", "created_at", "id").values_list("pk", flat=True)
    )


def dump(round_: Round) -> dict[str, Any] | None:
    """The round's picture of the future as plain data, or None when it has none. Six queries."""
    part = FuturePart.objects.filter(round=round_).first()
    if part is None:
        return None
    numbers = dict(round_.participants.values_list("pk", "position"))
    actions = {pk: index for index, pk in enumerate(_action_order(round_))}
    prompts = list(Prompt.objects.filter(part=part).order_by("is_experiences", "position", "id"))
    groups = list(Group.objects.filter(prompt__part=part).order_by("position", "id"))
    contributions = list(Contribution.objects.filter(prompt__part=part).order_by("created_at", "id"))
    voters: dict[int, list[int]] = {}
    for contribution_id, participant_id in Vote.objects.filter(contribution__prompt__part=part).values_list(
        "contribution_id", "participant_id"
    ):
        voters.setdefault(contribution_id, []).append(numbers[participant_id])
    items = []
    for prompt in prompts:
        mine = [c for c in contributions if c.prompt_id == prompt.pk]
        place = {c.pk: index for index, c in enumerate(mine)}
        headings = {g.pk: g.heading for g in groups if g.prompt_id == prompt.pk}
        items.append(
            {
                "theme": prompt.theme,
                "text": prompt.text,
                "is_experiences": prompt.is_experiences,
                "headings": list(headings.values()),
                "contributions": [
                    {
                        "participant": numbers[c.participant_id],
                        "text": c.text,
                        "heading": headings.get(c.group_id),
                        "hidden_at": filesections.moment(c.hidden_at),
                        "merged_into": place.get(c.merged_into_id),
                        "action": actions.get(c.action_id),
                        "votes": sorted(voters.get(c.pk, [])),
                    }
                    for c in mine
                ],
            }
        )
    marks = [
        {
            "participant": numbers[m.participant_id],
            "party_a": m.party_a,
            "party_b": m.party_b,
            "others": m.others,
            "action": actions.get(m.action_id),
        }
        for m in CooperationMark.objects.filter(part=part)
    ]
    marks.sort(key=lambda m: (m["participant"], m["party_a"], m["party_b"]))
    return {
        "enabled": part.enabled,
        "mode": part.mode,
        "position": part.position,
        "anonymous": part.anonymous,
        "prompts": items,
        "cooperation": marks,
    }


def check(  # noqa: PLR0912, PLR0915 - one pass over the part, each rule a few lines, in the file's order
    future: dict[str, Any], *, instrument: Instrument, numbers: set[int], actions: int
) -> None:
    """Refuse (raise `error` with a message naming the place) a "future" that the schema lets through
    but that cannot be imported as it is: unknown themes or participants, dots given twice or more
    than MAX_VOTES per participant per prompt, a reference to a contribution, heading or action that
    is not there, or a pair of one party or in the wrong order (filesections.SectionError)."""
    themes = {t.code for t in instrument.themes}

    def refuse(path: list, message: str, **values) -> None:
        filesections.refuse([KEY, *path], message, **values)

    def check_participant(number: int, path: list) -> None:
        if number not in numbers:
            refuse(path, _("there is no participant number %(number)s."), number=number)

    def check_action(index: int | None, path: list) -> None:
        if index is not None and not 0 <= index < actions:
            refuse(path, _("there is no action number %(number)s in “actions”."), number=index)

    seen_prompts = set()
    actions_of_contributions: set[int] = set()
    for i, prompt in enumerate(future["prompts"]):
        at = ["prompts", i]
        if prompt["theme"] and prompt["theme"] not in themes:
            refuse([*at, "theme"], _("the instrument has no theme “%(code)s”."), code=prompt["theme"])
        if (prompt["theme"], prompt["is_experiences"]) in seen_prompts:
            refuse([*at, "theme"], _("theme %(code)s has this kind of question twice."), code=prompt["theme"])
        seen_prompts.add((prompt["theme"], prompt["is_experiences"]))
        headings = prompt["headings"]
        if len(set(headings)) != len(headings):
            refuse([*at, "headings"], _("a heading appears twice."))
        contributions = prompt["contributions"]
        dots: Counter = Counter()
        for j, c in enumerate(contributions):
            where = [*at, "contributions", j]
            check_participant(c["participant"], [*where, "participant"])
            if c["heading"] is not None and c["heading"] not in headings:
                refuse(
                    [*where, "heading"], _("the question has no heading “%(heading)s”."), heading=c["heading"]
                )
            merged = c["merged_into"]
            if merged is not None and (
                not 0 <= merged < len(contributions)
                or merged == j
                or contributions[merged]["merged_into"] is not None
            ):
                refuse(
                    [*where, "merged_into"],
                    _("a contribution can only be merged into another one on the wall."),
                )
            check_action(c["action"], [*where, "action"])
            if c["action"] is not None:
                if c["action"] in actions_of_contributions:
                    refuse([*where, "action"], _("two contributions cannot have become the same action."))
                actions_of_contributions.add(c["action"])
            filesections.check_day(c["hidden_at"], [KEY, *where, "hidden_at"], moment=True)
            if len(set(c["votes"])) != len(c["votes"]):
                refuse([*where, "votes"], _("a participant gives a contribution at most one dot."))
            for k, number in enumerate(c["votes"]):
                check_participant(number, [*where, "votes", k])
            dots.update(c["votes"])
        for number, count in sorted(dots.items()):
            if count > MAX_VOTES:
                refuse(
                    [*at, "contributions"],
                    _("participant %(number)s gives more than %(max)s dots to this question."),
                    number=number,
                    max=MAX_VOTES,
                )
    pairs = set()
    for i, mark in enumerate(future["cooperation"]):
        where = ["cooperation", i]
        check_participant(mark["participant"], [*where, "participant"])
        if (mark["party_a"], mark["party_b"]) != ordered(mark["party_a"], mark["party_b"]) or mark[
            "party_a"
        ] == mark["party_b"]:
            refuse(
                where,
                _(
                    "a pair has two different partners, “party_a” before “party_b” in Unicode code-point order."
                ),
            )
        key = (mark["participant"], mark["party_a"], mark["party_b"])
        if key in pairs:
            refuse(where, _("participant %(number)s marks this pair twice."), number=mark["participant"])
        pairs.add(key)
        check_action(mark["action"], [*where, "action"])


def load(round_: Round, future: dict[str, Any], *, participants: dict) -> None:
    """Write the checked "future" of a round file into `round_`, whose participants (`participants`:
    the new Participant per number) and actions (in the file's order) have just been imported."""
    people = participants
    actions = list(Action.objects.filter(round=round_).order_by("pk"))
    part = FuturePart.objects.create(
        round=round_,
        enabled=future["enabled"],
        mode=future["mode"],
        position=future["position"],
        anonymous=future["anonymous"],
    )
    for position, item in enumerate(future["prompts"]):
        prompt = Prompt.objects.create(
            part=part,
            theme=item["theme"],
            text=item["text"],
            is_experiences=item["is_experiences"],
            position=position,
        )
        groups = {
            heading: Group.objects.create(prompt=prompt, heading=heading, position=number)
            for number, heading in enumerate(item["headings"])
        }
        created = Contribution.objects.bulk_create(
            Contribution(
                prompt=prompt,
                participant=people[c["participant"]],
                text=c["text"],
                hidden_at=filesections.parse_moment(c["hidden_at"]),
                group=groups.get(c["heading"]) if c["heading"] is not None else None,
                action=actions[c["action"]] if c["action"] is not None else None,
            )
            for c in item["contributions"]
        )
        for contribution, c in zip(created, item["contributions"], strict=True):
            if c["merged_into"] is not None:
                contribution.merged_into = created[c["merged_into"]]
                contribution.save(update_fields=["merged_into"])
        Vote.objects.bulk_create(
            Vote(contribution=contribution, participant=people[number])
            for contribution, c in zip(created, item["contributions"], strict=True)
            for number in c["votes"]
        )
    CooperationMark.objects.bulk_create(
        CooperationMark(
            part=part,
            participant=people[m["participant"]],
            party_a=m["party_a"],
            party_b=m["party_b"],
            others=m["others"],
            action=actions[m["action"]] if m["action"] is not None else None,
        )
        for m in future["cooperation"]
    )


# The section's schema: the definitions of the round file's own schema (docs/round-file.schema.json).
SCHEMA = {"$ref": "#/$defs/future"}
