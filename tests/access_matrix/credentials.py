"""Wrong credentials, links that let their holder write, and objects of another organisation: the
variants of a row that tests/test_access_matrix.py requests besides its cells."""

from gesprekstool.rounds.models import new_token
from tests.access_matrix.outcomes import (
    FAILED_JOIN,
    Cell,
    counted,
)
from tests.access_matrix.scenario import Scenario

# get (from any role) and the methods it is tried with. A value is a Scenario attribute name, or None
# for a fresh random token. A row may expect something else for a variant: `Row(wrong={...})`.
BOTH = ("get", "post")
PARTICIPANT_LINK = {
    "random": (None, 404, BOTH),
    "owner_link": ("owner_token", 404, BOTH),
    "group_form": ("group_token", 404, BOTH),
    "revoked": ("revoked_token", 410, BOTH),
    # Not wrong, but too late: whoever handed in may no longer change anything.
    "handed_in": ("done_token", 409, ("post",)),
}
# Any random token, and a participant's link where another kind of link belongs: not found.
NOT_THIS_LINK = {"random": (None, 404, BOTH), "participant_link": ("token", 404, BOTH)}
WRONG_CREDENTIALS: dict[str, dict[str, tuple[str | None, Cell, tuple[str, ...]]]] = {
    "token": PARTICIPANT_LINK,
    "fresh_token": PARTICIPANT_LINK,
    "done_token": PARTICIPANT_LINK,
    "owner_token": {
        **NOT_THIS_LINK,
        "revoked": ("revoked_owner_token", 410, BOTH),
        "expired": ("expired_owner_token", 410, BOTH),
    },
    "feed_token": NOT_THIS_LINK,
    # A code that opens no round is counted (FailedJoinAttempt) to slow guessing down: a write by design.
    "join_code": {
        "random": (None, counted(404, FAILED_JOIN), BOTH),
        "closed_round": ("closed_join_code", counted(404, FAILED_JOIN), BOTH),
        "joint_round": ("joint_join_code", 409, BOTH),
    },
    "invitation_token": {
        **NOT_THIS_LINK,
        "expired": ("expired_invitation_token", 410, BOTH),
        "used": ("used_invitation_token", 410, BOTH),
        "withdrawn": ("withdrawn_invitation_token", 410, BOTH),
    },
    # Checked before the login: a wrong programme invitation says so to anyone.
    "programme_invitation_token": {
        **NOT_THIS_LINK,
        "team_invitation": ("invitation_token", 404, BOTH),
        "expired": ("expired_programme_invitation_token", 410, BOTH),
        "used": ("used_programme_invitation_token", 410, BOTH),
    },
    # The reset view answers a wrong link with a page saying the link does not work (404).
    "reset_token": NOT_THIS_LINK,
}

# Pages that may be cached by the browser (no `Cache-Control: no-store` required): none so far; the
# middleware gives every page from Django `no-store`, the public ones too.
CACHEABLE: frozenset[str] = frozenset()

# Links that let their holder change something. Only a facilitator's pages may show them: a reader who
# saw one could answer for a participant or update an owner's actions.
WRITE_CREDENTIALS = (
    "token",
    "fresh_token",
    "done_token",
    "owner_token",
    "invitation_token",
    "reset_token",
    "programme_invitation_token",
)

# Objects named in a URL next to the round or link that must own them, and organisation-level objects
# (the organisation itself, its members and invitations). The same URL with organisation B's object
# instead must get 404 from organisation A's facilitator and change nothing.
FOREIGN = {
    "organisation": "foreign_organisation",
    "organisation_id": "foreign_organisation_id",
    "colleague": "foreign_member",
    "invitation": "foreign_invitation",
    "indicator": "foreign_indicator",
    "participant": "foreign_participant",
    "finished_participant": "foreign_participant",
    "fatima": "foreign_participant",
    "action": "foreign_action",
    "observation": "foreign_observation",
    "conversation_question": "foreign_question",
    "programme_member": "foreign_programme_member",
    "future_prompt": "foreign_future_prompt",
    "future_contribution": "foreign_future_contribution",
    "future_other_contribution": "foreign_future_contribution",
    "future_joint_prompt": "foreign_future_prompt",
}


def wrong_value(scenario: Scenario, source: str | None) -> str:
    return new_token() if source is None else getattr(scenario, source)
