"""The answer forms: step 1's scale and step 2's tick boxes, checked against the instrument's rules."""

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gesprekstool.instrument import Question, load_instrument
from gesprekstool.lib.text import clean_text
from gesprekstool.rounds import services
from gesprekstool.rounds.forms import QuestionForm, ScoreForm

INSTRUMENT = load_instrument()

# Texts a participant might type: anything but NUL (refused on its own, see test_views_fill_input) and
# lone surrogates (not encodable), including blanks and whitespace only.
typed_text = st.one_of(
    st.just(""),
    st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=5),
    st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40),
)


@st.composite
def question_answers(draw) -> tuple[Question, list[str], dict[str, str]]:
    """A question, a random set of ticked options in random order, and random words for every text field."""
    question = draw(st.sampled_from(INSTRUMENT.questions))
    codes = [o.code for o in question.options]
    ticked = draw(st.lists(st.sampled_from(codes), unique=True, max_size=len(codes)))
    texts = {o.code: draw(typed_text) for o in question.options if o.needs_text}
    return question, ticked, texts


def form_for(question: Question, ticked: list[str], texts: dict[str, str]) -> QuestionForm:
    data: dict = {f"q{question.code}-options": ticked}
    data.update({f"q{question.code}-text_{code}": text for code, text in texts.items()})
    return QuestionForm(data, question=question)


def follows_the_rules(question: Question, ticked: list[str], texts: dict[str, str]) -> bool:
    exclusive_combined = len(ticked) > 1 and any(question.option(c).exclusive for c in ticked)
    # 4a beside another answer is asked ("klopt dat?"); these forms never send the confirmation.
    unconfirmed = len(ticked) > 1 and any(question.option(c).ask_when_combined for c in ticked)
    # Control characters are stripped before the check (gesprekstool.lib.text).
    words_missing = any(question.option(c).needs_text and not clean_text(texts[c]).strip() for c in ticked)
    return not exclusive_combined and not unconfirmed and not words_missing


@given(question_answers())
@settings(max_examples=400, deadline=None)
def test_question_form_valid_iff_the_instrument_rules_hold(answers):
    question, ticked, texts = answers

    form = form_for(question, ticked, texts)

    event("valid" if form.is_valid() else "invalid")
    assert form.is_valid() == follows_the_rules(question, ticked, texts)


@given(question_answers())
@settings(max_examples=300, deadline=None)
def test_question_form_choices_hold_the_ticked_options_with_their_words(answers):
    question, ticked, texts = answers
    form = form_for(question, ticked, texts)

    if form.is_valid():
        assert form.choices() == {
            code: clean_text(texts[code]).strip() if question.option(code).needs_text else ""
            for code in ticked
        }


# One participant for all examples on purpose: save_question must replace the question's answers
# whatever was stored before, and leave the answers to other questions alone.
@given(answers=question_answers())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_question_form_choices_round_trip_through_save_question(participant, answers):
    question, ticked, texts = answers
    other = INSTRUMENT.question("14") if question.code != "14" else INSTRUMENT.question("1")
    other_choices = {other.options[1].code: ""}
    services.save_question(participant, question=other.code, choices=other_choices)
    form = form_for(question, ticked, texts)
    event("saved" if form.is_valid() else "refused")
    if not form.is_valid():
        return

    services.save_question(participant, question=question.code, choices=form.choices())

    stored = {c.option: c.text for c in participant.choices.filter(question=question.code)}
    assert stored == form.choices()
    assert {c.option: c.text for c in participant.choices.filter(question=other.code)} == other_choices


# --- Specific cases, each one of the rules ---------------------------------------------------------------


def test_question_form_exclusive_option_alone_is_valid():
    assert form_for(INSTRUMENT.question("1"), ["1e"], {"1f": ""}).is_valid()


def test_question_form_exclusive_option_with_another_names_the_option():
    form = form_for(INSTRUMENT.question("1"), ["1a", "1e"], {"1f": ""})

    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "exclusive"
    assert "Wij zien geen reden." in form.non_field_errors()[0]


def test_question_form_exclusive_option_that_needs_text():
    question = INSTRUMENT.question("13")

    assert form_for(question, ["13d"], {"13d": "Omdat"}).is_valid()
    assert not form_for(question, ["13d"], {"13d": " "}).is_valid()
    assert not form_for(question, ["13d", "13a"], {"13d": "Omdat"}).is_valid()


def test_question_form_text_is_stripped():
    form = form_for(INSTRUMENT.question("1"), ["1f"], {"1f": "  Eigen reden \n"})

    assert form.is_valid()
    assert form.choices() == {"1f": "Eigen reden"}


def test_question_form_nothing_ticked_is_valid():
    form = form_for(INSTRUMENT.question("3"), [], {"3h": ""})

    assert form.is_valid()
    assert form.choices() == {}


def test_question_form_too_long_text_has_one_error_only():
    form = form_for(INSTRUMENT.question("1"), ["1f"], {"1f": "x" * 5001})

    assert not form.is_valid()
    assert [e.code for e in form.errors.as_data()["text_1f"]] == ["max_length"]


def test_question_form_offers_every_option_of_the_instrument():
    question = INSTRUMENT.question("14")

    rows = list(QuestionForm(question=question).option_rows())

    assert [option.code for option, _box, _text in rows] == [o.code for o in question.options]
    assert [text is not None for _option, _box, text in rows] == [o.needs_text for o in question.options]


@pytest.mark.parametrize("value", ["1", "2", "3", "4", "5", "6"])
def test_score_form_accepts_the_scale_and_weet_niet(value):
    form = ScoreForm({"score-A-score": value}, instrument=INSTRUMENT, theme=INSTRUMENT.theme("A"))

    assert form.is_valid()
    assert form.cleaned_data["score"] == int(value)


@pytest.mark.parametrize(
    ("value", "code"), [("0", "invalid_choice"), ("7", "invalid_choice"), ("", "required")]
)
def test_score_form_refuses_other_values(value, code):
    form = ScoreForm({"score-A-score": value}, instrument=INSTRUMENT, theme=INSTRUMENT.theme("A"))

    assert not form.is_valid()
    assert form.errors.as_data()["score"][0].code == code
