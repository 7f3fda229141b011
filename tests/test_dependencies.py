"""Apps depend one way (docs/architecture.md): an app may use the apps in the layers below it, never
one above it, and an app in its own layer only where ALLOWED_SIBLINGS says so and why.

Checked from the source, without importing it: every Python import (also one inside a function, and
relative ones), every template `{% include %}` / `{% extends %}` of another app's template and every
`{% load %}` of another app's template tags. A `{% url %}` of another app's namespace is not an import
and is not checked.
"""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gesprekstool"

LAYERS = {
    # Imports no app: pure helpers without models.
    "lib": 0,
    # The bottom: the tool's definition; organisations, members and their access.
    "instrument": 1,
    "organisations": 1,
    # The privacy and accessibility statements.
    "statements": 1,
    # Two-step login (django-otp).
    "twofactor": 1,
    # Rounds, participants, answers and results.
    "rounds": 2,
    # Built on rounds.
    "agenda": 3,
    "inspiration": 3,
    "monitoring": 3,
    "reports": 3,
    # Local figures beside the themes; plugs into rounds' pages through rounds/panels.py.
    "indicators": 3,
    # Programmes across gemeenten: their figures read rounds and the actions of agenda.
    "programmes": 3,
    # The workshop's second part (picture of the future, cooperation); plugs into rounds' pages
    # through rounds/panels.py.
    "futures": 3,
    # The demo data may use every app; no app uses it.
    "demo": 4,
}

# Apps in the same layer do not import each other, except (importer, imported): reason.
ALLOWED_SIBLINGS = {
    ("monitoring", "agenda"): "progress over time shows the actions, round after round",
    ("reports", "agenda"): "the report, the data exports and the round file carry the action agenda",
    ("reports", "inspiration"): "the PDF report and the Word memo have a chapter of suggested inspiration",
    ("reports", "indicators"): "the PDF report shows the round's local figures beside their themes",
    ("programmes", "agenda"): "the programme page counts the actions per theme of the gemeenten's rounds",
    ("reports", "futures"): "the PDF report and the Word memo have a chapter with the picture of the future",
    ("futures", "agenda"): "a contribution or a missing link becomes an action of step 3, linked back to it",
}

# Project modules (gesprekstool/settings.py, urls.py, wsgi.py) wire the apps together and may import
# every app; the site-wide templates (gesprekstool/templates/) may be used by every app.
PROJECT = None

TEMPLATE_TAG = re.compile(r"{%\s*(include|extends|load)\s+(.+?)\s*%}")
QUOTED = re.compile(r"""^(["'])(.+?)\1""")


@dataclass(frozen=True)
class Use:
    path: Path  # the file that uses something
    line: int
    what: str  # the import or template as written
    app: str  # the app it belongs to


def app_of_file(package: Path, path: Path) -> str | None:
    """The app a file under `package` belongs to; PROJECT for the project modules and templates."""
    parts = path.relative_to(package).parts
    if len(parts) == 1 or parts[0] == "templates":
        return PROJECT
    return parts[0]


def module_name(package: Path, path: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute name of what a (possibly relative) `from ... import` reads from."""
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def python_uses(package: Path, path: Path) -> list[Use]:
    """Every other app a Python file imports, with the line of the import."""
    root = package.name
    module = module_name(package, path)
    uses = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = absolute(node, module, path.name == "__init__.py")
            # `from gesprekstool import rounds` imports the app rounds.
            names = [f"{source}.{alias.name}" for alias in node.names] if source == root else [source]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == root and len(parts) > 1:
                uses.append(Use(path=path, line=node.lineno, what=name, app=parts[1]))
    return uses


def template_owners(package: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Which app owns a template folder ("rounds/...") and a template tag library ("rounds_extras")."""
    folders, libraries = {}, {}
    for folder in package.glob("*/templates/*"):
        folders[folder.name] = folder.parent.parent.name
    for library in package.glob("*/templatetags/*.py"):
        if library.name != "__init__.py":
            libraries[library.stem] = library.parent.parent.name
    return folders, libraries


def template_uses(package: Path, path: Path) -> list[Use]:
    """Every other app's template a template includes or extends, and every app's tag library it loads."""
    folders, libraries = template_owners(package)
    uses = []
    text = path.read_text(encoding="utf-8")
    for match in TEMPLATE_TAG.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        tag, argument = match.groups()
        if tag == "load":
            names = argument.split()
            if "from" in names:  # {% load tag1 tag2 from library %}
                names = names[names.index("from") + 1 :]
            uses.extend(
                Use(path=path, line=line, what=f"{{% load {name} %}}", app=libraries[name])
                for name in names
                if name in libraries
            )
            continue
        quoted = QUOTED.match(argument)
        if quoted is None:  # a variable, e.g. {% include panel.template %}
            continue
        folder = quoted.group(2).split("/")[0]
        if folder in folders:
            uses.append(
                Use(path=path, line=line, what=f'{{% {tag} "{quoted.group(2)}" %}}', app=folders[folder])
            )
    return uses


def problem(package: Path, use: Use, layers: dict[str, int], allowed: dict) -> str | None:
    """Why `use` goes against the layers, or None when it is fine."""
    importer = app_of_file(package, use.path)
    if importer is PROJECT or importer == use.app:
        return None
    where = f"{use.path.relative_to(package.parent)}:{use.line} uses {use.what}"
    if use.app not in layers:
        return f"{where}: gesprekstool.{use.app} is not an app with a layer (only the project may use it)"
    if importer not in layers:
        return f"{where}: the app {importer} has no layer; add it to LAYERS in tests/test_dependencies.py"
    low, high = layers[use.app], layers[importer]
    if low > high:
        return f"{where}: {importer} (layer {high}) may not depend on {use.app}, a higher layer ({low})"
    if low == high and (importer, use.app) not in allowed:
        return (
            f"{where}: {importer} may not depend on {use.app}, an app in its own layer "
            f"(allowed only with a reason in ALLOWED_SIBLINGS)"
        )
    return None


def check(package: Path, layers: dict[str, int], allowed: dict) -> list[str]:
    """Every use of an app in `package` that goes against `layers` and `allowed`, as readable lines."""
    uses = []
    for path in sorted(package.rglob("*.py")):
        uses.extend(python_uses(package, path))
    for path in sorted(package.rglob("templates/**/*")):
        if path.is_file() and path.suffix in {".html", ".txt", ".svg", ".xml", ".ics"}:
            uses.extend(template_uses(package, path))
    found = (problem(package, use, layers, allowed) for use in uses)
    return [p for p in found if p is not None]


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """Cycles in a directed graph, each as the apps along it (empty when there is none)."""
    found, done = [], set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            found.append([*trail[trail.index(node) :], node])
            return
        if node in done:
            return
        for start, end in sorted(edges):
            if start == node:
                visit(end, [*trail, node])
        done.add(node)

    for node in sorted({start for start, _end in edges}):
        visit(node, [])
    return found


# --- The project ----------------------------------------------------------------------------------------


def test_apps_depend_one_way():
    assert check(PACKAGE, LAYERS, ALLOWED_SIBLINGS) == []


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")}

    assert apps == set(LAYERS)


def test_allowed_siblings_are_in_one_layer_and_form_no_cycle():
    assert [(a, b) for a, b in ALLOWED_SIBLINGS if LAYERS[a] != LAYERS[b]] == []
    assert cycles(set(ALLOWED_SIBLINGS)) == []


# --- The checker, on a made-up project ------------------------------------------------------------------

SMALL_LAYERS = {"base": 0, "middle": 1, "top": 2, "side": 2}


@pytest.fixture
def project(tmp_path):
    package = tmp_path / "gesprekstool"

    def write(name: str, text: str = "") -> None:
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    for app in SMALL_LAYERS:
        write(f"{app}/__init__.py")
    write("top/templatetags/top_tags.py")
    write("top/templates/top/panel.html")
    write("middle/templates/middle/page.html", "{% load i18n %}<h1>{% translate 'Page' %}</h1>\n")
    write("templates/base.html", "{% block content %}{% endblock %}")
    return package, write


def test_checker_accepts_imports_down_the_layers(project):
    package, write = project
    write("top/views.py", "from gesprekstool.middle.models import Round\nimport gesprekstool.base.helpers\n")
    write("middle/models.py", "from gesprekstool import base\nfrom ..base import text\nfrom . import x\n")
    write("settings.py", "import gesprekstool.top\n")
    write("top/templates/top/page.html", '{% extends "middle/page.html" %}{% include "base.html" %}')

    assert check(package, SMALL_LAYERS, {}) == []


def test_checker_names_file_line_and_import_going_up(project):
    package, write = project
    write(
        "middle/views.py", "import os\n\n\ndef view():\n    from gesprekstool.top.suggestions import find\n"
    )
    write("base/models.py", "from ..middle import models\nfrom gesprekstool import top\n")

    assert check(package, SMALL_LAYERS, {}) == [
        "gesprekstool/base/models.py:1 uses gesprekstool.middle: base (layer 0) may not depend on middle, "
        "a higher layer (1)",
        "gesprekstool/base/models.py:2 uses gesprekstool.top: base (layer 0) may not depend on top, "
        "a higher layer (2)",
        "gesprekstool/middle/views.py:5 uses gesprekstool.top.suggestions: middle (layer 1) may not depend on "
        "top, a higher layer (2)",
    ]


def test_checker_refuses_siblings_unless_allowed(project):
    package, write = project
    write("top/views.py", "from gesprekstool.side.models import Thing\n")
    write("side/views.py", "from gesprekstool.top import views\n")

    assert check(package, SMALL_LAYERS, {("top", "side"): "a reason"}) == [
        "gesprekstool/side/views.py:1 uses gesprekstool.top: side may not depend on top, an app in its own layer "
        "(allowed only with a reason in ALLOWED_SIBLINGS)",
    ]


def test_checker_reads_template_includes_and_tag_libraries(project):
    package, write = project
    write(
        "middle/templates/middle/results.html",
        "{% load i18n top_tags %}\n{% for p in panels %}{% include p.template %}{% endfor %}\n"
        '{% include "top/panel.html" with x=1 %}\n',
    )

    assert check(package, SMALL_LAYERS, {}) == [
        "gesprekstool/middle/templates/middle/results.html:1 uses {% load top_tags %}: middle (layer 1) may not "
        "depend on top, a higher layer (2)",
        'gesprekstool/middle/templates/middle/results.html:3 uses {% include "top/panel.html" %}: middle '
        "(layer 1) may not depend on top, a higher layer (2)",
    ]


def test_checker_refuses_apps_without_a_layer_and_project_modules(project):
    package, write = project
    write("extra/__init__.py")
    write("extra/views.py", "from gesprekstool.base import x\n")
    write("base/views.py", "from gesprekstool.urls import urlpatterns\n")

    assert check(package, SMALL_LAYERS, {}) == [
        "gesprekstool/base/views.py:1 uses gesprekstool.urls: gesprekstool.urls is not an app with a layer "
        "(only the project may use it)",
        "gesprekstool/extra/views.py:1 uses gesprekstool.base: the app extra has no layer; add it to LAYERS in "
        "tests/test_dependencies.py",
    ]


def test_cycles_are_found():
    assert cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c", "a"]]
    assert cycles({("a", "b"), ("a", "c"), ("b", "c")}) == []
