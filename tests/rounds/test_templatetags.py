"""The rounds template filters that build long lists in Python: the same markup as the template loops they
replace (Django's autoescape and linebreaksbr)."""

from django.template import Context, Template

from gesprekstool.rounds.templatetags.rounds_extras import quoted_words, remarks
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
