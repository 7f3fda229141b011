"""Rows of what belongs to an organisation beyond its rounds: local figures, privacy, programmes and
the inspiration library."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access_matrix.outcomes import (
    FACILITATOR_ONLY,
    FACILITATOR_WRITE,
    LOGGED_IN,
    LOGIN,
    MEMBERS_READ,
    POST_ONLY,
    PUBLIC,
    cells,
    unchanged,
)
from tests.access_matrix.rows import (
    FIGURE,
    FIGURE_URL,
    NONE,
    ORGANISATION,
    ROUND,
    Row,
    entry_form,
)

FIGURES: dict[str, Row] = {
    # Local figures: members see them; facilitators import, add, change, delete and choose them.
    "indicators:list": Row(ORGANISATION, MEMBERS_READ),
    "indicators:import": Row(
        ORGANISATION,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {
            "file": SimpleUploadedFile(
                "cijfers.csv", b"indicator;waarde;jaar;gebied;bron\nSchulden;6,4;2022;Testdorp;CBS\n"
            )
        },
    ),
    "indicators:create": Row(ORGANISATION, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: FIGURE),
    "indicators:edit": Row(FIGURE_URL, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: FIGURE),
    "indicators:delete": Row(FIGURE_URL, POST_ONLY, FACILITATOR_WRITE),
    "indicators:round": Row(
        ROUND,
        MEMBERS_READ,
        FACILITATOR_WRITE,
        data=lambda s: {f"shown-{s.indicator}": "on", f"themes-{s.indicator}": ["B", "D"]},
    ),
}


PRIVACY: dict[str, Row] = {
    # Privacy of the organisation: for its facilitators only.
    "organisation_privacy:log": Row(ORGANISATION, FACILITATOR_ONLY),
    "organisation_privacy:retention": Row(
        ORGANISATION,
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"participant_data_days": "60", "round_delete_days": "400", "owner_email_days": "90"},
    ),
}


PROGRAMMES: dict[str, Row] = {
    # Programmes across gemeenten. The facilitator advises the programme; nobody else sees it (404).
    "programmes:list": Row(NONE, LOGGED_IN),
    "programmes:detail": Row({"slug": "programme"}, cells(LOGIN, LOGIN, 404, 200, 404, 404)),
    "programmes:invite": Row(
        {"slug": "programme"},
        POST_ONLY,
        cells(LOGIN, LOGIN, 404, 200, 404, 404),
        data=lambda s: {"kind": "gemeente", "label": "Gemeente Nieuwdorp"},
    ),
    # Fewer than 5 gemeenten share: the file says so and no gemeente's log gets a line.
    "programmes:export": Row(
        {"slug": "programme", "fmt": "programme_fmt"}, cells(LOGIN, LOGIN, 404, unchanged(200), 404, 404)
    ),
    # The link is checked before the login; with a good link one logs in first. Everyone logged in may
    # read the invitation; only a facilitator of the organisation sent may accept for it.
    "programmes:invitation": Row(
        {"token": "programme_invitation_token"},
        cells(LOGIN, LOGIN, 200, 200, 200, 200),
        cells(LOGIN, LOGIN, 403, 302, 404, 404),
        data=lambda s: {"organisation": s.organisation_id, "sharing": "anoniem"},
    ),
    "programmes:organisation": Row(ORGANISATION, MEMBERS_READ),
    "programmes:member_sharing": Row(
        {"member_id": "programme_member"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"sharing": "met-naam"},
    ),
    "programmes:member_leave": Row({"member_id": "programme_member"}, POST_ONLY, FACILITATOR_WRITE),
}


INSPIRATION: dict[str, Row] = {
    # Inspiration library
    # Part 2 of the tool (the background and the published library) is open without an account (issue 12).
    "inspiration:index": Row(NONE, PUBLIC),
    "inspiration:search": Row(NONE, PUBLIC, query="q=schuld"),
    "inspiration:theme": Row({"code": "theme_code"}, PUBLIC),
    "inspiration:background": Row(NONE, PUBLIC),
    "inspiration:create": Row(
        NONE,
        cells(LOGIN, LOGIN, 403, 200, 200, 200),
        # For organisation A: a form error for whoever is not its facilitator.
        cells(LOGIN, LOGIN, 403, 302, unchanged(422), unchanged(422)),
        data=entry_form,
    ),
    # A private entry of A: its members read it, anyone else (without an account too) gets 404.
    "inspiration:entry": Row({"slug": "entry"}, cells(404, 404, 200, 200, 404, 404)),
    "inspiration:edit": Row({"slug": "entry"}, FACILITATOR_ONLY, FACILITATOR_WRITE, data=entry_form),
}
