"""The PDF report, read back with pypdf: everything is there, nothing private leaks, and it is tagged."""

import io
import re

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from gesprekstool.reports import pdf
from gesprekstool.reports.content import report_content
from gesprekstool.rounds import services
from gesprekstool.rounds.charts import STYLES, shape_path
from gesprekstool.rounds.models import Round
from tests.factories import (
    HELD_ON,
    ActionFactory,
    ConversationQuestionFactory,
    OwnObservationFactory,
    answer_everything,
)

from .conftest import ACTION_TEXTS, AGREEMENT_TEXTS, NAMES, all_texts, private_words


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


def test_report_pdf_holds_everything_of_an_anonymised_round_and_is_tagged(full_round):
    reader, text = pdf_text(pdf.render_pdf(full_round))

    instrument = full_round.instrument
    for theme in instrument.themes:
        assert theme.label in text
        assert theme.statement in text
    for question in instrument.questions:
        assert f"{question.number}. {question.text}" in text
    assert "Deelnemer 1 (Armoede)" in text
    assert "Deelnemer 2 (Gezondheid)" in text
    for snippet in all_texts():
        assert snippet in text, snippet
    # step 1 table: participant 1 revised B from 2 to 3 and gave E "weet niet"
    assert "1 Deelnemer 1 (Armoede) 4 2 → 3 3 1 weet niet 5" in text
    assert "2 Deelnemer 2 (Gezondheid) 2 5 3 4 3 weet niet → 4" in text
    for word in private_words():
        assert word not in text, word
    assert "Gemeente Testdorp" in text and "Armoede en gezondheid 2026" in text
    assert "Samenvatting" in text and "Inhoud" in text and "Actieagenda" in text
    assert re.search(r"Pagina 2 van \d+", text)
    # the contents list its chapters with the page they start on
    contents = text.split("Inhoud", 1)[1].split("Samenvatting", 2)[1]
    assert re.match(r" ?[. ]+ \d+ ", contents), contents[:80]
    # tagged (PDF/UA-1), with language and title
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "nl"
    assert reader.metadata.title == "Armoede en gezondheid 2026 – Gemeente Testdorp"
    assert b"pdfuaid" in root["/Metadata"].get_data()


def test_report_pdf_of_a_named_round_shows_names(named_round):
    _reader, text = pdf_text(pdf.render_pdf(named_round))

    assert f"{NAMES[0]} (Armoede)" in text
    assert f"{NAMES[1]} (Gezondheid)" in text


def test_report_pdf_of_an_empty_round(round_):
    _reader, text = pdf_text(pdf.render_pdf(round_))

    assert "Er zijn nog geen deelnemers" in text
    assert "Er zijn nog geen acties afgesproken." in text


def test_report_html_shows_actions_and_agreement_by_shown_name(full_round):
    html = pdf.render_report_html(report_content(full_round))

    assert ACTION_TEXTS[0] in html and "Deelnemer 1 (Armoede)" in html
    assert "Wethouder Zorg" in html
    assert AGREEMENT_TEXTS[0] in html
    assert "De groep komt in dezelfde samenstelling opnieuw bij elkaar" in html


def test_report_content_reads_the_same_number_of_queries_for_few_and_many(organisation):
    def queries_for(count: int) -> int:
        round_ = services.create_round(
            organisation=organisation, title=f"Ronde {count}", held_on=HELD_ON, mode="individual"
        )
        for i in range(count):
            answer_everything(services.add_participant(round_, display_name=f"P{i}", domain="armoede"))
        ActionFactory(round=round_, theme="A", description="Iets", owner=round_.participants.first())
        with CaptureQueriesContext(connection) as context:
            report_content(Round.objects.select_related("organisation").get(pk=round_.pk))
        return len(context.captured_queries)

    assert queries_for(1) == queries_for(6)
    # With the local figures, own observations, chosen conversation questions and the picture of the
    # future (one query for a round without one).
    assert queries_for(1) <= 14


def test_report_html_shows_own_observations_chosen_questions_and_action_status(full_round):

    OwnObservationFactory(round=full_round, theme="B", text="Wijkcijfers ontbreken overal")
    ConversationQuestionFactory(round=full_round, theme="D", text="Wie bereikt de huisarts?")

    html = pdf.render_report_html(report_content(full_round))

    assert "<strong>B</strong>: Wijkcijfers ontbreken overal" in html
    assert "<strong>D</strong>: Wie bereikt de huisarts?" in html
    assert '<th scope="col">Status</th>' in html and "<td>open</td>" in html


def test_report_of_many_participants_shows_the_first_texts_and_says_how_many_more(organisation):
    from tests.factories import add_answered_in_bulk  # noqa: PLC0415

    round_ = services.create_round(
        organisation=organisation, title="Groot", held_on=HELD_ON, mode="individual"
    )
    add_answered_in_bulk(round_, 31)

    html = pdf.render_report_html(report_content(round_))

    # 31 comments per theme: 8 shown, and a line for the other 23; no list of who ticked what.
    comments_a = html.split('id="theme-A"', 1)[1].split('id="theme-B"', 1)[0].split("Opmerkingenveld", 1)[1]
    assert comments_a.count("<li><strong>") == 8
    assert "En nog 23 teksten; de Word-notitie en het Excel-bestand bevatten alle teksten." in comments_a
    assert 'class="who"' not in html


def test_report_chart_legend_maps_each_domain_to_its_shape_and_colour(full_round):
    html = pdf.render_report_html(report_content(full_round))

    keys = re.findall(
        r'<g transform="translate\([\d. ]+\)">(<path [^>]*/>)<text [^>]*>([^<]+)</text></g>', html
    )
    assert keys == [
        (f'<path d="{shape_path("circle", 0, 0, 8)}" fill="{STYLES["armoede"][1]}"/>', "Armoede"),
        (f'<path d="{shape_path("square", 0, 0, 8)}" fill="{STYLES["gezondheid"][1]}"/>', "Gezondheid"),
        (
            f'<path d="{shape_path("circle", 0, 0, 8)}" fill="#ffffff" stroke="#595959" stroke-width="1.5" '
            'stroke-dasharray="2 1.5"/>',
            "weet niet",
        ),
    ]


def test_print_stylesheet_fallbacks_are_the_design_tokens_values():
    # The PDF loads only report.css; each colour token it names must fall back to the token's value.
    css = pdf.STYLESHEET.read_text()
    tokens = (settings.NODE_MODULES / "@utrecht" / "design-tokens" / "dist" / "index.css").read_text()
    used = dict(re.findall(r"var\((--utrecht-color-[\w-]+), ([^)]+\))\)", css))

    assert sorted(used) == [
        "--utrecht-color-blue-35",
        "--utrecht-color-grey-10",
        "--utrecht-color-grey-30",
        "--utrecht-color-grey-80",
        "--utrecht-color-grey-95",
        "--utrecht-color-red-40",
    ]
    assert {name: re.search(rf"{name}: ([^;]+);", tokens).group(1) for name in used} == used
