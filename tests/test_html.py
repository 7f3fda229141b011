"""Valid HTML and one palette. The browser tests check every page they visit with the W3C Nu HTML
Checker (tests/e2e/vnu.py); these tests catch two mistakes before a browser runs: htmx attributes
without the `data-` prefix, which HTML does not allow (htmx reads `data-hx-*` just as well), and
colours written by hand in the style sheet instead of taken from the NL Design System tokens."""

import re

from tests.servers import ROOT

BARE_HTMX_ATTRIBUTE = re.compile(r"(?<![\w-])hx-[a-z-]+=")


def bare_htmx_attributes() -> list[str]:
    found = []
    for path in sorted((ROOT / "gesprekstool").rglob("*")):
        if path.suffix not in {".html", ".py"} or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found += [
                f"{path.relative_to(ROOT)}:{number}: {m.group()}" for m in BARE_HTMX_ATTRIBUTE.finditer(line)
            ]
    return found


def test_htmx_attributes_carry_the_data_prefix():
    assert bare_htmx_attributes() == []


def test_the_check_finds_a_bare_attribute():
    assert BARE_HTMX_ATTRIBUTE.findall('<input hx-post="/x" data-hx-get="/y">') == ["hx-post="]


def test_the_style_sheet_takes_every_colour_from_the_design_tokens():
    css = (ROOT / "gesprekstool" / "static" / "gesprekstool" / "site.css").read_text(encoding="utf-8")

    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", css) == []
