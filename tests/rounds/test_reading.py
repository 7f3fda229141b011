"""Links from the participant's pages to part 2 of the tool, which another app registers."""

import pytest

from gesprekstool.rounds import reading


@pytest.fixture
def unregistered():
    """No app serving part 2; the registration made at start-up comes back afterwards."""
    registered = reading._reading
    reading._reading = None
    yield
    reading._reading = registered


def test_links_point_to_what_the_inspiration_app_registered():
    assert reading.links(theme="C") == reading.Links(
        background="/inspiratie/achtergrond/", library="/inspiratie/", theme="/inspiratie/thema/C/"
    )


def test_links_without_a_theme_leave_the_theme_out():
    assert reading.links().theme == ""


@pytest.mark.usefixtures("unregistered")
def test_links_are_empty_when_no_app_serves_part_2():
    assert reading.links(theme="C") == reading.Links(background="", library="", theme="")
