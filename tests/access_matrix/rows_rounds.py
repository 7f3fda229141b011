"""Rows of a round: the facilitator's pages, answering (by link and as a group) and the follow-up."""

from collections.abc import Callable

from tests.access_matrix.outcomes import (
    FACILITATOR_ONLY,
    FACILITATOR_WRITE,
    LOGGED_IN,
    LOGIN,
    MEMBERS_READ,
    POST_ONLY,
    Cell,
    Expect,
    by_token,
    cells,
    everyone,
    facilitator_only,
    unchanged,
)
from tests.access_matrix.rows import (
    ACTION,
    ALL_SCORES,
    FRESH_LINK,
    JOINT,
    JOINT_REVIEW,
    LINK,
    NONE,
    ORGANISATION,
    ROUND,
    Row,
    action_edit,
    progress,
    scores,
)


def fill_rows(namespace: str, fresh: dict, answered: dict, done: dict, access: Callable[[Cell], Expect]):
    """The answering journey, mounted under a participant's link and under a joint round."""
    return {
        f"{namespace}:intro": Row(fresh, access(200)),
        f"{namespace}:start": Row(
            fresh,
            access(405),
            access(302),
        ),
        f"{namespace}:step1": Row(fresh, access(200), access(302), data=lambda s: ALL_SCORES),
        f"{namespace}:score": Row(
            {**fresh, "theme": "theme"}, access(405), access(200), data=lambda s: scores(B=4)
        ),
        f"{namespace}:note": Row(fresh, access(405), access(200), data=lambda s: {"note-text": "Opvallend"}),
        f"{namespace}:step2": Row(
            {**answered, "theme": "theme"},
            access(200),
            access(302),
            data=lambda s: {"q2-options": ["2b"], "q3-options": ["3b"], "comment-B-text": "Nieuw"},
        ),
        f"{namespace}:question": Row(
            {**answered, "question": "question_code"},
            access(405),
            access(200),
            data=lambda s: {"q1-options": ["1b"]},
        ),
        f"{namespace}:comment": Row(
            {**answered, "theme": "theme"},
            access(405),
            access(200),
            data=lambda s: {"comment-B-text": "Nieuw"},
        ),
        f"{namespace}:review": Row(
            answered,
            access(200),
            access(302),
            data=lambda s: ALL_SCORES,
            # Handed in already: back to the done page with a message, nothing saved.
            wrong={"handed_in": unchanged(302)},
        ),
        f"{namespace}:revise": Row(
            {**answered, "theme": "theme"}, access(405), access(200), data=lambda s: scores(B=1)
        ),
        f"{namespace}:done": Row(done, access(200)),
        f"{namespace}:group_results": Row(answered, access(200)),
        # What one gave, to read and to download (the right of access).
        f"{namespace}:own_answers": Row(answered, access(200)),
        f"{namespace}:own_answers_json": Row(answered, access(200)),
    }


ROUNDS: dict[str, Row] = {
    # Rounds
    "rounds:list": Row(NONE, LOGGED_IN),
    "rounds:create": Row(
        NONE,
        cells(LOGIN, LOGIN, unchanged(302), 200, 200, unchanged(302)),
        # Organisation A chosen: the outsider, a facilitator elsewhere, may not create it there.
        cells(LOGIN, LOGIN, unchanged(302), 302, 404, unchanged(302)),
        data=lambda s: {
            "title": "Nieuw",
            "held_on": "2027-01-15",
            "mode": "individual",
            "organisation": s.organisation_id,
        },
    ),
    "rounds:detail": Row(
        ROUND,
        MEMBERS_READ,
        FACILITATOR_WRITE,
        data=lambda s: {"display_name": "Nieuw", "domain": "armoede", "department": "", "email": ""},
    ),
    "rounds:results": Row(ROUND, MEMBERS_READ),
    "rounds:prepare": Row(ROUND, MEMBERS_READ),
    "rounds:observation_toggle": Row(ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"key": "obs-1"}),
    "rounds:own_observation_add": Row(
        ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"text": "Ook dit", "theme": ""}
    ),
    "rounds:own_observation_delete": Row(
        {**ROUND, "observation_id": "observation"}, POST_ONLY, FACILITATOR_WRITE
    ),
    "rounds:question_add": Row(
        ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"theme": "A", "text": "Wie doet wat?"}
    ),
    "rounds:question_update": Row(
        {**ROUND, "question_id": "conversation_question"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"text": "Wat doen we nu?"},
    ),
    "rounds:settings": Row(
        ROUND, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"results_for_participants": "on"}
    ),
    "rounds:reveal": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "rounds:joining": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "rounds:present": Row(ROUND, MEMBERS_READ, other_queries=("thema=B&deel=antwoorden",)),
    "rounds:present_live": Row(
        ROUND, MEMBERS_READ, query="thema=B", other_queries=("thema=B&deel=antwoorden", "deel=tabel")
    ),
    "rounds:close": Row(ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE),
    "rounds:revoke": Row({**ROUND, "participant_id": "participant"}, FACILITATOR_ONLY, FACILITATOR_WRITE),
    "rounds:renew": Row({**ROUND, "participant_id": "participant"}, FACILITATOR_ONLY, FACILITATOR_WRITE),
    "rounds:reopen": Row({**ROUND, "participant_id": "finished_participant"}, POST_ONLY, FACILITATOR_WRITE),
    # A new e-mail address for Fatima: her link is renewed and the mail page offered.
    "rounds:participant_edit": Row(
        {**ROUND, "participant_id": "fatima"},
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {
            "display_name": "Fatima",
            "domain": "armoede",
            "department": "",
            "email": "f@t.example",
        },
    ),
    "rounds:participant_delete": Row(
        {**ROUND, "participant_id": "participant"}, FACILITATOR_ONLY, FACILITATOR_WRITE
    ),
    "rounds:participant_merge": Row(
        {**ROUND, "participant_id": "participant"},
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"into": s.finished_participant},
    ),
    "rounds:delete": Row(
        ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: {"title": "Armoede en gezondheid"}
    ),
    # Mailing links: Fatima has an e-mail address, was not mailed yet and has not handed in.
    "rounds:invite": Row(ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: {"intro": "Welkom."}),
    "rounds:invite_one": Row(
        {**ROUND, "participant_id": "fatima"},
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"intro": "Welkom."},
    ),
    "rounds:remind": Row(ROUND, FACILITATOR_ONLY, FACILITATOR_WRITE, data=lambda s: {"intro": "Nog even."}),
}


ANSWERING: dict[str, Row] = {
    # Answering: a participant's link, and the shared form of a joint round
    **fill_rows("fill", FRESH_LINK, LINK, {"key": "done_token"}, by_token),
    **fill_rows("joint", JOINT, JOINT_REVIEW, {"key": "joint_done"}, facilitator_only),
}


FOLLOW_UP: dict[str, Row] = {
    # Step 3: the action agenda
    "agenda:edit": Row(ROUND, MEMBERS_READ),
    "agenda:action_add": Row(
        ROUND,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"theme": "A", "description": "Iets", "owner_name": "Wethouder", "due_on": ""},
    ),
    "agenda:action": Row(ACTION, MEMBERS_READ, FACILITATOR_WRITE, data=action_edit),
    "agenda:action_delete": Row(ACTION, POST_ONLY, FACILITATOR_WRITE),
    "agenda:owner_link": Row(ACTION, POST_ONLY, FACILITATOR_WRITE),
    "agenda:agreement": Row(
        ROUND,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"follow_up": "afdelingen", "notes": "Elk kwartaal"},
    ),
    "agenda:ics": Row(ROUND, MEMBERS_READ),
    "agenda:feed": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "agenda:repeat": Row(
        ROUND,
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"title": "Nog een keer", "held_on": "2027-06-01"},
    ),
    "agenda:review": Row(
        {"pk": "repeated"}, MEMBERS_READ, FACILITATOR_WRITE, data=progress("carried_action")
    ),
    # Follow-up across rounds
    "follow_up:actions_home": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 200)),
    "follow_up:actions": Row(ORGANISATION, MEMBERS_READ),
    "follow_up:owner": Row({"token": "owner_token"}, by_token(200)),
    "follow_up:owner_update": Row(
        {"token": "owner_token", "action_id": "action"}, everyone(405), by_token(302), data=progress("action")
    ),
    "follow_up:feed": Row({"token": "feed_token"}, by_token(200)),
    "monitoring:home": Row(NONE, cells(LOGIN, LOGIN, 302, 302, 302, 200)),
    "monitoring:progress": Row(ORGANISATION, MEMBERS_READ),
    "reports:downloads": Row(ROUND, MEMBERS_READ),
    "reports:download": Row({**ROUND, "fmt": "fmt"}, MEMBERS_READ),
    # The page of an export being prepared; POST starts a failed build again (none failed here:
    # nothing changes). Readers may download, so they may wait for and retry a build too.
    "reports:prepare": Row(
        {**ROUND, "fmt": "fmt"},
        MEMBERS_READ,
        post=cells(LOGIN, LOGIN, unchanged(302), unchanged(302), 404, 404),
    ),
}
