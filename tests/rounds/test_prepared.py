"""The autosave's statements built once per process give what the ORM gives."""

import datetime

import pytest
from django.db import connection, transaction

from gesprekstool.rounds import prepared, services, versions
from gesprekstool.rounds.models import Choice, Comment, Participant, Score
from tests.factories import ChoiceFactory, CommentFactory, ScoreFactory

OPENED = datetime.datetime(2026, 11, 2, 9, 30, 15, 123456, tzinfo=datetime.UTC)


def fields_of(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_participant_by_token_is_what_the_orm_loads(participant, django_assert_num_queries):
    Participant.objects.filter(pk=participant.pk).update(first_opened_at=OPENED, language="en")
    participant.round.closed_at = OPENED
    participant.round.save()
    expected = Participant.objects.select_related("round__organisation").get(pk=participant.pk)

    with django_assert_num_queries(1):
        found = prepared.participant_by_token(participant.token)
        loaded = (fields_of(found), fields_of(found.round), fields_of(found.round.organisation))

    assert loaded == (fields_of(expected), fields_of(expected.round), fields_of(expected.round.organisation))
    assert (found.first_opened_at, found.round.is_closed, found.link_active) == (OPENED, True, True)
    assert (found._state.adding, found._state.db) == (False, "default")


def test_participant_by_token_refuses_unknown_and_group_links(participant, joint_round):
    group = joint_round.participants.get()

    found = [prepared.participant_by_token(t) for t in ("not-a-token", group.token, participant.token + "x")]

    assert found == [None, None, None]


def test_upsert_inserts_then_updates_only_the_named_fields(participant):
    first = prepared.upsert(
        Score, unique=("participant", "theme"), fields=("first",), participant=participant, theme="A", first=2
    )
    Score.objects.filter(pk=first.pk).update(revised=4)
    before = Score.objects.get(pk=first.pk).updated_at

    again = prepared.upsert(
        Score, unique=("participant", "theme"), fields=("first",), participant=participant, theme="A", first=3
    )

    stored = Score.objects.get(participant=participant, theme="A")
    assert (again.pk, stored.first, stored.revised) == (first.pk, 3, 4)
    assert stored.updated_at >= before
    assert Score.objects.count() == 1


def test_replace_choices_deletes_the_unticked_and_writes_the_ticked(participant, other_participant):
    ChoiceFactory(participant=participant, question="1", option="1a")
    ChoiceFactory(participant=participant, question="1", option="1b")
    ChoiceFactory(participant=participant, question="2", option="2a")
    ChoiceFactory(participant=other_participant, question="1", option="1a")

    with transaction.atomic():
        prepared.replace_choices(participant, question="1", choices={"1b": "Met woorden", "1c": ""})

    assert sorted(
        Choice.objects.filter(participant=participant).values_list("question", "option", "text")
    ) == [
        ("1", "1b", "Met woorden"),
        ("1", "1c", ""),
        ("2", "2a", ""),
    ]
    assert list(Choice.objects.filter(participant=other_participant).values_list("option", flat=True)) == [
        "1a"
    ]


def test_replace_choices_with_nothing_ticked_removes_the_question(participant):
    ChoiceFactory(participant=participant, question="1", option="1a")

    with transaction.atomic():
        prepared.replace_choices(participant, question="1", choices={})

    assert Choice.objects.filter(participant=participant).count() == 0


def test_stored_answers_for_the_version_check(participant):
    ScoreFactory(participant=participant, theme="A", first=2, revised=5)
    ChoiceFactory(participant=participant, question="1", option="1a", text="Zo")
    CommentFactory(participant=participant, theme="A", text="Opmerking")

    score = versions.stored_score(participant, "A")
    stored = (
        (score.first, score.revised),
        versions.stored_score(participant, "B"),
        versions.stored_choices(participant, "1"),
        versions.stored_choices(participant, "2"),
        versions.stored_comment(participant, "A"),
        versions.stored_comment(participant, "B"),
    )

    assert stored == ((2, 5), None, {"1a": "Zo"}, {}, "Opmerking", "")


def test_lock_needs_no_statement_on_sqlite_with_immediate_transactions(
    participant, django_assert_num_queries
):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL locks the participant's row")
    with transaction.atomic(), django_assert_num_queries(0):
        services.lock(participant)


@pytest.mark.parametrize("text", ["<b>&", 'a "quote"'])
def test_saved_comment_round_trips_any_text(participant, text):
    services.save_comment(participant, theme="A", text=text, expected_version=versions.of_text(""))

    assert Comment.objects.get(participant=participant, theme="A").text == text
