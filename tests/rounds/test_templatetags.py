"""The rounds template filters that build long lists in Python: the same markup as the template loops they
replace (Django's autoescape and linebreaksbr)."""

from django.template import Context, Template
from django.utils import translation
from django.utils.html import escape

from gesprekstool.rounds.observations import Evidence
from gesprekstool.rounds.templatetags.rounds_extras import evidence_items, quoted_words, remarks
from tests.factories import ParticipantFactory

TEXT = 'Eerst <b>vet</b> & "zo"\r\nen\ndaarna'


def test_quoted_words_escape_as_the_template_loop_did(db):
    participant = ParticipantFactory(display_name="Jan <de> Vries", round__anonymised=False)
    loop = Template(
        "{% for p, text in answers %}<li><strong>{{ p.shown_name }}:</strong> <q>{{ text }}</q></li>{% endfor %}"
    )
    answers = [(participant, TEXT), (participant, "Kort")]

    assert quoted_words(answers) == loop.render(Context({"answers": answers}))


def test_remarks_keep_line_breaks_as_the_template_loop_did(db):
    participant = ParticipantFactory(display_name="Jan <de> Vries", round__anonymised=False)
    loop = Template(
        '{% for p, text in answers %}<li class="item"><strong>{{ p.shown_name }}:</strong> '
        "{{ text|linebreaksbr }}</li>{% endfor %}"
    )
    answers = [(participant, TEXT), (participant, "Kort")]

    assert remarks(answers, "item") == loop.render(Context({"answers": answers}))
    assert remarks(answers[1:]) == "<li><strong>Jan &lt;de&gt; Vries (Armoede):</strong> Kort</li>"


def test_evidence_items_say_what_each_observation_rests_on(round_):
    instrument = round_.instrument
    option = instrument.option("7a")
    evidence = [
        Evidence(participant="Jan <de> Vries", item="D", value=5),
        Evidence(participant="Piet", item="D", value=instrument.unknown.value),
        Evidence(participant="Piet", item="7a", value="x"),
        Evidence(participant="Piet", item="7a", value=""),
    ]

    with translation.override("nl"):
        items = evidence_items(evidence, instrument)

    assert items == (
        "<li>Jan &lt;de&gt; Vries – thema D: 5</li>"
        f"<li>Piet – thema D: {instrument.unknown.label}</li>"
        f"<li>Piet – vraag 7: “{escape(option.text)}”</li>"
        f"<li>Piet – vraag 7: “{escape(option.text)}” niet aangevinkt</li>"
    )
