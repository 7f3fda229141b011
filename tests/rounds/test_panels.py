"""Panels that apps built on rounds add to the results page, without rounds importing them."""

import pytest
from django.urls import reverse

from gesprekstool.rounds import panels
from gesprekstool.rounds.analysis import analyse
from tests.factories import answer_step1


@pytest.fixture
def registry(monkeypatch):
    registered = {}
    monkeypatch.setattr(panels, "_panels", registered)
    return registered


def results_page(client, round_) -> str:
    return client.get(reverse("rounds:results", kwargs={"pk": round_.pk})).content.decode()


def test_panels_come_in_order_and_a_name_registered_again_replaces_it(registry):
    panels.register("second", template="b.html", context=dict, order=2)
    panels.register("first", template="old.html", context=dict, order=1)
    panels.register("first", template="a.html", context=dict, order=1)

    assert [(p.name, p.template) for p in panels.panels()] == [("first", "a.html"), ("second", "b.html")]


def test_results_panels_ask_each_panel_for_its_context(registry, round_):
    seen = []

    def context(*, round_, analysis):
        seen.append((round_, analysis.results.participants))
        return {"title": round_.title}

    panels.register("mine", template="mine.html", context=context)

    shown = panels.results_panels(round_=round_, analysis=analyse(round_))

    assert shown == [panels.ShownPanel(name="mine", template="mine.html", context={"title": round_.title})]
    assert seen == [(round_, [])]


def test_the_results_page_renders_a_registered_panel_with_its_context(
    registry, facilitator_client, round_, participant
):
    answer_step1(participant, score=4)
    panels.register(
        "suggestions", template="inspiration/suggestions.html", context=lambda **kwargs: {"suggestions": []}
    )

    html = results_page(facilitator_client, round_)

    assert html.count('id="suggestions-heading"') == 1
    assert "De antwoorden geven nog geen aanleiding voor gerichte suggesties." in html


def test_the_results_page_without_panels_has_none(registry, facilitator_client, round_, participant):
    answer_step1(participant, score=4)

    html = results_page(facilitator_client, round_)

    assert 'id="suggestions-heading"' not in html


@pytest.fixture
def theme_registry(monkeypatch):
    registered = {}
    monkeypatch.setattr(panels, "_theme_panels", registered)
    return registered


def test_theme_panels_are_grouped_by_theme_in_order_and_get_the_themes_asked(theme_registry, round_):
    seen = []

    def figures(*, round_, themes):
        seen.append(themes)
        return {"B": {"n": 1}, "D": {"n": 2}}

    panels.register_theme("second", template="b.html", context=figures, order=2)
    panels.register_theme("first", template="a.html", context=lambda **kwargs: {"B": {"n": 0}}, order=1)

    shown = panels.theme_panels(round_=round_, themes=["B"])

    assert shown == {
        "B": [
            panels.ShownPanel(name="first", template="a.html", context={"n": 0}),
            panels.ShownPanel(name="second", template="b.html", context={"n": 1}),
        ],
        "D": [panels.ShownPanel(name="second", template="b.html", context={"n": 2})],
    }
    assert seen == [["B"]]


def test_the_results_page_renders_a_theme_panel_inside_its_theme_only(
    theme_registry, facilitator_client, round_, participant
):
    answer_step1(participant, score=4)
    panels.register_theme(
        "figures",
        template="indicators/theme_figures.html",
        context=lambda **kwargs: {"C": {"figures": [], "figures_theme": "C"}},
    )

    html = results_page(facilitator_client, round_)

    theme_c = html[html.index('id="result-theme-C"') : html.index('id="result-theme-D"')]
    assert (html.count('class="gt-figures"'), theme_c.count('class="gt-figures"')) == (1, 1)


def test_without_theme_panels_the_results_page_has_none(
    theme_registry, facilitator_client, round_, participant
):
    answer_step1(participant, score=4)

    assert "gt-figures" not in results_page(facilitator_client, round_)


@pytest.fixture
def link_registry(monkeypatch):
    registered = {place: {} for place in panels.LINK_PLACES}
    monkeypatch.setattr(panels, "_links", registered)
    return registered


def test_links_come_in_order_and_none_is_left_out(link_registry, round_):
    panels.register_link(
        "late", place="round", link=lambda **page: panels.Link("late", "Laat", "/b/"), order=2
    )
    panels.register_link("never", place="round", link=lambda **page: None, order=0)
    panels.register_link(
        "early", place="round", link=lambda *, round_: panels.Link("early", round_.title, "/a/")
    )
    panels.register_link(
        "early", place="round", link=lambda *, round_: panels.Link("early", "Vroeg", "/a/"), order=1
    )

    assert [(link.name, link.label) for link in panels.links("round", round_=round_)] == [
        ("early", "Vroeg"),
        ("late", "Laat"),
    ]
    assert panels.links("present", round_=round_) == []


def test_a_link_for_an_unknown_place_is_refused(link_registry):
    with pytest.raises(ValueError):
        panels.register_link("x", place="elsewhere", link=lambda **page: None)


def test_the_round_menu_shows_registered_links(link_registry, facilitator_client, round_):
    panels.register_link(
        "mine", place="round", link=lambda *, round_: panels.Link("mine", "Mijn deel", "/mijn/")
    )

    response = facilitator_client.get(reverse("rounds:detail", kwargs={"pk": round_.pk}))

    assert '<a class="gt-round-nav__link" href="/mijn/">Mijn deel</a>' in response.content.decode()
