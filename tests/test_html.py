"""Valid HTML and one palette. The browser tests check every page they visit with the W3C Nu HTML
Checker (tests/e2e/vnu.py); these tests catch two mistakes before a browser runs: htmx attributes
without the `data-` prefix, which HTML does not allow (htmx reads `data-hx-*` just as well), and
colours written by hand in the style sheet instead of taken from the NL Design System tokens."""

import re

from tests.servers import ROOT

BARE_HTMX_ATTRIBUTE = re.compile(r"(?<![\w-])hx-[a-z-]+=")


def matches(paths, pattern: re.Pattern) -> list[str]:
    """Every match of `pattern` in the files, as "path:line: match"."""
    return [
        f"{path.relative_to(ROOT)}:{number}: {m.group()}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for m in pattern.finditer(line)
    ]


def bare_htmx_attributes() -> list[str]:
    paths = sorted((ROOT / "gesprekstool").rglob("*"))
    return matches([p for p in paths if p.suffix in {".html", ".py"} and p.is_file()], BARE_HTMX_ATTRIBUTE)


def test_htmx_attributes_carry_the_data_prefix():
    assert bare_htmx_attributes() == []


def test_the_check_finds_a_bare_attribute():
    assert BARE_HTMX_ATTRIBUTE.findall('<input hx-post="/x" data-hx-get="/y">') == ["hx-post="]


HAND_WRITTEN_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(")


def hand_written_colours() -> list[str]:
    """Colours in the apps' style sheets for the browser that do not come from the palette (the `--gt-color-*`
    names in site.css, themselves NL Design System tokens). The PDF style sheets are not served as static
    files and have no tokens: they are not checked."""
    return matches(sorted((ROOT / "gesprekstool").glob("**/static/**/*.css")), HAND_WRITTEN_COLOUR)


def test_the_style_sheets_take_every_colour_from_the_design_tokens():
    assert hand_written_colours() == []


def test_the_colour_check_reads_site_css_and_finds_a_hex_colour():
    site_css = ROOT / "gesprekstool" / "static" / "gesprekstool" / "site.css"

    assert "--gt-color-brand" in site_css.read_text(encoding="utf-8")
    assert HAND_WRITTEN_COLOUR.findall(
        ".x { color: #b00020; background: rgb(0 0 0); fill: hsl(0 0% 0%); }"
    ) == [
        "#b00020",
        "rgb(",
        "hsl(",
    ]
