"""The benchmark's check of acknowledged answers (bench/tasks.py): it finds an answer that the
server confirmed but the database does not hold, and only then."""

import json
from argparse import Namespace

import pytest

from bench.tasks import verify
from tests.factories import ParticipantFactory, answer_everything

pytestmark = pytest.mark.django_db


def write_acks(path, acks: list[tuple]) -> str:
    path.write_text(
        "".join(json.dumps({"p": p, "kind": k, "key": key, "value": v}) + "\n" for p, k, key, v in acks)
    )
    return str(path)


def test_verify_finds_every_acknowledged_answer_stored(tmp_path):
    p = answer_everything(ParticipantFactory(), score=4, finish=True)
    acks = [
        (p.token, "score", "A", 2),  # superseded by the next one: only the last counts
        (p.token, "score", "A", 4),
        (p.token, "note", "", f"Opvallend {p.position}"),
        (p.token, "question", "1", {"1a": ""}),
        (p.token, "comment", "B", f"Opmerking B van {p.position}"),
        (p.token, "finished", "", True),
    ]

    result = verify(Namespace(acks=[write_acks(tmp_path / "acks.jsonl", acks)]))

    assert result == {"acknowledged": 6, "answers": 5, "lost": 0, "examples": []}


def test_verify_counts_an_acknowledged_answer_the_database_lacks_as_lost(tmp_path):
    p = answer_everything(ParticipantFactory(), score=4)
    acks = [
        (p.token, "score", "A", 5),
        (p.token, "question", "1", {"1b": ""}),
        (p.token, "comment", "C", "Nooit opgeslagen"),
        (p.token, "revised", "A", 3),
        (p.token, "finished", "", True),
    ]

    result = verify(Namespace(acks=[write_acks(tmp_path / "acks.jsonl", acks)]))

    assert (result["acknowledged"], result["lost"]) == (5, 5)
    assert result["examples"][0] == {"kind": "score", "key": "A", "acknowledged": 5, "stored": 4}
