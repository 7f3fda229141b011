"""Panels that apps built on `rounds` add to a round's results page, so that `rounds` can show
them without importing those apps (dependencies point one way: see docs/architecture.md).

An app registers its panel in its AppConfig.ready():

    from gesprekstool.rounds import panels
    panels.register("inspiration", template="inspiration/suggestions.html", context=results_panel_context)

`context(*, round_, analysis) -> dict` gives the panel template's own variables. It runs in the
results view, before the page renders, so its queries count towards the page's. The template is
rendered where the page places its panels (below step 2), like an `{% include %}`: it sees the
page's variables plus its own.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .analysis import Analysis
from .models import Round

PanelContext = Callable[..., dict[str, Any]]


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    context: PanelContext
    order: int


@dataclass(frozen=True)
class ShownPanel:
    """A panel ready to render on one round's results page."""

    name: str
    template: str
    context: dict[str, Any]


_panels: dict[str, Panel] = {}


def register(name: str, *, template: str, context: PanelContext, order: int = 100) -> None:
    """Add a panel to the results page; registering a name again replaces it (module reloads in tests)."""
    _panels[name] = Panel(name=name, template=template, context=context, order=order)


def panels() -> list[Panel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.name))


def results_panels(*, round_: Round, analysis: Analysis) -> list[ShownPanel]:
    """Every registered panel in order, with its context for this round (each panel's own queries)."""
    return [
        ShownPanel(
            name=panel.name, template=panel.template, context=panel.context(round_=round_, analysis=analysis)
        )
        for panel in panels()
    ]


# --- Theme panels --------------------------------------------------------------------------------------
# Beside one theme rather than below the results: on the results page (each theme of step 2) and
# on the presenter's slide of that theme. An app registers one in its AppConfig.ready():
#
#     panels.register_theme("indicators", template="indicators/theme_figures.html", context=by_theme)
#
# `context(*, round_, themes) -> dict[theme code, dict]` gives, per theme that has something to show,
# the template's own variables (`themes`: the codes the page shows, None for all). It runs once per
# page, so one query serves every theme. Pages render them with `{% render_theme_panels %}`.

ThemePanelContext = Callable[..., dict[str, dict[str, Any]]]


@dataclass(frozen=True)
class ThemePanel:
    name: str
    template: str
    context: ThemePanelContext
    order: int


_theme_panels: dict[str, ThemePanel] = {}


def register_theme(name: str, *, template: str, context: ThemePanelContext, order: int = 100) -> None:
    """Add a panel beside each theme; registering a name again replaces it (module reloads in tests)."""
    _theme_panels[name] = ThemePanel(name=name, template=template, context=context, order=order)


def theme_panels(*, round_: Round, themes: list[str] | None = None) -> dict[str, list[ShownPanel]]:
    """Theme code -> the registered panels with something to show beside that theme, in order."""
    shown: dict[str, list[ShownPanel]] = {}
    for panel in sorted(_theme_panels.values(), key=lambda p: (p.order, p.name)):
        for code, context in panel.context(round_=round_, themes=themes).items():
            shown.setdefault(code, []).append(
                ShownPanel(name=panel.name, template=panel.template, context=context)
            )
    return shown


# --- Links ---------------------------------------------------------------------------------------------
# A link to an app's own pages, shown by `rounds` in one of its places without importing the app:
# "round" (the round's menu), "present" (the presenter's bar) and "participant" (a participant's pages,
# e.g. to the picture of the future). An app registers one in its AppConfig.ready():
#
#     panels.register_link("futures", place="round", link=round_link)
#
# `link(**page) -> Link | None` gets the page's objects by keyword (round_ everywhere; participant and
# key on a participant's pages) and answers None when there is nothing to link to. It runs for every
# page of that place, so it should need no query, or one where the page can afford it.

LINK_PLACES = ("round", "present", "participant")


@dataclass(frozen=True)
class Link:
    name: str  # the registered name; a page marks the link as current when it is its `current`
    label: str
    url: str
    description: str = ""


RoundLink = Callable[..., Link | None]

_links: dict[str, dict[str, tuple[int, RoundLink]]] = {place: {} for place in LINK_PLACES}


def register_link(name: str, *, place: str, link: RoundLink, order: int = 100) -> None:
    """Add a link to a place; registering a name again replaces it (module reloads in tests)."""
    if place not in LINK_PLACES:
        raise ValueError(f"unknown place for a link: {place!r}")
    _links[place][name] = (order, link)


def links(place: str, **page: Any) -> list[Link]:
    """The links registered for `place` that have something to show on this page, in order."""
    found = []
    for _name, (_order, link) in sorted(_links[place].items(), key=lambda item: (item[1][0], item[0])):
        shown = link(**page)
        if shown is not None:
            found.append(shown)
    return found
