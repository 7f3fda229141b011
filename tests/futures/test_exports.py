"""The picture of the future in the PDF report, the Word memo, the kept exports and the round file."""

import io
import json
import re

import pytest
from django.utils import timezone

from gesprekstool.futures import cooperation
from gesprekstool.futures.exports import future_picture
from gesprekstool.futures.models import Contribution, CooperationMark
from gesprekstool.reports import roundfile
from gesprekstool.reports.content import report_content
from gesprekstool.reports.docx import render_docx
from gesprekstool.reports.pdf import render_report_html
from gesprekstool.reports.roundfile import RoundFileError, import_round_file, render_round_file
from gesprekstool.reports.stored import export_version
from gesprekstool.rounds import services
from gesprekstool.rounds.models import Round
from tests.factories import (
    ActionFactory,
    ContributionFactory,
    FuturePartFactory,
    GroupFactory,
    PromptFactory,
    VoteFactory,
)


@pytest.fixture
def people(round_):
    return [
        services.add_participant(round_, display_name=name, domain=domain, department=department)
        for name, domain, department in (
            ("Fatima", "armoede", "Werk en Inkomen"),
            ("Joost", "gezondheid", "GGD"),
            ("Dirk", "uitvoering", "Wijkteam"),
        )
    ]


@pytest.fixture
def picture(round_, people):
    """Two prompts: B with a heading, a hidden and a merged contribution, one that became an action;
    and the question for experiences. Three cooperation marks, one pair an action."""
    fatima, joost, dirk = people
    part = FuturePartFactory(round=round_)
    b = PromptFactory(part=part, theme="B", text="Over vier jaar weten we …", position=1)
    PromptFactory(part=part, theme="", text="Waar zag u dit al goed gaan?", is_experiences=True)
    heading = GroupFactory(prompt=b, heading="Samen meten")
    action = ActionFactory(round=round_, theme="B", description="Wijkcijfers delen", owner_name="GGD")

    def contribution(who, text, **fields):
        return ContributionFactory(prompt=b, participant=who, text=text, **fields)

    best = contribution(fatima, "Cijfers per wijk naast elkaar", group=heading, action=action)
    second = contribution(joost, "Eén monitor voor armoede en gezondheid")
    contribution(dirk, "Iets ongepasts", hidden_at=timezone.now())
    contribution(dirk, "Cijfers per wijk samen", merged_into=best)
    for who in people:
        VoteFactory(contribution=best, participant=who)
    VoteFactory(contribution=second, participant=fatima)
    for who in (fatima, joost):
        cooperation.add_mark(who, party_a="GGD", party_b="armoede")
    cooperation.add_mark(dirk, party_a="Wijkteam", party_b="gezondheid")
    cooperation.link_to_action(part, party_a="GGD", party_b="armoede", theme="E")
    return part


def test_future_picture_has_the_top_contributions_by_dots_never_hidden_or_merged(round_, picture):
    future = future_picture(round_)

    b, experiences = future.prompts
    assert (b.theme, b.text, experiences.theme, experiences.items) == (
        "B. Zicht op de lokale problematiek en kansen",
        "Over vier jaar weten we …",
        "",
        [],
    )
    assert [(i.text, i.dots, i.heading) for i in b.items] == [
        ("Cijfers per wijk naast elkaar", 3, "Samen meten"),
        ("Eén monitor voor armoede en gezondheid", 1, ""),
    ]
    assert [(li.label, li.count) for li in future.links] == [
        ("GGD – Armoede", 2),
        ("Wijkteam – Gezondheid", 1),
    ]


def test_a_round_without_a_picture_of_the_future_has_none_in_its_report(round_, people):
    assert future_picture(round_) is None
    assert 'id="future"' not in render_report_html(report_content(round_))


def test_pdf_report_has_the_chapter_without_hidden_contributions_or_names(round_, picture):
    html = render_report_html(report_content(round_))

    chapter = html[html.index('<section id="future"') : html.index('<section id="step3"')]
    assert '<a href="#future">Gezamenlijk toekomstbeeld</a>' in html
    assert "<strong>Samen meten:</strong> Cijfers per wijk naast elkaar" in chapter
    assert "(3 stippen)" in chapter
    assert '<th scope="row">GGD – Armoede</th><td class="num">2</td>' in chapter
    for absent in ("Iets ongepasts", "Cijfers per wijk samen", "Fatima", "Joost", "Dirk"):
        assert absent not in chapter


def test_word_memo_has_the_chapter(round_, picture):
    from docx import Document  # noqa: PLC0415

    document = Document(io.BytesIO(render_docx(round_)))

    texts = [p.text for p in document.paragraphs]
    start = texts.index("Gezamenlijk toekomstbeeld")
    assert texts[start + 2 : start + 6] == [
        "B. Zicht op de lokale problematiek en kansen",
        "Over vier jaar weten we …",
        "Samen meten: Cijfers per wijk naast elkaar (3 stippen)",
        "Eén monitor voor armoede en gezondheid (1 stip)",
    ]
    assert "Iets ongepasts" not in "\n".join(texts)
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert ["GGD – Armoede", "2"] in rows


def test_a_vote_a_hidden_contribution_or_a_mark_changes_the_export_version(round_, picture, people):
    versions = [export_version(round_)]
    VoteFactory(contribution=Contribution.objects.get(text__startswith="Eén"), participant=people[1])
    versions.append(export_version(round_))
    Contribution.objects.filter(text__startswith="Eén").update(
        hidden_at=timezone.now(), updated_at=timezone.now()
    )
    versions.append(export_version(round_))
    cooperation.add_mark(people[2], party_a="GGD", party_b="Wijkteam")
    versions.append(export_version(round_))

    assert len(set(versions)) == 4


# --- The round file ---------------------------------------------------------------------------------------


def test_round_file_carries_the_picture_of_the_future(round_, picture):
    data = json.loads(render_round_file(round_))

    future = data["future"]
    assert (future["enabled"], future["mode"], future["position"], future["anonymous"]) == (
        True,
        "individual",
        "before",
        True,
    )
    assert [(p["theme"], p["is_experiences"], p["headings"]) for p in future["prompts"]] == [
        ("B", False, ["Samen meten"]),
        ("", True, []),
    ]
    assert future["prompts"][0]["contributions"] == [
        {
            "participant": 1,
            "text": "Cijfers per wijk naast elkaar",
            "heading": "Samen meten",
            "hidden_at": None,
            "merged_into": None,
            "action": 0,
            "votes": [1, 2, 3],
        },
        {
            "participant": 2,
            "text": "Eén monitor voor armoede en gezondheid",
            "heading": None,
            "hidden_at": None,
            "merged_into": None,
            "action": None,
            "votes": [1],
        },
        {
            "participant": 3,
            "text": "Iets ongepasts",
            "heading": None,
            "hidden_at": future["prompts"][0]["contributions"][2]["hidden_at"],
            "merged_into": None,
            "action": None,
            "votes": [],
        },
        {
            "participant": 3,
            "text": "Cijfers per wijk samen",
            "heading": None,
            "hidden_at": None,
            "merged_into": 0,
            "action": None,
            "votes": [],
        },
    ]
    assert future["prompts"][0]["contributions"][2]["hidden_at"] is not None
    # Actions in the file's order: B "Wijkcijfers delen" (0), then E, the missing link (1).
    assert [a["theme"] for a in data["actions"]] == ["B", "E"]
    assert future["cooperation"] == [
        {"participant": 1, "party_a": "GGD", "party_b": "armoede", "others": "", "action": 1},
        {"participant": 2, "party_a": "GGD", "party_b": "armoede", "others": "", "action": 1},
        {"participant": 3, "party_a": "Wijkteam", "party_b": "gezondheid", "others": "", "action": None},
    ]


def test_round_file_of_a_round_without_a_picture_has_no_future_key(round_, people):
    assert "future" not in json.loads(render_round_file(round_))


def test_import_and_export_again_gives_the_same_bytes(round_, picture):
    exported = render_round_file(round_)

    imported = import_round_file(exported)

    assert render_round_file(imported) == exported
    assert Contribution.objects.filter(prompt__part__round=imported, action__isnull=False).count() == 1
    assert CooperationMark.objects.filter(part__round=imported, action__theme="E").count() == 2
    assert [li.count for li in cooperation.missing_links(imported.future_part)] == [2, 1]


def good_file(round_) -> dict:
    return json.loads(render_round_file(round_))


def future_cases():
    def set_(path, value):
        def change(data):
            target = data["future"]
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value

        return change

    contribution = ["prompts", 0, "contributions", 0]
    return [
        ("theme", set_(["prompts", 0, "theme"], "Q"), "future.prompts[0].theme"),
        ("participant", set_([*contribution, "participant"], 9), "geen deelnemer met nummer 9"),
        ("vote twice", set_([*contribution, "votes"], [1, 1]), "hoogstens één stip"),
        ("heading", set_([*contribution, "heading"], "Onbekend"), "geen kopje"),
        ("merged into itself", set_([*contribution, "merged_into"], 0), "samengevoegd"),
        ("action", set_([*contribution, "action"], 7), "geen actie nummer 7"),
        ("too long", set_([*contribution, "text"], "x" * 281), "future.prompts[0].contributions[0].text"),
        ("pair order", set_(["cooperation", 0, "party_a"], "zzz"), "volgorde van Unicode"),
        ("unknown key", set_(["extra"], True), "future"),
        ("moment", set_([*contribution, "hidden_at"], "0001-01-01T00:00:00+00:00"), "hidden_at"),
    ]


@pytest.mark.parametrize(("name", "change", "message"), future_cases(), ids=[c[0] for c in future_cases()])
def test_import_refuses_a_bad_future_and_changes_nothing(round_, picture, name, change, message):
    data = good_file(round_)
    change(data)
    before = (Round.objects.count(), Contribution.objects.count(), CooperationMark.objects.count())

    with pytest.raises(RoundFileError, match=re.escape(message)):
        roundfile.import_round_data(data)

    assert (Round.objects.count(), Contribution.objects.count(), CooperationMark.objects.count()) == before


def test_import_refuses_more_than_three_dots_per_participant_per_prompt(round_, picture, people):
    data = good_file(round_)
    contributions = data["future"]["prompts"][0]["contributions"]
    for c in contributions:
        c["votes"] = [1]

    with pytest.raises(RoundFileError, match="meer dan 3 stippen"):
        roundfile.import_round_data(data)
