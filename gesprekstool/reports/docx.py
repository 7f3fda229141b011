"""The round as an editable Word memo (python-docx): the report's content with real headings,
tables and styles, ready to become a collegevoorstel or a raadsinformatiebrief.

A4 with page numbers in the footer. Headings use Word's own "Heading 1/2/3" styles, so the
navigation pane (Word) and the navigator (LibreOffice) list them; there is no contents field, which
Word only fills in after F9. Tables have a fixed layout with explicit column widths, so Word and
LibreOffice draw them alike. The step-1 chart is the report's SVG as a PNG picture (cairosvg).
"""

import io
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gesprekstool.futures.exports import write_docx as write_future
from gesprekstool.lib.language import document_language
from gesprekstool.rounds.models import Round

from .content import ReportContent, report_content
from .text import xml_safe


def _date(value) -> str:
    return date_format(value, "j F Y") if value else "–"


class Memo:
    """A thin layer over python-docx that cleans every text before it goes into the XML."""

    def __init__(self):
        from docx import Document  # noqa: PLC0415

        self.doc = Document()
        self._style_ids: dict[str, str | None] = {}
        self._set_defaults()
        self._set_page()

    def _set_page(self) -> None:
        """A4 portrait, 2 cm margins, "Pagina 3 van 12" at the bottom right."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415
        from docx.shared import Cm, Mm, Pt  # noqa: PLC0415

        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2))
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for part in (_("Page") + " ", "PAGE", " " + _("of") + " ", "NUMPAGES"):
            if part in ("PAGE", "NUMPAGES"):
                _field(footer, part)
            else:
                footer.add_run(part)
        for run in footer.runs:
            run.font.size = Pt(8)

    @property
    def text_width_cm(self) -> float:
        section = self.doc.sections[0]
        return (section.page_width - section.left_margin - section.right_margin) / 360000

    def _set_defaults(self) -> None:
        from docx.oxml.ns import qn  # noqa: PLC0415
        from docx.shared import Pt, RGBColor  # noqa: PLC0415

        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(10.5)
        # Spelling check and hyphenation in the reader's language, and Arial for every script.
        rpr = normal.element.get_or_add_rPr()
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang)
        lang.set(qn("w:val"), document_language())
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
            style = styles[name]
            style.font.name = "Arial"
            style.font.color.rgb = RGBColor(0x1A, 0x1A, 0x1A)
        styles["Title"].font.size = Pt(24)
        styles["Heading 1"].font.size = Pt(16)
        styles["Heading 2"].font.size = Pt(13)
        styles["Heading 3"].font.size = Pt(11)

    def _add_paragraph(self, style: str | None):
        """A new paragraph in `style`, its style id looked up once per document: python-docx
        searches every style in the document for each paragraph given a style by name."""
        from docx.enum.style import WD_STYLE_TYPE  # noqa: PLC0415

        p = self.doc.add_paragraph()
        if style is not None:
            if style not in self._style_ids:
                self._style_ids[style] = self.doc.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            p._p.style = self._style_ids[style]  # what `Paragraph.style = name` sets
        return p

    def heading(self, text: str, level: int):
        p = self._add_paragraph("Title" if level == 0 else f"Heading {level}")
        _add_run(p._p, xml_safe(text))
        return p

    def paragraph(self, text: str = "", style: str | None = None, *, bold_lead: str = ""):
        p = self._add_paragraph(style)
        if bold_lead:
            _add_run(p._p, xml_safe(bold_lead), bold=True)
        if text:
            _add_run(p._p, xml_safe(text))
        return p

    def bullet(self, text: str, *, bold_lead: str = ""):
        return self.paragraph(text, "List Bullet", bold_lead=bold_lead)

    def table(self, header: list[str], rows: list[list[str]], *, widths: list[float] | None = None):
        from docx.shared import Cm  # noqa: PLC0415

        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        if not widths:  # the first column for names, the others share the rest
            rest = (self.text_width_cm - 5) / max(1, len(header) - 1)
            widths = [5.0] + [rest] * (len(header) - 1)
        # A fixed layout with the widths on the grid and on every cell: LibreOffice otherwise
        # shrinks an autofit table to its narrowest content ("Deelneme r"). The grid's widths are
        # set first: `add_row` gives every new cell its column's width, one call fewer per cell.
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for cell, text, width in zip(table.rows[0].cells, header, widths, strict=True):
            cell.width = Cm(width)
            cell._tc.p_lst[0].add_r()  # the empty run `cell.text = ""` left, so the XML stays the same
            _add_run(cell._tc.p_lst[0], xml_safe(text), bold=True)
        _repeat_header(table.rows[0])
        for row in rows:
            tr = table.add_row()._tr
            _keep_together_tr(tr)
            # A new cell holds one empty paragraph: the text goes in as one run (what `cell.text`
            # writes, without its search for content to remove, about 2 ms a cell at 300 participants).
            for tc, text in zip(tr.tc_lst, row, strict=True):
                _add_run(tc.p_lst[0], xml_safe(str(text)))
        self.doc.add_paragraph()
        return table

    def picture(self, png: bytes, *, width_cm: float, description: str) -> None:
        """A picture with its text alternative (read aloud, shown when the picture is missing)."""
        from docx.shared import Cm  # noqa: PLC0415

        shape = self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
        shape._inline.docPr.set("descr", xml_safe(description))

    def page_break(self) -> None:
        self.doc.add_page_break()

    def save(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _field(paragraph, code: str) -> None:
    """A field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out the page:
    begin, instruction, separate, the text shown until then, end; each in a run of its own."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    paragraph.add_run()._r.append(instruction)
    char("separate")
    paragraph.add_run("1")
    char("end")


def _row_property(row, name: str) -> None:
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _repeat_header(row) -> None:
    """The header row is repeated at the top of every page the table runs onto."""
    _row_property(row, "w:tblHeader")


def _keep_together_tr(tr) -> None:
    """A row is never split across two pages ("Wethouder Armoede (via" / "…")."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(element)


def _add_run(p, text: str, *, bold: bool = False):
    """A run with `text` at the end of paragraph element `p`; what `Paragraph.add_run(text)` writes.
    python-docx feeds the text through its tab/line-break machine one character at a time (half a
    million calls at 300 participants); text without tabs or line breaks goes in as one `w:t`."""
    r = p.add_r()
    if bold:
        r.get_or_add_rPr()._set_bool_val("b", True)  # what `Run.bold = True` sets
    if text:
        if "\t" in text or "\n" in text or "\r" in text:
            r.text = text
        else:
            r.add_t(text)
    return r


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
