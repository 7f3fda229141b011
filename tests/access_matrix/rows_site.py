"""Rows of everything outside a round: the site's own pages (logging in and out, passwords, statements,
joining a round by its code), the team, the account and two-step login, and what else belongs to an
organisation: local figures, privacy, programmes and the inspiration library."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.access_matrix.outcomes import (
    FACILITATOR_ONLY,
    FACILITATOR_WRITE,
    FAILED_LOGIN,
    LOGGED_IN,
    LOGGED_OUT,
    LOGIN,
    MEMBERS_READ,
    POST_ONLY,
    PUBLIC,
    RESET_REQUEST,
    SESSION,
    STAFF_ONLY,
    Outcome,
    by_token,
    cells,
    counted,
    everyone,
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
from tests.access_matrix.scenario import PASSWORD

SITE: dict[str, Row] = {
    # Site
    "home": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 302)),
    "login": Row(
        NONE,
        cells(200, 200, 302, 302, 302, 302),
        # A wrong password is recorded by django-axes (throttling); the logged-in are sent on first.
        cells(counted(200, FAILED_LOGIN), counted(200, FAILED_LOGIN), *[unchanged(302)] * 4),
        data=lambda s: {"username": "gespreksleider", "password": "fout-wachtwoord"},
    ),
    # The code step without a password step before it: back to the login page, for everyone.
    # (The code step itself is tested in tests/twofactor.)
    "login_code": Row(NONE, everyone(LOGIN), everyone(LOGIN), data=lambda s: {"code": "123456"}),
    # The admin's login: to the site's login, to the app setup for an unverified session; verified
    # staff go on to the admin.
    "admin_login": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 302)),
    "password_reset": Row(
        NONE,
        PUBLIC,
        # The same answer whether the address has an account or not: a mail is sent, and the request
        # is counted for the throttle (organisations/password_reset.py).
        everyone(counted(302, RESET_REQUEST)),
        data=lambda s: {"email": "collega@testdorp.example"},
    ),
    "password_reset_done": Row(NONE, PUBLIC),
    # The link from the mail is its own key; it moves the token into the session and redirects.
    "password_reset_confirm": Row(
        {"uidb64": "reset_uid", "token": "reset_token"},
        by_token(counted(302, SESSION)),
        by_token(counted(302, SESSION)),
        data=lambda s: {"new_password1": "Nog-een-wachtwoord-7", "new_password2": "Nog-een-wachtwoord-7"},
    ),
    "password_reset_complete": Row(NONE, PUBLIC),
    "password_change": Row(
        NONE,
        LOGGED_IN,
        # Only the facilitator knows the old password the payload gives.
        cells(LOGIN, LOGIN, unchanged(422), 302, unchanged(422), 302),
        data=lambda s: {
            "old_password": PASSWORD,
            "new_password1": "Nog-een-wachtwoord-7",
            "new_password2": "Nog-een-wachtwoord-7",
        },
    ),
    "password_change_done": Row(NONE, LOGGED_IN),
    "statements:privacy": Row(NONE, PUBLIC),
    "statements:accessibility": Row(NONE, PUBLIC),
}


ACCOUNT: dict[str, Row] = {
    # Team and account
    # The team of the current organisation: the outsider sees B's; staff belong to none.
    "organisations:team": Row(NONE, cells(LOGIN, LOGIN, 200, 200, 200, 404)),
    "organisations:invite": Row(
        {"organisation_id": "organisation_id"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"email": "nog-een@testdorp.example", "role": "meelezer"},
    ),
    "organisations:invitation_resend": Row({"invitation_id": "invitation"}, POST_ONLY, FACILITATOR_WRITE),
    "organisations:invitation_withdraw": Row({"invitation_id": "invitation"}, POST_ONLY, FACILITATOR_WRITE),
    "organisations:member_role": Row(
        {"member_id": "colleague"}, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"role": "gespreksleider"}
    ),
    "organisations:member_remove": Row({"member_id": "colleague"}, POST_ONLY, FACILITATOR_WRITE),
    # The invitation link is its own key: without an account one makes one; logged in with another
    # address than the invited one, one is refused (403) and nothing is accepted.
    "organisations:invitation": Row(
        {"token": "invitation_token"},
        cells(200, 200, 403, 403, 403, 403),
        cells(302, 302, 403, 403, 403, 403),
        data=lambda s: {
            "first_name": "Nieuwe",
            "last_name": "Collega",
            "password1": "Nog-een-wachtwoord-7",
            "password2": "Nog-een-wachtwoord-7",
        },
    ),
    # Choosing organisation A as the current one: remembered in the session for its members; refused
    # (a form error) for whoever is not a member of A.
    "organisations:switch": Row(
        NONE,
        POST_ONLY,
        cells(LOGIN, LOGIN, counted(302, SESSION), counted(302, SESSION), unchanged(422), unchanged(422)),
        data=lambda s: {"organisation": s.organisation_id, "next": "/team/"},
    ),
    "organisations:account": Row(NONE, LOGGED_IN),
    # The host's pages: staff only; to anyone else they do not exist (404).
    "organisations:staff_list": Row(NONE, STAFF_ONLY),
    "organisations:staff_create": Row(
        NONE,
        STAFF_ONLY,
        cells(LOGIN, LOGIN, 404, 404, 404, 302),
        data=lambda s: {
            "name": "Gemeente Nieuwdorp",
            "slug": "nieuwdorp",
            "email": "start@nieuwdorp.example",
        },
    ),
    "organisations:staff_invite": Row(
        ORGANISATION,
        STAFF_ONLY,
        cells(LOGIN, LOGIN, 404, 404, 404, 302),
        data=lambda s: {"email": "tweede@testdorp.example"},
    ),
    # Two-step login: every logged-in user for their own account.
    "two_factor:overview": Row(NONE, LOGGED_IN),
    "two_factor:setup": Row(
        NONE,
        # Showing the page makes a new secret to scan (a write, not checked for GET).
        LOGGED_IN,
        # The facilitator has a secret waiting and the code of it; for the others the POST starts a
        # new secret (written) and the code is wrong.
        cells(
            LOGIN, LOGIN, Outcome(422, writes=True), 200, Outcome(422, writes=True), Outcome(422, writes=True)
        ),
        data=lambda s: {"code": s.setup_code()},
    ),
    # New recovery codes for whoever has two-step login on (only staff here); the others are sent back.
    "two_factor:recovery_codes": Row(
        NONE,
        POST_ONLY,
        cells(LOGIN, LOGIN, unchanged(302), unchanged(302), unchanged(302), 200),
    ),
    "two_factor:disable": Row(
        NONE,
        LOGGED_IN,
        # Staff (two-step login on) turn it off; the facilitator knows the password and so drops the
        # secret waiting to be confirmed; the others do not know the password.
        cells(LOGIN, LOGIN, unchanged(422), 302, unchanged(422), 302),
        data=lambda s: {"password": PASSWORD},
    ),
}


SIGN_OUT_AND_JOINING: dict[str, Row] = {
    "logout": Row(NONE, everyone(405), cells(LOGIN, LOGIN, *[LOGGED_OUT] * 4)),
    "health": Row(NONE, PUBLIC),
    # The language switch: a cookie for everyone; a member's choice is also kept on their memberships.
    "set_language": Row(
        NONE,
        everyone(405),
        cells(unchanged(302), unchanged(302), 302, 302, 302, unchanged(302)),
        data=lambda s: {"language": "en", "next": "/"},
    ),
    "join_start": Row(NONE, PUBLIC),
    "join_round": Row(
        {"code": "join_code"},
        by_token(200),
        by_token(302),
        data=lambda s: {
            "display_name": "Via de code",
            "domain": "armoede",
            "join_key": "via-de-code-0123456789",
        },
    ),
}


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
