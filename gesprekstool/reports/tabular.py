"""The round's raw data as rows, for the analyst: the Excel workbook and the long CSV file.

One row per participant and item, with the instrument's codes and texts. Participants appear by
`shown_name` only. Step 1 rows carry the first and the revised score; step 2 rows carry 1 for a
ticked option, 0 for an option left unticked in an answered question, and nothing when the
participant did not answer the question at all.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from gesprekstool.agenda.models import Agreement
from gesprekstool.rounds.models import Round
from gesprekstool.rounds.results import RoundResults, round_results

from .content import ActionRow, action_rows

Value = int | str | date | None


@dataclass(frozen=True)
class Step1Row:
    participant: str
    domain: str
    code: str
    theme_title: str
    item: str
    first: int | None
    first_label: str
    revised: int | None
    revised_label: str
    current: int | None
    text: str


@dataclass(frozen=True)
class Step2Row:
    participant: str
    domain: str
    theme: str
    theme_title: str
    question: str
    question_text: str
    code: str
    item: str
    ticked: int | None
    text: str


@dataclass
class Tables:
    round: Round
    results: RoundResults
    step1: list[Step1Row]
    step2: list[Step2Row]
    actions: list[ActionRow]
    agreement: Agreement | None


def _label(results: RoundResults, value: int | None) -> str:
    if value is None:
        return ""
    try:
        return results.instrument.score_label(value)
    except KeyError:
        return ""


def step1_rows(results: RoundResults) -> list[Step1Row]:
    rows = []
    notes = {p.pk: text for p, text in results.notes}
    for i, p in enumerate(results.participants):
        domain = p.domain_label
        name = p.shown_name  # once per participant: it translates and looks up choices
        for theme_scores in results.step1:
            cell = theme_scores.cells[i]
            current = cell.revised if cell.revised is not None else cell.first
            rows.append(
                Step1Row(
                    participant=name,
                    domain=domain,
                    code=theme_scores.theme.code,
                    theme_title=theme_scores.theme.title,
                    item=theme_scores.theme.statement,
                    first=cell.first,
                    first_label=_label(results, cell.first),
                    revised=cell.revised,
                    revised_label=_label(results, cell.revised),
                    current=current,
                    text="",
                )
            )
        rows.append(
            Step1Row(
                participant=name,
                domain=domain,
                code="notitie",
                theme_title="",
                item=results.instrument.step1.note_label,
                first=None,
                first_label="",
                revised=None,
                revised_label="",
                current=None,
                text=notes.get(p.pk, ""),
            )
        )
    return rows


def step2_rows(results: RoundResults) -> list[Step2Row]:
    """Per participant, per option of every question: ticked 1/0 (None: question not answered)."""
    ticked: dict[tuple[int, str], str] = {}
    answered: set[tuple[int, str]] = set()
    comments: dict[tuple[int, str], str] = {}
    for theme_result in results.step2:
        for q in theme_result.questions:
            for o in q.options:
                for p in o.participants:
                    ticked[(p.pk, o.option.code)] = ""
                    answered.add((p.pk, q.question.code))
                for p, text in o.texts:
                    ticked[(p.pk, o.option.code)] = text
        for p, text in theme_result.comments:
            comments[(p.pk, theme_result.theme.code)] = text
    rows = []
    for p in results.participants:
        domain = p.domain_label
        name = p.shown_name  # once per participant, not once per row
        for theme_result in results.step2:
            theme = theme_result.theme
            # What every row of this participant and theme starts with.
            who = {"participant": name, "domain": domain, "theme": theme.code, "theme_title": theme.title}
            for q in theme_result.questions:
                question = q.question
                has_answer = (p.pk, question.code) in answered
                for o in q.options:
                    key = (p.pk, o.option.code)
                    rows.append(
                        Step2Row(
                            **who,
                            question=question.code,
                            question_text=question.text,
                            code=o.option.code,
                            item=o.option.text,
                            ticked=(1 if key in ticked else 0) if has_answer else None,
                            text=ticked.get(key, ""),
                        )
                    )
            rows.append(
                Step2Row(
                    **who,
                    question="",
                    question_text="",
                    code=f"{theme.code}-opmerking",
                    item=theme.comment_label,
                    ticked=None,
                    text=comments.get((p.pk, theme.code), ""),
                )
            )
    return rows


def round_tables(round_: Round) -> Tables:
    """Everything the workbook and the CSV file hold, read in a fixed number of queries."""
    results = round_results(round_)
    return Tables(
        round=round_,
        results=results,
        step1=step1_rows(results),
        step2=step2_rows(results),
        actions=action_rows(round_, results),
        agreement=Agreement.objects.filter(round=round_).first(),
    )


def agreement_rows(tables: Tables) -> list[tuple[str, str, Value, str]]:
    """(code, item, value, text) for the follow-up agreement of step 3."""
    g = tables.agreement
    if g is None:
        return []
    return [
        ("vervolg", _("Follow-up"), g.follow_up, g.get_follow_up_display()),
        ("volgende-bijeenkomst", _("Next meeting"), g.next_meeting_on, ""),
        ("afspraken", _("How we hold each other to the agreements"), None, g.accountability),
        ("toelichting", tables.results.instrument.step3.note_label, None, g.notes),
    ]
