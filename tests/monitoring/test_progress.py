"""Progress over time: scores per theme round after round, step-2 changes, actions; rounds of
different instrument versions compared only on what they share."""

import dataclasses
import datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gesprekstool.agenda import services as agenda_services
from gesprekstool.instrument import active_instrument, load_instrument
from gesprekstool.monitoring.charts import LABEL_GAP, line_chart
from gesprekstool.monitoring.progress import organisation_progress
from gesprekstool.rounds import services
from gesprekstool.rounds.charts import STYLES
from gesprekstool.rounds.models import Round
from tests.factories import ActionFactory, MembershipFactory, answered

FIRST = datetime.date(2026, 11, 1)
SECOND = datetime.date(2027, 11, 1)


def make_round(organisation, held_on, *, title=None, mode="individual", version=None) -> Round:
    round_ = services.create_round(
        organisation=organisation, title=title or f"Ronde {held_on.year}", held_on=held_on, mode=mode
    )
    if version:
        round_.instrument_version = version
        round_.save(update_fields=["instrument_version"])
        round_ = Round.objects.get(pk=round_.pk)
    return round_


def person(round_, name, domain, scores: dict, **answers):
    return answered(round_, name, domain=domain, scores=scores, **answers)


def series_of(progress, code) -> dict[str, list]:
    theme = next(t for t in progress.themes if t.theme.code == code)
    return {s.label: s.values for s in theme.series}


def test_scores_per_theme_round_after_round_for_the_group_and_per_domain(organisation):
    first = make_round(organisation, FIRST)
    person(first, "Fatima", "armoede", {"A": 2, "B": 6})
    person(first, "Joost", "gezondheid", {"A": 4, "B": 3}, revised={"A": 5})
    second = make_round(organisation, SECOND)
    person(second, "Fatima", "armoede", {"A": 4, "B": 4})
    person(second, "Marieke", "armoede", {"A": 5})

    progress = organisation_progress(organisation)

    assert progress.rounds == [first, second]
    assert progress.labels == ["nov 2026", "nov 2027"]
    assert series_of(progress, "A") == {"Groep": [3.5, 4.5], "Armoede": [2.0, 4.5], "Gezondheid": [5.0, None]}
    # "weet niet" (6) is left out of the average and counted apart.
    b = next(t for t in progress.themes if t.theme.code == "B")
    group = b.series[0]
    assert (group.values, group.counts, group.unknown) == ([3.0, 4.0], [1, 1], [1, 0])
    assert series_of(progress, "F") == {"Groep": [None, None]}
    assert (
        b.summary
        == "Groep: 3,0 (nov 2026), 4,0 (nov 2027); Armoede: 4,0 (nov 2027); Gezondheid: 3,0 (nov 2026)"
    )


def test_a_domain_keeps_its_marker_on_every_theme_and_as_on_the_results_chart(organisation):
    # Theme A has both domains, theme B only Gezondheid: Gezondheid must not take Armoede's place.
    first = make_round(organisation, FIRST)
    person(first, "Fatima", "armoede", {"A": 2})
    person(first, "Joost", "gezondheid", {"A": 4, "B": 3})

    progress = organisation_progress(organisation)

    def styles(code):
        theme = next(t for t in progress.themes if t.theme.code == code)
        return {s.label: (s.shape, s.colour) for s in theme.chart.series}

    health = STYLES["gezondheid"]
    assert styles("A") == {
        "Groep": ("cross", "#000000"),
        "Armoede": STYLES["armoede"],
        "Gezondheid": health,
    }
    assert styles("B") == {"Groep": ("cross", "#000000"), "Gezondheid": health}


def test_a_joint_round_counts_its_shared_form_as_the_group(organisation):
    joint = make_round(organisation, FIRST, mode="joint")
    group = joint.participants.get()
    services.save_score(group, theme="A", value=3)

    progress = organisation_progress(organisation)

    assert series_of(progress, "A") == {"Groep": [3.0]}


def test_options_that_appeared_or_disappeared(organisation):
    first = make_round(organisation, FIRST)
    person(first, "Fatima", "armoede", {}, choices={"1": ["1a", "1b"], "2": ["2a"]})
    make_round(organisation, datetime.date(2027, 5, 1), title="Zonder antwoorden")
    second = make_round(organisation, SECOND)
    person(second, "Fatima", "armoede", {}, choices={"1": ["1b", "1c"], "2": ["2a"]})
    person(second, "Joost", "gezondheid", {}, choices={"1": ["1c"]})

    progress = organisation_progress(organisation)

    [transition] = progress.transitions
    assert (transition.before, transition.after) == (first, second)
    assert [(c.option.code, c.before, c.after) for c in transition.appeared] == [("1c", 0, 2)]
    assert [(c.option.code, c.before, c.after) for c in transition.disappeared] == [("1a", 1, 0)]
    assert [r.title for r in progress.without_answers] == ["Zonder antwoorden"]


def test_actions_per_round(organisation):
    first = make_round(organisation, FIRST)
    for status in ("open", "bezig", "gedaan", "vervallen"):
        ActionFactory(round=first, theme="A", description=status, owner_name="X", status=status)
    second = agenda_services.repeat_round(
        first, title="Herhaling", held_on=SECOND, participants=[], actions=list(first.actions.live())
    )
    carried = second.actions.get(description="bezig")
    agenda_services.update_action(carried, expected_version=1, changes={"status": "gedaan"}, author_name="X")
    ActionFactory(round=second, theme="B", description="nieuw", owner_name="Y")

    rows = {row.round.title: row for row in organisation_progress(organisation).actions}

    counts = {
        title: (r.total, r.carried_in, r.done, r.dropped, r.still_open, r.carried_on)
        for title, r in rows.items()
    }
    assert counts == {"Ronde 2026": (4, 0, 1, 1, 0, 2), "Herhaling": (3, 2, 1, 0, 2, 0)}


# --- Different instrument versions ------------------------------------------------------------------------------


@pytest.fixture
def second_version(monkeypatch):
    """A version 2030.1 that exists only in this test: theme C has a new statement and option 1a a new text."""
    base = load_instrument("2018.1")
    themes = list(base.themes)
    themes[2] = dataclasses.replace(themes[2], statement="Een nieuwe stelling over de rol van de gemeente.")
    question = themes[0].questions[0]
    options = (
        dataclasses.replace(question.options[0], text="Een herschreven antwoord."),
        *question.options[1:],
    )
    themes[0] = dataclasses.replace(
        themes[0], questions=(dataclasses.replace(question, options=options), *themes[0].questions[1:])
    )
    changed = dataclasses.replace(base, version="2030.1", themes=tuple(themes))
    real = active_instrument

    def fake(version=None):
        return changed if version == "2030.1" else real(version)

    monkeypatch.setattr("gesprekstool.rounds.models.active_instrument", fake)
    return changed


def test_rounds_of_different_versions_are_compared_on_shared_items_only(
    organisation, second_version, facilitator_client
):
    first = make_round(organisation, FIRST)
    person(first, "Fatima", "armoede", {"A": 2, "C": 2}, choices={"1": ["1a"], "2": ["2a"]})
    second = make_round(organisation, SECOND, version="2030.1")
    person(second, "Fatima", "armoede", {"A": 4, "C": 5}, choices={"1": ["1b"], "2": ["2b"]})

    progress = organisation_progress(organisation)

    assert progress.versions == ["2018.1", "2030.1"] and progress.mixed_versions
    assert [t.theme.code for t in progress.themes] == ["A", "B", "D", "E", "F"]
    assert progress.left_out_themes == ["C. Gecombineerd beleid"]
    assert progress.left_out_options == ["1a. Een herschreven antwoord."]
    [transition] = progress.transitions
    # 1a changed its text, so its disappearance is not reported; 1b's appearance and the 2a/2b swap are.
    assert [c.option.code for c in transition.appeared] == ["1b", "2b"]
    assert [c.option.code for c in transition.disappeared] == ["2a"]

    page = facilitator_client.get(
        reverse("monitoring:progress", kwargs={"slug": organisation.slug})
    ).content.decode()
    assert "Deze rondes zijn gemaakt met verschillende versies van de tool (2018.1, 2030.1)." in page
    assert "alleen vergeleken op de stellingen en antwoorden die in alle versies hetzelfde zijn" in page
    assert "C. Gecombineerd beleid" in page


def test_rounds_of_one_version_say_nothing_about_versions(organisation, facilitator_client):
    make_round(organisation, FIRST)

    progress = organisation_progress(organisation)
    page = facilitator_client.get(
        reverse("monitoring:progress", kwargs={"slug": organisation.slug})
    ).content.decode()

    assert not progress.mixed_versions and progress.left_out_themes == progress.left_out_options == []
    assert "verschillende versies" not in page


# --- The page -----------------------------------------------------------------------------------------------------


def progress_url(organisation) -> str:
    return reverse("monitoring:progress", kwargs={"slug": organisation.slug})


def test_progress_page_shows_chart_table_and_the_reminder(facilitator_client, organisation):
    first = make_round(organisation, FIRST)
    person(first, "Fatima", "armoede", {"A": 2})
    second = make_round(organisation, SECOND)
    person(second, "Joost", "gezondheid", {"A": 4})

    response = facilitator_client.get(progress_url(organisation))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "De scores zijn een hulpmiddel voor het gesprek, geen meting." in page
    assert page.count('<svg class="gt-trend__svg" role="img"') == 6
    assert 'aria-labelledby="thema-A-title thema-A-desc"' in page
    assert "Groep: 2,0 (nov 2026), 4,0 (nov 2027)" in page
    assert 'tabindex="0" role="region" aria-labelledby="thema-A-caption"' in page
    assert (
        '<caption class="utrecht-table__caption" id="thema-A-caption">Scores voor thema A als tabel</caption>'
        in page
    )
    assert ">2,0</strong>" in page and ">4,0</strong>" in page


def test_progress_page_without_rounds(facilitator_client, organisation):
    response = facilitator_client.get(progress_url(organisation))

    assert "Er zijn nog geen rondes." in response.content.decode()


def test_progress_refusals(client, reader_client, outsider_client, organisation):
    assert reader_client.get(progress_url(organisation)).status_code == HTTPStatus.OK
    assert outsider_client.get(progress_url(organisation)).status_code == HTTPStatus.NOT_FOUND
    assert client.get(progress_url(organisation)).url.startswith(reverse("login"))
    assert client.get(reverse("monitoring:home")).url.startswith(reverse("login"))


def test_progress_home_goes_to_the_current_organisation(
    facilitator_client, facilitator, organisation, other_organisation
):
    assert facilitator_client.get(reverse("monitoring:home")).url == progress_url(organisation)

    MembershipFactory(user=facilitator, organisation=other_organisation)
    facilitator_client.post(reverse("organisations:switch"), {"organisation": organisation.pk})
    assert facilitator_client.get(reverse("monitoring:home")).url == progress_url(organisation)


def add_rounds(organisation, count: int, start: int) -> None:
    for number in range(start, start + count):
        r = make_round(organisation, FIRST + datetime.timedelta(days=30 * number))
        person(
            r,
            "Fatima",
            "armoede",
            {"A": 1 + number % 5, "B": 6},
            choices={"1": ["1a" if number % 2 else "1b"]},
        )
        person(r, "Joost", "gezondheid", {"A": 3})
        ActionFactory(round=r, theme="A", description=f"Actie {number}", owner_name="X", status="gedaan")


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(captured)


def test_progress_queries_do_not_grow_with_rounds(facilitator_client, organisation):
    add_rounds(organisation, 2, 0)
    two = query_count(facilitator_client, progress_url(organisation))

    add_rounds(organisation, 8, 2)
    ten = query_count(facilitator_client, progress_url(organisation))

    assert Round.objects.count() == 10
    assert (two, ten) == (7, 7)


# --- The chart --------------------------------------------------------------------------------------------------


def test_chart_gives_every_series_its_own_marker_and_labels_every_value():
    chart = line_chart(
        chart_id="c", x_labels=["a", "b"], series=[("Groep", [3.0, 4.0]), ("Armoede", [3.0, None])]
    )

    assert [s.shape for s in chart.series] == ["circle", "square"]
    assert len({s.dash for s in chart.series}) == 2
    assert [[p.text for p in s.points] for s in chart.series] == [["3,0", "4,0"], ["3,0"]]
    assert chart.series[1].path == ""  # one value: a dot, no line
    assert chart.series[0].path.startswith("M")


def test_chart_labels_in_one_column_do_not_overlap():
    chart = line_chart(chart_id="c", x_labels=["a"], series=[(str(n), [3.0]) for n in range(7)])

    heights = sorted(p.label_y for s in chart.series for p in s.points)
    assert all(b - a >= LABEL_GAP for a, b in zip(heights, heights[1:], strict=False))
    assert len({s.shape for s in chart.series}) == 7
    assert max(heights) <= chart.plot_bottom + 4


def test_chart_breaks_the_line_where_a_value_is_missing():
    chart = line_chart(chart_id="c", x_labels=["a", "b", "c", "d"], series=[("Groep", [2.0, 3.0, None, 4.0])])

    assert chart.series[0].path.count("M") == 1
    assert len(chart.series[0].points) == 3
