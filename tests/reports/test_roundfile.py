"""The JSON round file: export, import, and refusal of every kind of bad file."""

import copy
import io
import json
from pathlib import Path

import pytest
from django.conf import settings

from gesprekstool.agenda.models import Action, Agreement
from gesprekstool.organisations.models import Organisation
from gesprekstool.reports import roundfile
from gesprekstool.reports.roundfile import (
    RoundFileError,
    import_round_file,
    read_round_file,
    render_round_file,
)
from gesprekstool.rounds.models import Choice, Comment, Participant, Round, Score

from .conftest import NAMES, private_words

DOCS = Path(settings.BASE_DIR) / "docs"


def everything() -> tuple:
    """Row counts of every table an import writes, to show that a refused file changed nothing."""
    return tuple(
        m.objects.count()
        for m in (Organisation, Round, Participant, Score, Choice, Comment, Action, Agreement)
    )


def test_round_file_of_an_anonymised_round_has_no_names_and_no_volatile_fields(full_round):
    data = render_round_file(full_round)
    parsed = json.loads(data)

    text = data.decode("utf-8")
    for word in private_words():
        assert word not in text
    assert [set(p) & {"name", "department", "email"} for p in parsed["participants"]] == [set(), set()]
    for volatile in ('"id"', '"token"', "exported", '"pk"', "created_at", "updated_at"):
        assert volatile not in text
    assert parsed["format"] == "gesprekstool-round" and parsed["format_version"] == 1
    assert parsed["participants"][0]["scores"][1] == {"theme": "B", "first": 2, "revised": 3}
    assert parsed["participants"][0]["answers"][1] == {
        "question": "1",
        "option": "1f",
        "text": "Armoede komt vaak samen met schulden en stress",
    }
    assert parsed["actions"][0]["owner"] == 1
    assert data == render_round_file(full_round)


def test_round_file_of_a_named_round_has_names(named_round):
    parsed = json.loads(render_round_file(named_round))

    assert [p["name"] for p in parsed["participants"]] == NAMES
    assert parsed["participants"][0]["email"] == "w.brandsma@gemeente.example"


def test_import_into_an_empty_database_gives_the_same_file(full_round):
    data = render_round_file(full_round)
    old_tokens = set(full_round.participants.values_list("token", flat=True))
    Organisation.objects.all().delete()

    imported = import_round_file(data)

    assert render_round_file(imported) == data
    assert imported.organisation.slug == "testdorp"
    new_tokens = set(imported.participants.values_list("token", flat=True))
    assert len(new_tokens) == 2 and not new_tokens & old_tokens
    assert list(imported.participants.values_list("display_name", flat=True)) == [
        "Deelnemer 1 (Armoede)",
        "Deelnemer 2 (Gezondheid)",
    ]


def test_import_of_a_named_round_keeps_names_and_goes_to_the_chosen_organisation(
    named_round, other_organisation
):
    imported = import_round_file(render_round_file(named_round), organisation=other_organisation)

    assert imported.organisation == other_organisation
    assert list(imported.participants.values_list("display_name", "email")) == [
        (NAMES[0], "w.brandsma@gemeente.example"),
        (NAMES[1], "q.oosterbeek@ggd.example"),
    ]
    assert imported.actions.get(theme="B").owner.display_name == NAMES[0]


def test_import_of_a_joint_round(joint_round):
    data = render_round_file(joint_round)

    imported = import_round_file(data)

    assert imported.is_joint
    assert imported.participants.get().is_group


def test_schema_in_docs_is_the_one_the_importer_uses():
    assert (DOCS / "round-file.schema.json").read_text() == roundfile.SCHEMA_PATH.read_text()
    schema = json.loads(roundfile.SCHEMA_PATH.read_text())
    assert schema["$defs"]["text"]["maxLength"] == settings.MAX_ANSWER_TEXT


# --- Refusals ------------------------------------------------------------------------------------------


@pytest.fixture
def good(full_round) -> dict:
    return json.loads(render_round_file(full_round))


def changed(data: dict, change) -> bytes:
    """The file of `data` after `change` (which edits a copy in place, or returns a whole new content)."""
    data = copy.deepcopy(data)
    replaced = change(data)
    return json.dumps(data if replaced is None else replaced).encode()


def set_path(path: str, value):
    def change(data):
        *parents, last = path.split(".")
        target = data
        for key in parents:
            target = target[int(key)] if key.isdigit() else target[key]
        target[int(last) if last.isdigit() else last] = value

    return change


BAD = {
    "not an object": (lambda d: [1, 2, 3], "geen rondebestand"),
    "wrong format": (set_path("format", "iets-anders"), "geen rondebestand"),
    "wrong version": (set_path("format_version", 2), "formaatversie 2"),
    "version as text": (set_path("format_version", "1"), 'formaatversie "1"'),
    "unknown instrument": (set_path("instrument_version", "1999.1"), "instrumentversie “1999.1”"),
    "unknown key": (set_path("round.token", "abc"), "round"),
    "token for a participant": (set_path("participants.0.token", "x" * 43), "participants[0]"),
    "score as text": (set_path("participants.0.scores.0.first", "4"), "participants[0].scores[0].first"),
    "score as boolean": (set_path("participants.0.scores.0.first", True), "participants[0].scores[0].first"),
    "score out of range": (set_path("participants.0.scores.0.first", 7), "7 is geen score"),
    "score zero": (set_path("participants.0.scores.0.revised", 0), "0 is geen score"),
    "unknown theme": (set_path("participants.0.scores.0.theme", "Q"), "geen thema “Q”"),
    "theme twice": (set_path("participants.0.scores.1.theme", "A"), "thema A heeft twee scores"),
    "unknown question": (set_path("participants.0.answers.0.question", "99"), "geen vraag 99"),
    "option of another question": (
        set_path("participants.0.answers.0.option", "2a"),
        "geen antwoordmogelijkheid van vraag 1",
    ),
    "unknown option": (set_path("participants.0.answers.0.option", "1z"), "“1z”"),
    "exclusive combined": (
        lambda d: d["participants"][0]["answers"].insert(0, {"question": "1", "option": "1e", "text": ""}),
        "1e kan niet samen",
    ),
    "needs text, has none": (set_path("participants.0.answers.1.text", "  "), "hoort een tekst"),
    "text where none is taken": (set_path("participants.0.answers.0.text", "extra"), "hoort geen tekst"),
    "text too long": (set_path("participants.0.step1_note", "x" * 5001), "step1_note"),
    "huge string": (set_path("round.title", "y" * 1_000_000), "round.title"),
    "nul character": (set_path("participants.0.step1_note", "a\x00b"), "NUL"),
    "unknown domain": (set_path("participants.0.domain", "sport"), "domain"),
    "duplicate number": (set_path("participants.1.number", 1), "twee keer"),
    "unknown owner": (set_path("actions.0.owner", 9), "geen deelnemer met nummer 9"),
    "impossible date": (set_path("round.held_on", "2026-02-30"), "geen bestaande datum"),
    "moment without offset": (set_path("participants.0.finished_at", "2026-11-20T10:00:00"), "finished_at"),
    "bad e-mail": (set_path("participants.0.email", "niet-een-adres"), "geen e-mailadres"),
    "group in an individual round": (set_path("participants.0.is_group", True), "gedeeld formulier"),
    "participants not a list": (set_path("participants", {"0": {}}), "participants"),
    "too many participants": (set_path("participants", [{}] * 501), "participants"),
    "deeply nested": (set_path("participants.0.step1_note", json.loads("[" * 200 + "]" * 200)), "step1_note"),
    "agreement of the wrong kind": (set_path("agreement.follow_up", "later"), "agreement.follow_up"),
    # Dates at the edges of the calendar overflow as soon as a time zone or a calendar adds to them.
    "first day of the calendar": (
        set_path("round.held_on", "0001-01-01"),
        "round.held_on: 0001-01-01 valt buiten de jaren 1900 tot en met 2999",
    ),
    "last day of the calendar": (
        set_path("actions.0.due_on", "9999-12-31"),
        "actions[0].due_on: 9999-12-31 valt buiten de jaren",
    ),
    "moment that leaves the calendar in UTC": (
        set_path("participants.0.finished_at", "9999-12-31T23:30:00-05:00"),
        "participants[0].finished_at: 9999-12-31T23:30:00-05:00 valt buiten",
    ),
    "moment before the calendar in UTC": (
        set_path("round.closed_at", "0001-01-01T00:30:00+01:00"),
        "round.closed_at: 0001-01-01T00:30:00+01:00 valt buiten",
    ),
    "next meeting in year 9999": (
        set_path("agreement.next_meeting_on", "9999-12-31"),
        "agreement.next_meeting_on",
    ),
    "slug with a trailing newline": (
        set_path("organisation.slug", "testdorp\n"),
        "organisation.slug: heeft niet de juiste vorm",
    ),
    "instrument version with a trailing newline": (
        set_path("instrument_version", "2018.1\n"),
        "instrument_version: heeft niet de juiste vorm",
    ),
    "escape code in the title": (
        set_path("round.title", "Ronde \x1b]0;gehackt\x07\x1b[2J"),
        "round.title bevat een stuurteken",
    ),
    "C1 control in a comment": (
        set_path("participants.0.comments.0.text", "a\x9bb"),
        "participants[0].comments[0].text bevat een stuurteken",
    ),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_import_refuses_a_bad_file_and_changes_nothing(good, case):
    change, message = BAD[case]
    data = changed(good, change)
    before = everything()

    with pytest.raises(RoundFileError) as refused:
        import_round_file(data)

    assert message in str(refused.value)
    assert everything() == before


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "geen geldige JSON"),
        (b'{"format": "gesprekstool-round", "format_version": 1, "partic', "geen geldige JSON"),
        (b"\xff\xfe{}", "geen UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "te diep genest"),
        (b'{"format": "gesprekstool-round", "format": "x"}', "twee keer"),
        (b'{"format": "gesprekstool-round", "format_version": NaN}', "NaN"),
        (b'{"format": "gesprekstool-round", "format_version": ' + b"9" * 5000 + b"}", "geen geldige JSON"),
        (b'{"format": "gesprekstool-round", "format_version": 1, "x": "\\ud800"}', "schema"),
    ],
    ids=[
        "empty",
        "truncated",
        "not utf-8",
        "deeply nested",
        "duplicate key",
        "NaN",
        "huge number",
        "lone surrogate",
    ],
)
def test_read_refuses_corrupt_files(raw, message):
    with pytest.raises(RoundFileError) as refused:
        read_round_file(raw)

    assert message in str(refused.value)


def test_lone_surrogate_in_a_text_is_refused(good):
    text = changed(good, set_path("participants.0.step1_note", "PLACEHOLDER")).replace(
        b"PLACEHOLDER", b"\\udc80"
    )

    with pytest.raises(RoundFileError, match="ongeldig teken"):
        read_round_file(text)


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.asked = 0

    def read(self, size=-1):
        self.asked = size
        return super().read(size)


def test_a_file_over_the_limit_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(roundfile.common, "MAX_BYTES", 1000)
    stream = CountingStream(b"{" + b" " * 5000 + b"}")

    with pytest.raises(RoundFileError, match="groter dan"):
        read_round_file(stream)

    assert stream.asked == 1001


def test_a_round_holding_control_characters_from_before_exports_without_them_and_imports(full_round):
    Round.objects.filter(pk=full_round.pk).update(title="Ronde\x1b[2J 2026")
    full_round.participants.filter(position=1).update(step1_note="Eerste\x0b regel\nTweede\x07")

    data = json.loads(render_round_file(Round.objects.get(pk=full_round.pk)))
    imported = import_round_file(render_round_file(Round.objects.get(pk=full_round.pk)))

    assert data["round"]["title"] == "Ronde[2J 2026"
    assert data["participants"][0]["step1_note"] == "Eerste regel\nTweede"
    assert imported.title == "Ronde[2J 2026"
