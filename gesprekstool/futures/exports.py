"""The picture of the future in the PDF report and the Word memo (gesprekstool.reports uses this).

Per prompt: its theme, the prompt, and the contributions with the most dots, with their headings.
Hidden contributions are never in a report, merged ones only through the one they were merged into,
and no contribution names who wrote it. Then the biggest missing links of the cooperation part.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.rounds.models import Round

from . import cooperation
from .cooperation import Link
from .models import Contribution, CooperationMark, FuturePart, Group, Prompt, Vote

# A report shows the best of the wall, not all of it.
TOP_CONTRIBUTIONS = 5
TOP_LINKS = 10


@dataclass(frozen=True)
class FutureItem:
    text: str
    dots: int
    heading: str = ""


@dataclass(frozen=True)
class FuturePrompt:
    theme: str  # "B. Zicht op ..." (the theme's label), or "" for a prompt for all themes
    text: str
    is_experiences: bool
    items: list[FutureItem]
    left_out: int = 0  # shown contributions not in the report


@dataclass(frozen=True)
class FuturePicture:
    prompts: list[FuturePrompt] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    links_left_out: int = 0

    def dots_text(self, dots: int) -> str:
        return ngettext("%(count)s dot", "%(count)s dots", dots) % {"count": dots}


def future_picture(round_: Round) -> FuturePicture | None:
    """The round's picture of the future for a report; None when the round has none. Four queries."""
    part = FuturePart.objects.filter(round=round_).first()
    if part is None:
        return None
    prompts = list(Prompt.objects.filter(part=part).order_by("is_experiences", "position", "id"))
    contributions = list(
        Contribution.objects.filter(prompt__part=part, hidden_at__isnull=True, merged_into__isnull=True)
        .select_related("group")
        .annotate(dots=Count("votes"))
        .order_by("-dots", "created_at", "id")
    )
    instrument = round_.instrument
    shown = []
    for prompt in prompts:
        mine = [c for c in contributions if c.prompt_id == prompt.pk]
        try:
            theme = instrument.theme(prompt.theme).label if prompt.theme else ""
        except KeyError:
            theme = prompt.theme
        shown.append(
            FuturePrompt(
                theme=theme,
                text=prompt.text,
                is_experiences=prompt.is_experiences,
                items=[
                    FutureItem(text=c.text, dots=c.dots, heading=c.group.heading if c.group else "")
                    for c in mine[:TOP_CONTRIBUTIONS]
                ],
                left_out=max(0, len(mine) - TOP_CONTRIBUTIONS),
            )
        )
    links = cooperation.missing_links(part)
    return FuturePicture(
        prompts=shown, links=links[:TOP_LINKS], links_left_out=max(0, len(links) - TOP_LINKS)
    )


def _scalar(queryset, link: str, aggregate) -> Subquery:
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Subquery(rows.annotate(value=aggregate).values("value")[:1])


def export_facts() -> dict[str, Subquery]:
    """Subqueries for `Round.objects.values(...)` that change whenever anything a report or the round
    file shows of the picture of the future changes (reports/stored.py adds them to its fingerprint,
    so no extra query). Prompts change with the part (saving the setup saves the part)."""
    return {
        "futures_part": Subquery(FuturePart.objects.filter(round=OuterRef("pk")).values("updated_at")[:1]),
        "futures_prompts": _scalar(Prompt.objects, "part__round", Count("pk")),
        "futures_last_prompt": _scalar(Prompt.objects, "part__round", Max("pk")),
        "futures_contributions": _scalar(Contribution.objects, "prompt__part__round", Count("pk")),
        "futures_last_contribution": _scalar(Contribution.objects, "prompt__part__round", Max("pk")),
        "futures_contribution_updated": _scalar(
            Contribution.objects, "prompt__part__round", Max("updated_at")
        ),
        "futures_votes": _scalar(Vote.objects, "contribution__prompt__part__round", Count("pk")),
        "futures_last_vote": _scalar(Vote.objects, "contribution__prompt__part__round", Max("pk")),
        "futures_groups": _scalar(Group.objects, "prompt__part__round", Count("pk")),
        "futures_last_group": _scalar(Group.objects, "prompt__part__round", Max("pk")),
        "futures_marks": _scalar(CooperationMark.objects, "part__round", Count("pk")),
        "futures_last_mark": _scalar(CooperationMark.objects, "part__round", Max("pk")),
        "futures_mark_actions": _scalar(CooperationMark.objects, "part__round", Count("action")),
    }


def write_docx(memo, picture: FuturePicture | None) -> None:
    """The picture of the future as a chapter of the Word memo (`memo`: reports.docx.Memo)."""
    if picture is None:
        return
    memo.heading(_("Shared picture of the future"), 1)
    memo.paragraph(
        _(
            "What the participants wrote about where we want to go together, with the contributions that "
            "got the most dots. Contributions are shown without names; hidden ones are left out."
        )
    )
    for prompt in picture.prompts:
        memo.heading(prompt.theme or _("All themes"), 2)
        memo.paragraph(prompt.text).runs[0].italic = True
        if not prompt.items:
            memo.paragraph(_("No contributions yet."))
        for item in prompt.items:
            lead = f"{item.heading}: " if item.heading else ""
            memo.bullet(f"{item.text} ({picture.dots_text(item.dots)})", bold_lead=lead)
        if prompt.left_out:
            memo.paragraph(
                ngettext(
                    "And %(count)s more contribution.", "And %(count)s more contributions.", prompt.left_out
                )
                % {"count": prompt.left_out}
            )
    memo.heading(_("The biggest missing links"), 2)
    if picture.links:
        memo.table(
            [_("Should work more closely together"), _("Marked by")],
            [[link.label, str(link.count)] for link in picture.links],
            widths=[13.0, 4.0],
        )
    else:
        memo.paragraph(_("Nobody has marked a pair of partners."))
