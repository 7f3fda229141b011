"""The building blocks of the Word memo (reports/docx.py): the document with its styles, page setup
and footer (`Memo`), and the few pieces of WordprocessingML that python-docx has no call for
(fields, rows kept together, header rows repeated, runs written in one piece)."""

import io

from django.utils.translation import gettext as _

from gesprekstool.lib.language import document_language

from .text import xml_safe


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
        add_run(p._p, xml_safe(text))
        return p

    def paragraph(self, text: str = "", style: str | None = None, *, bold_lead: str = ""):
        p = self._add_paragraph(style)
        if bold_lead:
            add_run(p._p, xml_safe(bold_lead), bold=True)
        if text:
            add_run(p._p, xml_safe(text))
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
            add_run(cell._tc.p_lst[0], xml_safe(text), bold=True)
        repeat_header(table.rows[0])
        for row in rows:
            tr = table.add_row()._tr
            keep_together_tr(tr)
            # A new cell holds one empty paragraph: the text goes in as one run (what `cell.text`
            # writes, without its search for content to remove, about 2 ms a cell at 300 participants).
            for tc, text in zip(tr.tc_lst, row, strict=True):
                add_run(tc.p_lst[0], xml_safe(str(text)))
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


def repeat_header(row) -> None:
    """The header row is repeated at the top of every page the table runs onto."""
    _row_property(row, "w:tblHeader")


def keep_together_tr(tr) -> None:
    """A row is never split across two pages ("Wethouder Armoede (via" / "…")."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(element)


def add_run(p, text: str, *, bold: bool = False):
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
