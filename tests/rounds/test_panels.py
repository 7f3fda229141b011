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
