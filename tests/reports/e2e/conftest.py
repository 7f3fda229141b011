"""The browser fixtures of tests/e2e (Debian's Chromium, axe-core, the live server), shared here."""

from tests.e2e.conftest import (  # noqa: F401 - pytest finds fixtures by name in this module
    axe,
    browser_context_args,
    browser_type_launch_args,
    csp_violations,
    facilitator,
    live_server,
    screenshot_dir,
    vnu,
)
