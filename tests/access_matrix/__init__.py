"""The access matrix: who may open or change what, for every URL of the app (issue 9).

`MATRIX` has one row per URL name ("namespace:name"), gathered below from the rows_*.py modules (one per
part of the app). tests/test_access_matrix.py walks the URL resolver and fails when a URL has no row
here, or a row names a URL that no longer exists; then it requests every row as every role in `ROLES`,
with GET and (where the row has `post`) POST, and checks the status of each cell. Every refused cell
also checks that the database did not change, and every allowed POST that it did (so the payload is one
the view would really have saved). No page without a token in its URL may show anyone but the
facilitator a link to write with (`WRITE_CREDENTIALS` in credentials.py): a reader who could copy a
participant's link could answer in their name.

How to add a row for a new URL
------------------------------
1. Does the URL need an object that the scenario does not have yet (an invitation, a statement...)?
   Make it in `build_scenario()` (build.py) and keep its id, slug or token in a new `Scenario` attribute
   (scenario.py).
2. Add a line to the rows_*.py module of its part of the app, under the name of the URL:

       "organisations:invite": Row({"organisation_id": "organisation_id"}, get=POST_ONLY,
                                   post=FACILITATOR_WRITE,
                                   data=lambda s: {"email": "nog-een@testdorp.example", "role": "meelezer"}),

   - The first argument maps each URL keyword argument to the `Scenario` attribute that fills it.
   - `get` and `post` give the expected outcome per role; most rows use a shorthand (`PUBLIC`,
     `LOGGED_IN`, `MEMBERS_READ`, `FACILITATOR_ONLY`, `FACILITATOR_WRITE`, `POST_ONLY`, `by_token()`).
     Otherwise write `cells(anonymous, participant, reader, facilitator, outsider, staff)`.
     A cell is a status (`200`, `302`, `403`...), `LOGIN` (redirected to the login page),
     `unchanged(status)` (answered with that status while saving nothing, e.g. a form error) or
     `counted(status, *tables)` (a write by design in exactly those tables that is not what the
     request asked for: django-axes recording a failed login, a wrong join code counted by the join
     throttle, a session remembering something).
     A plain 302 must not lead to the login page; 403, 404, 405, 409 and 410 must change nothing;
     any other status of a POST must change something.
   - `post=None` (the default) means the URL is not tried with POST: use it for pages that only read.
   - `query` is appended to the URL (`thema=B`); a URL whose query selects another part of the page
     (`deel=antwoorden`) lists those in `other_queries`, each tried with the same cells.
   - `data` is the POST payload: what a valid form would send, so that the facilitator's cell shows
     the write really happens and the other cells show it was refused, not just malformed.
3. A URL with a token, code or link in it (a "credential" attribute, see `WRONG_CREDENTIALS`) is also
   requested with wrong credentials (random, revoked, of another kind); say in `WRONG_CREDENTIALS`
   (credentials.py)
   what a new kind of credential should answer when wrong.
4. A URL that names an object inside a round or link (`action_id`, `participant_id`...) is also
   requested with organisation B's object of that kind (see `FOREIGN`): 404, nothing changed. Add
   the attribute of a new kind of object there, with a foreign one in the scenario.

The scenario is built once per test module, inside a transaction rolled back at its end; every test
runs in a savepoint of its own, so a cell's writes never reach the next cell. A failing cell is named
after its URL, role and method: `test_cell[rounds:close-reader-post]`. Run the whole matrix with
`.venv/bin/pytest -q tests/test_access_matrix.py`, one URL with `-k "rounds:close"`.

The roles: "anonymous" (not logged in), "participant" (not logged in, but has opened their personal
link), "reader" (role "meelezer" in organisation A), "facilitator" (of organisation A), "outsider"
(a facilitator of organisation B) and "staff" (is_staff, member of no organisation, logged in with
the second step: the admin asks staff for an OTP-verified session, and a host's staff member has
one; tests/test_access_matrix.py checks an unverified staff session at the admin separately).
Every 200 or 4xx HTML answer must carry a Content-Security-Policy header and, unless the URL is in
`CACHEABLE`, `Cache-Control: no-store`.
A URL with a token is its own key: whoever holds the link gets in, logged in or not, so for token
URLs every role holds the right token, and the wrong-credential cells test the refusals.
"""

from tests.access_matrix.build import build_scenario
from tests.access_matrix.credentials import (
    CACHEABLE,
    FOREIGN,
    WRITE_CREDENTIALS,
    WRONG_CREDENTIALS,
    wrong_value,
)
from tests.access_matrix.outcomes import ROLES, Outcome, outcome
from tests.access_matrix.rows import Row
from tests.access_matrix.rows_futures import COOPERATION, FUTURES
from tests.access_matrix.rows_rounds import ANSWERING, FOLLOW_UP, ROUNDS
from tests.access_matrix.rows_site import (
    ACCOUNT,
    FIGURES,
    INSPIRATION,
    PRIVACY,
    PROGRAMMES,
    SIGN_OUT_AND_JOINING,
    SITE,
)

__all__ = [
    "CACHEABLE",
    "FOREIGN",
    "MATRIX",
    "ROLES",
    "WRITE_CREDENTIALS",
    "WRONG_CREDENTIALS",
    "Outcome",
    "build_scenario",
    "outcome",
    "wrong_value",
]

# The parts in this order give the cells' test ids their order (as it was when the matrix was one table).
MATRIX: dict[str, Row] = {
    **SITE,
    **ACCOUNT,
    **FUTURES,
    **FIGURES,
    **PRIVACY,
    **SIGN_OUT_AND_JOINING,
    **ROUNDS,
    **ANSWERING,
    **FOLLOW_UP,
    **PROGRAMMES,
    **INSPIRATION,
    **COOPERATION,
}
