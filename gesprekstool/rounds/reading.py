"""Part 2 of the tool ("Over de gesprekstool" and the practice library), as the participant's pages
link to it. Another app serves it (inspiration); `rounds` links to it without importing that app
(dependencies point one way: see docs/architecture.md), as it shows panels (panels.py).

The app that serves part 2 registers its addresses in its AppConfig.ready():

    from gesprekstool.rounds import reading
    reading.register(background=..., library=..., theme=...)

Each is a function returning a path; `theme` takes a theme's code. Without a registration the
participant's pages simply show no links. The addresses never carry the participant's token: part 2
is open to everyone, and a token in them could end up in logs or in the browser's history of
another page.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    background: Callable[[], str]
    library: Callable[[], str]
    theme: Callable[[str], str]


@dataclass(frozen=True)
class Links:
    """Where the participant's pages point: empty strings when no app serves part 2."""

    background: str = ""
    library: str = ""
    theme: str = ""


_reading: Reading | None = None


def register(
    *, background: Callable[[], str], library: Callable[[], str], theme: Callable[[str], str]
) -> None:
    """Name the addresses of part 2; registering again replaces them (module reloads in tests)."""
    global _reading  # noqa: PLW0603 - one registration per process, made once the apps are loaded
    _reading = Reading(background=background, library=library, theme=theme)


def links(*, theme: str = "") -> Links:
    """The links for a participant's page; `theme` (a theme's code) adds that theme's page."""
    if _reading is None:
        return Links()
    return Links(
        background=_reading.background(),
        library=_reading.library(),
        theme=_reading.theme(theme) if theme else "",
    )
