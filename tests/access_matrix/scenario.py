"""The scenario every URL of the access matrix points at, and the password of those who have one."""

import time
from dataclasses import dataclass

from django_otp.oath import TOTP


@dataclass
class Scenario:
    """Everything the URLs point at, built once per test module (see `build_scenario`)."""

    users: dict  # role -> User (anonymous and participant: None)
    organisation: str  # slug of organisation A
    organisation_id: int
    round: int  # individual round of A: open, with a join code, an action, a calendar feed
    token: str  # Fatima: answered steps 1 and 2, not handed in yet
    fresh_token: str  # Joost: has not opened his link yet
    done_token: str  # Dirk: handed in
    participant: int  # Joost's id (revoke, renew)
    fatima: int  # Fatima's id (owner of the action)
    finished_participant: int  # Dirk's id (reopen)
    join_code: str
    action: int  # action of `round`, owned by Fatima (who has an e-mail address)
    owner_token: str  # Fatima's personal action link
    feed_token: str  # calendar subscription of `round`
    observation: int  # own observation on `round`
    conversation_question: int  # conversation question on `round`
    repeated: int  # a repeat of `round`, with one carried-over action
    carried_action: int
    joint: int  # joint round of A, its shared form not opened yet
    joint_review: int  # joint round of A, its shared form past steps 1 and 2
    joint_done: int  # joint round of A, its shared form handed in
    entry: str  # slug of a private inspiration entry of A
    indicator: int  # a local figure of A
    colleague: int  # membership of a second reader of A (change role, remove)
    future_prompt: int  # the picture of the future of `round`: its prompt for theme B
    future_contribution: int  # Fatima's contribution to it
    future_other_contribution: int  # Joost's contribution to it (dots, merging into)
    future_joint_prompt: int  # the prompt of a joint picture of the future on `joint`
    invitation: int  # an open invitation to A, for nieuw@testdorp.example
    invitation_token: str  # its link's token
    reset_uid: str  # a password reset link for the colleague (who never logs in here)
    reset_token: str
    setup_key: bytes  # secret of the facilitator's app device waiting to be confirmed
    # Wrong credentials (see WRONG_CREDENTIALS)
    revoked_token: str  # a participant whose link was revoked
    group_token: str  # the token of a joint round's shared form: not a personal link
    revoked_owner_token: str
    expired_owner_token: str
    closed_join_code: str  # join code of a closed round
    joint_join_code: str  # a join code on a joint round (its shared form is not joined by code)
    expired_invitation_token: str
    used_invitation_token: str
    withdrawn_invitation_token: str
    # Objects of organisation B, for URLs that name an object inside a round or link (see FOREIGN)
    foreign_participant: int
    foreign_action: int  # owned by someone with Fatima's e-mail address, in organisation B
    foreign_observation: int
    foreign_question: int
    foreign_organisation: str  # slug of organisation B
    foreign_organisation_id: int
    foreign_member: int  # the outsider's membership of B
    foreign_invitation: int  # an open invitation to B
    foreign_indicator: int  # a local figure of B
    foreign_future_prompt: int  # a prompt of a picture of the future of B
    foreign_future_contribution: int  # a contribution to it
    # Programmes: the facilitator advises `programme`, in which A and B take part (A anonymously)
    programme: str  # its slug
    programme_member: int  # A's membership of it
    foreign_programme_member: int  # B's membership of it
    programme_invitation_token: str  # a gemeente invitation to a second programme, without A
    expired_programme_invitation_token: str
    used_programme_invitation_token: str
    # Fixed values for URL arguments
    theme: str = "B"
    theme_code: str = "D"  # an inspiration theme
    question_code: str = "1"
    fmt: str = "json"
    programme_fmt: str = "xlsx"

    def kwargs(self, mapping: dict[str, str]) -> dict:
        return {name: getattr(self, attribute) for name, attribute in mapping.items()}

    def setup_code(self) -> str:
        """The code the facilitator's phone shows now for the app device waiting to be confirmed."""
        totp = TOTP(self.setup_key)
        totp.time = time.time()
        return f"{totp.token():06d}"


# The facilitator's and the staff member's password (the others have none that works).
PASSWORD = "Een-lang-wachtwoord-42"
