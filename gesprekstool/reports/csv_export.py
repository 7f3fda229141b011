"""The round as one long CSV file: round, participant, step, item code, item text, value, text.

Separated by ";" (the list separator of a Dutch Excel), UTF-8 with a byte-order mark so that Excel
shows é and ë; every field between quotes, and an
apostrophe before anything a spreadsheet would run as a formula, at the start of a cell or of a
piece it may split off at "," or ";" (see text.csv_safe and docs/exports.md).
"""

import csv
import io

from django.utils.translation import gettext as _

from gesprekstool.rounds.models import Round

from .tabular import Tables, agreement_rows, round_tables
from .text import csv_safe, xml_safe


def header() -> list[str]:
    return [_("round"), _("participant"), _("step"), _("item code"), _("item text"), _("value"), _("text")]


def csv_rows(tables: Tables) -> list[list]:
    """The long-format rows (without the header); values as they go into the file."""
    title = tables.round.title
    rows = []
    for r in tables.step1:
        if r.code == "notitie":
            rows.append([title, r.participant, 1, r.code, r.item, "", r.text])
            continue
        rows.append([title, r.participant, 1, r.code, r.item, r.first, r.first_label])
        if r.revised is not None:
            rows.append([title, r.participant, 1, f"{r.code}-herzien", r.item, r.revised, r.revised_label])
    for r in tables.step2:
        rows.append([title, r.participant, 2, r.code, r.item, r.ticked, r.text])
    for a in tables.actions:
        rows.append([title, a.who, 3, f"{a.theme.code}-actie", a.description, a.due_on, a.department])
    for code, item, value, text in agreement_rows(tables):
        rows.append([title, "", 3, code, item, value, text])
    return rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_safe(xml_safe(value))
    return str(value)  # int, or a date as 2026-11-20


def render_csv(round_: Round) -> bytes:
    """The CSV file's bytes (see the module docstring for its columns)."""
    out = io.StringIO()
    # ";" is the list separator of a Dutch Excel: with it (and the byte-order mark) a double click
    # opens the file in columns, é and ë intact.
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header())
    for row in csv_rows(round_tables(round_)):
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
