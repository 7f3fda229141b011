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
