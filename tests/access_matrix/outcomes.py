"""The cells of the access matrix: the roles, what a cell expects, and the shorthands rows use."""

from dataclasses import dataclass

ROLES = ("anonymous", "participant", "reader", "facilitator", "outsider", "staff")


# --- Outcomes and shorthands -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What a cell expects: the status, whether a redirect goes to the login page, and whether the
    request must change the database (True), must not (False), or may (None)."""

    status: int
    to_login: bool = False
    writes: bool | None = None
    # With `writes`: exactly these tables must change (a write by design that is not the request's
    # purpose, e.g. django-axes recording a failed login, or a wrong join code being counted).
    only: tuple[str, ...] = ()


REFUSED = frozenset({403, 404, 405, 409, 410})
LOGIN = Outcome(302, to_login=True, writes=False)


def unchanged(status: int) -> Outcome:
    """Answered with `status`, but nothing saved: a form error, or a redirect away with a message."""
    return Outcome(status, writes=False)


def counted(status: int, *tables: str) -> Outcome:
    """Refused or answered, and recorded by design in exactly `tables` (a failed login for django-axes,
    a wrong join code for the join throttle, a session for a redirect that remembers something,
    a password reset request for its throttle)."""
    return Outcome(status, writes=True, only=tables)


FAILED_LOGIN = "axes_accessattempt"
FAILED_JOIN = "rounds_failedjoinattempt"
SESSION = "django_session"
RESET_REQUEST = "organisations_passwordresetrequest"


Cell = int | Outcome
Expect = dict[str, Cell]


def cells(anonymous: Cell, participant: Cell, reader: Cell, facilitator: Cell, outsider: Cell, staff: Cell):
    return dict(zip(ROLES, (anonymous, participant, reader, facilitator, outsider, staff), strict=True))


def everyone(cell: Cell) -> Expect:
    return cells(*[cell] * len(ROLES))


def facilitator_only(ok: Cell) -> Expect:
    """Only the organisation's facilitator; a reader is refused (403), another organisation 404."""
    return cells(LOGIN, LOGIN, 403, ok, 404, 404)


def by_token(ok: Cell) -> Expect:
    """The link is the key: everyone holding it gets the same answer."""
    return everyone(ok)


PUBLIC = everyone(200)
LOGGED_IN = cells(LOGIN, LOGIN, 200, 200, 200, 200)
# Members of the organisation (readers too) may look; another organisation gets 404.
MEMBERS_READ = cells(LOGIN, LOGIN, 200, 200, 404, 404)
FACILITATOR_ONLY = facilitator_only(200)
FACILITATOR_WRITE = facilitator_only(302)
# Logging out ends the session (a write) and lands on the login page.
LOGGED_OUT = Outcome(302, to_login=True, writes=True)
STAFF_ONLY = cells(LOGIN, LOGIN, 404, 404, 404, 200)
# GET on a view that only takes POST, behind login_required.
POST_ONLY = cells(LOGIN, LOGIN, 405, 405, 405, 405)


def outcome(cell: Cell, method: str) -> Outcome:
    """A cell as an Outcome. A refusal must change nothing; an allowed POST must change something."""
    if isinstance(cell, Outcome):
        return cell
    if cell in REFUSED:
        return Outcome(cell, writes=False)
    return Outcome(cell, writes=True if method == "post" else None)
