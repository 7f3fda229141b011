"""The presenter's fingerprint changes with everything its live fragment shows, and only then."""

import pytest

from gesprekstool.rounds import removal, services
from gesprekstool.rounds.live import live_version
from gesprekstool.rounds.models import Round
from tests.factories import HiddenObservationFactory, OwnObservationFactory, answer_everything


@pytest.fixture
def answered(round_, participant, other_participant):
    answer_everything(participant)
    return participant


def fresh(round_: Round) -> Round:
    return Round.objects.get(pk=round_.pk)


CHANGES = {
    "new score": lambda p: services.save_score(
        p.round.participants.exclude(pk=p.pk).get(), theme="A", value=1
    ),
    "revised score": lambda p: services.save_revised_score(p, theme="B", value=1),
    "ticks of a question": lambda p: services.save_question(p, question="1", choices={"1b": ""}),
    "comment": lambda p: services.save_comment(p, theme="A", text="Nieuw"),
    "comment removed": lambda p: p.comments.all().delete(),
    "handed in": services.finish,
    "participant added": lambda p: services.add_participant(p.round, display_name="Nieuw", domain="armoede"),
    "participant deleted": lambda p: removal.delete_participant(p, by=None),
    "observation hidden": lambda p: HiddenObservationFactory(round=p.round, key="spread:A"),
    "own observation": lambda p: OwnObservationFactory(round=p.round, theme="A", text="Zelf"),
    "anonymised": lambda p: Round.objects.filter(pk=p.round_id).update(anonymised=False),
}


def test_live_version_stays_the_same_without_changes(round_, answered):
    assert live_version(fresh(round_)) == live_version(fresh(round_))


@pytest.mark.parametrize("change", list(CHANGES))
def test_live_version_changes_with_what_the_fragment_shows(round_, answered, change):
    before = live_version(fresh(round_))

    CHANGES[change](answered)

    assert live_version(fresh(round_)) != before


def test_live_version_changes_with_the_words_of_an_option_alone(round_, answered):
    """The words of "anders, namelijk" rewritten, the tick the same: the answers slide shows them."""
    services.save_question(answered, question="1", choices={"1f": "Via de wijkteams"})
    before = live_version(fresh(round_))

    services.save_question(answered, question="1", choices={"1f": "Via de bibliotheek"})

    assert live_version(fresh(round_)) != before


def test_live_version_is_one_query(round_, answered, django_assert_num_queries):
    round_ = fresh(round_)

    with django_assert_num_queries(1):
        live_version(round_)
