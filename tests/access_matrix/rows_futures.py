"""Rows of the picture of the future: the wall, the participants' contributions, and cooperation."""

from tests.access_matrix.outcomes import (
    FACILITATOR_ONLY,
    FACILITATOR_WRITE,
    MEMBERS_READ,
    POST_ONLY,
    by_token,
    unchanged,
)
from tests.access_matrix.rows import (
    FUTURE_CONTRIBUTION,
    LINK,
    ROUND,
    Row,
)

FUTURES: dict[str, Row] = {
    # The picture of the future (futures): the facilitator sets it up and works on the wall; members
    # (readers too) may look at the wall.
    "futures:setup": Row(
        ROUND,
        FACILITATOR_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {
            "enabled": "on",
            "mode": "individual",
            "position": "after",
            "anonymous": "on",
            "themes": ["B", "D"],
            "prompt_B": "Over vier jaar …",
            "prompt_D": "Over vier jaar merken inwoners dat …",
            "experiences": "",
        },
    ),
    "futures:remove": Row(ROUND, POST_ONLY, FACILITATOR_WRITE),
    "futures:wall": Row(ROUND, MEMBERS_READ, query="thema=B"),
    "futures:wall_live": Row(ROUND, MEMBERS_READ, query="thema=B"),
    # In a joint part the facilitator writes down what the group says.
    "futures:add": Row(
        {"pk": "joint", "prompt_id": "future_joint_prompt"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"text": "Eén loket"},
    ),
    "futures:hide": Row(FUTURE_CONTRIBUTION, POST_ONLY, FACILITATOR_WRITE),
    "futures:merge": Row(
        FUTURE_CONTRIBUTION,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"into": s.future_other_contribution},
    ),
    "futures:heading": Row(
        FUTURE_CONTRIBUTION, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"heading": "Dichtbij"}
    ),
    "futures:to_action": Row(
        FUTURE_CONTRIBUTION, POST_ONLY, FACILITATOR_WRITE, data=lambda s: {"owner_name": "Wethouder"}
    ),
    # A participant's pages, under their own link. Whoever handed in their answers may still take part.
    "futures_fill:index": Row(LINK, by_token(200)),
    "futures_fill:prompt": Row(
        {**LINK, "prompt_id": "future_prompt"},
        by_token(200),
        by_token(302),
        data=lambda s: {"text": "Samen één loket"},
        wrong={"handed_in": 302},
    ),
    "futures_fill:live": Row({**LINK, "prompt_id": "future_prompt"}, by_token(200)),
    "futures_fill:vote": Row(
        {**LINK, "contribution_id": "future_other_contribution"},
        by_token(405),
        by_token(302),
        wrong={"handed_in": 302},
    ),
    # Fatima withdraws her own; Dirk (handed in) may not withdraw hers.
    "futures_fill:withdraw": Row(
        {**LINK, "contribution_id": "future_contribution"},
        by_token(405),
        by_token(302),
        wrong={"handed_in": 403},
    ),
}


COOPERATION: dict[str, Row] = {
    # Cooperation (picture of the future): the presenter's missing links are the facilitator's; a
    # participant marks and withdraws pairs through their own link, also after handing in.
    "cooperation:present": Row(ROUND, FACILITATOR_ONLY),
    "cooperation:live": Row(ROUND, FACILITATOR_ONLY),
    "cooperation:action": Row(
        ROUND,
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"party_a": "armoede", "party_b": "gezondheid", "theme": "E"},
    ),
    # A joint part: the facilitator writes down (and withdraws) the pairs the group names.
    "cooperation:group_mark": Row(
        {"pk": "joint"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"party_a": "armoede", "party_b": "uitvoering"},
    ),
    "cooperation:group_withdraw": Row(
        {"pk": "joint"},
        POST_ONLY,
        FACILITATOR_WRITE,
        data=lambda s: {"party_a": "armoede", "party_b": "gezondheid"},
    ),
    "cooperation_fill:marks": Row(
        LINK,
        by_token(200),
        by_token(302),
        data=lambda s: {"party_a": "armoede", "party_b": "uitvoering"},
        wrong={"handed_in": 302},
    ),
    "cooperation_fill:withdraw": Row(
        LINK,
        by_token(405),
        by_token(302),
        data=lambda s: {"party_a": "armoede", "party_b": "gezondheid"},
        # Dirk marked nothing: nothing to withdraw, the page says so.
        wrong={"handed_in": unchanged(302)},
    ),
}
