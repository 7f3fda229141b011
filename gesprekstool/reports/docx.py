"""The round as an editable Word memo (python-docx): the report's content with real headings,
tables and styles, ready to become a collegevoorstel or a raadsinformatiebrief.

A4 with page numbers in the footer. Headings use Word's own "Heading 1/2/3" styles, so the
navigation pane (Word) and the navigator (LibreOffice) list them; there is no contents field, which
Word only fills in after F9. Tables have a fixed layout with explicit column widths, so Word and
LibreOffice draw them alike. The step-1 chart is the report's SVG as a PNG picture (cairosvg).
"""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.futures.exports import write_docx as write_future
from gesprekstool.lib.language import document_language
from gesprekstool.rounds.models import Round

from .content import ReportContent, report_content
from .docx_memo import Memo
from .text import xml_safe


def _date(value) -> str:
    return date_format(value, "j F Y") if value else "–"


def render_docx(round_: Round, *, progress: Callable[[int], None] | None = None) -> bytes:
    """The memo's bytes: the same content as the PDF report, as an editable document.
    `progress(step)` is called as collecting (1) and writing (2) start (reports/builds.py)."""
    if progress:
        progress(1)
    report = report_content(round_)
    if progress:
        progress(2)
    memo = Memo()
    _cover(memo, report)
    _summary(memo, report)
    _step1(memo, report)
    _step2(memo, report)
    write_future(memo, report.future)  # the picture of the future, when the round has one
    _step3(memo, report)
    if report.inspiration:
        memo.heading(_("Inspiration from other municipalities"), 1)
        for item in report.inspiration:
            lead = f"{item.title} ({item.theme}): " if item.theme else f"{item.title}: "
            memo.bullet(" ".join(x for x in (item.reason, item.text, item.url) if x), bold_lead=lead)
    memo.heading(_("About this report"), 1)
    memo.paragraph(
        _(
            "This report was made with the Gesprekstool from the answers the participants gave. Averages and "
            "ranges count the score after step 2 (the revised score where a participant changed it) and leave "
            "“don't know” out."
        )
    )
    memo.paragraph(report.instrument.source)
    properties = memo.doc.core_properties
    properties.title = xml_safe(round_.title)  # lxml refuses control characters here too
    properties.author = xml_safe(round_.organisation.name)
    properties.last_modified_by = "Gesprekstool"
    properties.comments = ""
    properties.subject = report.instrument.title
    properties.language = document_language()
    properties.keywords = _("poverty, health, conversation tool")
    return memo.save()


def chart_png(report: ReportContent) -> bytes:
    """The report's step-1 chart (the same SVG as in the PDF) as a PNG at twice its size."""
    import cairosvg  # noqa: PLC0415

    svg = render_to_string("reports/chart_step1.svg", {"chart": report.chart})
    return cairosvg.svg2png(bytestring=xml_safe(svg).encode(), scale=2, unsafe=False)


def _cover(memo: Memo, report: ReportContent) -> None:
    round_ = report.round
    memo.paragraph(round_.organisation.name)
    memo.doc.add_paragraph(xml_safe(round_.title), style="Title")
    memo.paragraph(_("Report of the conversation round"), "Subtitle")
    mode = _("filled in jointly") if round_.is_joint else _("filled in individually")
    memo.paragraph(_date(round_.held_on), bold_lead=_("Date of the round") + ": ")
    memo.paragraph(f"{report.participant_count} · {mode}", bold_lead=_("Participants") + ": ")
    shown = _("anonymised (Participant 1, 2, …)") if round_.anonymised else _("by name")
    memo.paragraph(shown, bold_lead=_("Participants shown") + ": ")
    memo.paragraph(_date(report.made_on), bold_lead=_("Report made on") + ": ")
    memo.page_break()


def _summary(memo: Memo, report: ReportContent) -> None:
    memo.heading(_("Summary"), 1)
    memo.heading(_("What stands out"), 2)
    if report.stands_out:
        for point in report.stands_out:
            memo.bullet(point.text)
    else:
        memo.paragraph(_("Nothing stands out yet: there are too few scores."))
    _own_notes(memo, report)
    memo.heading(_("Main disagreements"), 2)
    if report.disagreements:
        for s in report.disagreements:
            text = _("scores from %(low)s to %(high)s") % {"low": s.low, "high": s.high}
            if s.unknown:
                text += "; " + ngettext(
                    "%(counter)s times “don't know”", "%(counter)s times “don't know”", s.unknown
                ) % {"counter": s.unknown}
            memo.bullet(text + ".", bold_lead=f"{s.theme.label}: ")
    else:
        memo.paragraph(_("On no theme do the scores lie two or more points apart."))
    memo.heading(_("Agreed actions"), 2)
    if report.actions:
        for a in report.actions:
            detail = " · ".join(x for x in (a.theme.code, a.who, _date(a.due_on) if a.due_on else "") if x)
            memo.bullet(f"{a.description} ({detail})")
    else:
        memo.paragraph(_("No actions have been agreed yet."))
    if report.agreement:
        text = report.agreement.get_follow_up_display()
        if report.agreement.next_meeting_on:
            text += " · " + _("next meeting on") + " " + _date(report.agreement.next_meeting_on)
        memo.paragraph(text + ".", bold_lead=_("Follow-up:") + " ")


def _own_notes(memo: Memo, report: ReportContent) -> None:
    """What the facilitator wrote down, and the questions chosen for the conversation."""
    if report.own_observations:
        memo.heading(_("Observations of the facilitator"), 2)
        for theme, text in report.own_observations:
            memo.bullet(text, bold_lead=f"{theme}: " if theme else "")
    if report.conversation_questions:
        memo.heading(_("Questions chosen for the conversation"), 2)
        for theme, text in report.conversation_questions:
            memo.bullet(text, bold_lead=f"{theme}: ")


def _step1(memo: Memo, report: ReportContent) -> None:
    instrument = report.instrument
    memo.page_break()  # the chart keeps its heading: on a new page, as in the PDF
    memo.heading(f"{_('Step 1.')} {instrument.step1.title}", 1)
    memo.paragraph(f"{instrument.scale_question} {instrument.scale_legend}.")
    if not report.results.participants:
        memo.paragraph(_("There are no participants yet, so there are no results."))
        return
    memo.picture(
        chart_png(report),
        width_cm=min(memo.text_width_cm, report.chart.print_width / 28),
        description=_("Step 1: scores per theme. The table below gives the same figures."),
    )
    memo.heading(_("Per theme"), 2)
    memo.table(
        [_("Theme"), _("Statement"), _("Average"), _("Range"), instrument.unknown.label],
        [
            [s.theme.code, s.theme.statement, average, spread, str(s.unknown)]
            for s, average, spread in report.stats_rows
        ],
        widths=[1.8, 9.0, 2.3, 1.9, 2.0],
    )
    memo.heading(_("Scores per participant"), 2)
    memo.paragraph(_("An arrow shows a score revised after step 2."))
    memo.table(
        [_("Participant"), *(t.code for t in instrument.themes)],
        [[name, *cells] for _number, name, cells in report.score_table],
    )
    if report.results.notes:
        memo.heading(instrument.step1.note_label, 2)
        for p, text in report.results.notes:
            memo.bullet(text, bold_lead=f"{p.shown_name}: ")


def _step2(memo: Memo, report: ReportContent) -> None:
    total = report.participant_count
    # Each name once: a participant appears under every option they ticked, and `shown_name`
    # translates and looks up the domain's label each time it is read.
    names = {p.pk: p.shown_name for p in report.results.participants}
    memo.heading(f"{_('Step 2.')} {report.instrument.step2.title}", 1)
    for t in report.results.step2:
        memo.heading(t.theme.label, 2)
        memo.paragraph(t.theme.statement).runs[0].italic = True
        for q in t.questions:
            memo.heading(f"{q.question.number}. {q.question.text}", 3)
            rows = []
            for o in q.options:
                who = ", ".join(names[p.pk] for p in o.participants)
                texts = "\n".join(f"{names[p.pk]}: “{text}”" for p, text in o.texts)
                rows.append(
                    [f"{len(o.participants)}/{total}", o.option.text, "\n".join(x for x in (who, texts) if x)]
                )
            memo.table([_("Number"), _("Answer"), _("Who")], rows, widths=[1.6, 8, 7.4])
            if q.unanswered:
                memo.paragraph(
                    ", ".join(names[p.pk] for p in q.unanswered), bold_lead=_("Not answered by:") + " "
                )
        if t.comments:
            memo.heading(t.theme.comment_label, 3)
            for p, text in t.comments:
                memo.bullet(text, bold_lead=f"{names[p.pk]}: ")


def _step3(memo: Memo, report: ReportContent) -> None:
    instrument = report.instrument
    memo.heading(f"{_('Step 3.')} {instrument.step3.title}: {instrument.step3.subtitle}", 1)
    if report.actions:
        for theme, actions in report.actions_by_theme:
            if not actions:
                continue
            memo.heading(theme.label, 2)
            memo.table(
                [*instrument.step3_columns, _("Date"), _("Status")],
                [
                    [a.description, a.who or "–", a.department or "–", _date(a.due_on), a.status]
                    for a in actions
                ],
                widths=[5.8, 3.2, 3.6, 2.4, 2.0],
            )
    else:
        memo.paragraph(_("No actions have been agreed yet."))
    memo.heading(_("Agreement on the follow-up"), 2)
    g = report.agreement
    if g is None:
        memo.paragraph(_("Nothing has been agreed on the follow-up yet."))
        return
    memo.paragraph(g.get_follow_up_display(), bold_lead=_("Follow-up") + ": ")
    if g.next_meeting_on:
        memo.paragraph(_date(g.next_meeting_on), bold_lead=_("Next meeting") + ": ")
    if g.accountability:
        memo.paragraph(g.accountability, bold_lead=_("How we hold each other to the agreements") + ": ")
    if g.notes:
        memo.paragraph(g.notes, bold_lead=instrument.step3.note_label + ": ")
