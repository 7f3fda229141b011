"""A row of the access matrix, the URL arguments rows share, and the POST payloads they send."""

from collections.abc import Callable
from dataclasses import dataclass

from tests.access_matrix.outcomes import (
    Cell,
    Expect,
)
from tests.access_matrix.scenario import Scenario


def scores(**values: int) -> dict:
    return {f"score-{theme}-score": value for theme, value in values.items()}


def action_edit(s: Scenario) -> dict:
    return {
        "status": "bezig",
        "theme": "B",
        "description": "Cijfers per wijk, met de GGD",
        "owner": s.fatima,
        "owner_name": "",
        "owner_email": "",
        "department": "",
        "due_on": "",
        "version": 1,
        "note": "Gestart",
    }


def progress(action_attribute: str) -> Callable[[Scenario], dict]:
    def data(s: Scenario) -> dict:
        prefix = f"actie-{getattr(s, action_attribute)}"
        return {f"{prefix}-status": "bezig", f"{prefix}-note": "Loopt", f"{prefix}-version": 1}

    return data


def entry_form(s: Scenario) -> dict:
    return {
        "title": "Financieel spreekuur bij de huisarts",
        "organisation_name": "Gemeente Testdorp",
        "organisation": s.organisation_id,
        "kind": "example",
        "summary": "Elke dinsdag een schuldhulpmaatje in het gezondheidscentrum.",
        "lessons": "Begin klein.",
        "themes": ["D"],
        "source": "",
        "source_url": "",
        "visibility": "private",
    }


ALL_SCORES = scores(A=3, B=4, C=2, D=5, E=6, F=1)


@dataclass(frozen=True)
class Row:
    kwargs: dict[str, str]  # URL keyword argument -> Scenario attribute
    get: Expect
    post: Expect | None = None
    data: Callable[[Scenario], dict] | None = None  # the POST payload
    query: str = ""  # appended to the URL, e.g. "thema=B"
    other_queries: tuple[str, ...] = ()  # more queries of the URL, each tried with the same cells
    wrong: dict[str, Cell] | None = None  # a wrong-credential variant that gets another answer here


NONE: dict[str, str] = {}
ROUND = {"pk": "round"}
ACTION = {"pk": "round", "action_id": "action"}
LINK = {"key": "token"}
FRESH_LINK = {"key": "fresh_token"}
JOINT = {"key": "joint"}
FUTURE_CONTRIBUTION = {"pk": "round", "contribution_id": "future_contribution"}
JOINT_REVIEW = {"key": "joint_review"}
ORGANISATION = {"slug": "organisation"}
FIGURE_URL = {"slug": "organisation", "indicator_id": "indicator"}
FIGURE = {
    "name": "Ervaren gezondheid",
    "value": "71,5",
    "unit": "%",
    "year": "2022",
    "area": "Testdorp",
    "source": "GGD",
    "link": "",
}
