"""Answers refused: after "Klaar", in a closed round, with a revoked or wrong link, without a CSRF token;
and one link only ever reaches its own participant."""

from http import HTTPStatus

import pytest
from django.contrib import messages
from django.test import Client
from django.urls import reverse

from gesprekstool.rounds import services
from gesprekstool.rounds.models import Participant
from tests.answers import THEMES
from tests.factories import answer_everything, answers_of
from tests.rounds.fill import HTMX, fill_url, joint_url, question_data, scores_data, theme_data

# --- Refused: after "Klaar", in a closed round, with a revoked or wrong link ------------------------------


def every_answer_post(participant: Participant) -> list[tuple[str, dict]]:
    return [
        (fill_url(participant, "start"), {}),
        (fill_url(participant, "step1"), scores_data(dict.fromkeys(THEMES, 1))),
        (fill_url(participant, "score", theme="A"), scores_data({"A": 1})),
        (fill_url(participant, "note"), {"note-text": "Nieuw"}),
        (fill_url(participant, "step2", theme="A"), theme_data("A", comment="Nieuw")),
        (fill_url(participant, "question", question="1"), question_data("1", ["1e"])),
        (fill_url(participant, "comment", theme="A"), {"comment-A-text": "Nieuw"}),
        (fill_url(participant, "revise", theme="A"), scores_data({"A": 1})),
    ]


ANSWER_POSTS = ["start", "step1", "score", "note", "step2", "question", "comment", "revise"]


@pytest.mark.parametrize("index", range(len(ANSWER_POSTS)), ids=ANSWER_POSTS)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_fill_answer_after_klaar_is_refused(client, finished, index, htmx):
    before = answers_of(finished)
    url, data = every_answer_post(finished)[index]

    response = client.post(url, data, **(HTMX if htmx else {}))

    assert response.status_code == HTTPStatus.CONFLICT
    assert answers_of(finished) == before


def test_fill_refusal_over_htmx_says_not_saved_in_the_field_status(client, finished):
    # Issue 15: a refused change showed "✓ Opgeslagen" with the old time; now the field says why not.
    response = client.post(fill_url(finished, "score", theme="A"), scores_data({"A": 1}), **HTMX)

    page = response.content.decode()
    assert response.status_code == HTTPStatus.CONFLICT
    assert "Niet opgeslagen." in page
    assert "Opgeslagen om" not in page
    assert "U hebt uw antwoorden al ingeleverd." in page


# Step 2 before step 1 sends the participant back to step 1 (tested below), so it is not in this list.
NOT_STARTED_POSTS = [i for i, name in enumerate(ANSWER_POSTS) if name != "step2"]


@pytest.mark.parametrize("index", NOT_STARTED_POSTS, ids=[ANSWER_POSTS[i] for i in NOT_STARTED_POSTS])
def test_fill_answer_in_a_closed_round_is_refused(client, participant, index):
    services.close_round(participant.round)
    before = answers_of(participant)
    url, data = every_answer_post(participant)[index]

    response = client.post(url, data, **HTMX)

    assert response.status_code == HTTPStatus.CONFLICT
    assert answers_of(participant) == before


@pytest.mark.parametrize("index", range(len(ANSWER_POSTS)), ids=ANSWER_POSTS)
def test_fill_answer_in_a_closed_round_mid_journey_is_refused(client, in_step2, index):
    services.close_round(in_step2.round)
    before = answers_of(in_step2)
    url, data = every_answer_post(in_step2)[index]

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.CONFLICT
    assert answers_of(in_step2) == before


def test_fill_closed_round_shows_what_was_given(client, in_step2):
    services.close_round(in_step2.round)

    intro = client.get(fill_url(in_step2, "intro"))
    done = client.get(fill_url(in_step2, "done"))

    assert intro.url == fill_url(in_step2, "done")
    assert done.status_code == HTTPStatus.OK


@pytest.mark.parametrize("name", ["intro", "step1", "review", "done"])
def test_fill_revoked_link_is_410(client, in_step2, name):
    services.revoke_link(in_step2)

    response = client.get(fill_url(in_step2, name))

    assert response.status_code == HTTPStatus.GONE
    assert '<h1 class="utrecht-heading-1">Deze link is ingetrokken</h1>' in response.content.decode()


@pytest.mark.parametrize("index", range(len(ANSWER_POSTS)), ids=ANSWER_POSTS)
def test_fill_revoked_link_refuses_every_answer(client, in_step2, index):
    services.revoke_link(in_step2)
    before = answers_of(in_step2)
    url, data = every_answer_post(in_step2)[index]

    response = client.post(url, data, **HTMX)

    assert response.status_code == HTTPStatus.GONE
    assert answers_of(in_step2) == before


def test_fill_old_link_after_renew_is_404_and_new_link_works(client, in_step2):
    old = fill_url(in_step2, "step1")
    services.renew_link(in_step2)

    old_response = client.get(old)
    new_response = client.get(fill_url(in_step2, "step1"))

    assert (old_response.status_code, new_response.status_code) == (HTTPStatus.NOT_FOUND, HTTPStatus.OK)
    assert answers_of(in_step2)["scores"] == dict.fromkeys(THEMES, (4, None))


@pytest.mark.parametrize("key", ["x" * 43, "abc", "1", "%20"])
def test_fill_wrong_token_is_404_page(client, participant, key):
    response = client.get(reverse("fill:intro", kwargs={"key": key}))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert '<h1 class="utrecht-heading-1">Deze link werkt niet</h1>' in response.content.decode()


def test_fill_wrong_token_refuses_answers(client, participant):
    before = answers_of(participant)

    response = client.post(
        reverse("fill:score", kwargs={"key": participant.token[:-1], "theme": "A"}), scores_data({"A": 1})
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert answers_of(participant) == before


def test_fill_group_form_has_no_personal_link(client, joint_round):
    group = joint_round.participants.get()

    response = client.get(fill_url(group, "intro"))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_fill_second_klaar_redirects_to_done_with_a_message(client, in_review):
    data = {**scores_data(dict.fromkeys(THEMES, 3)), "go": "finish"}
    client.post(fill_url(in_review, "review"), data)
    finished_at = answers_of(in_review)["finished_at"]

    response = client.post(fill_url(in_review, "review"), data, follow=True)

    assert response.redirect_chain == [(fill_url(in_review, "done"), 302)]
    assert [m.level for m in response.context["messages"]] == [messages.INFO]
    assert answers_of(in_review)["finished_at"] == finished_at


def test_fill_review_before_step2_redirects(client, in_step2):
    response = client.get(fill_url(in_step2, "review"))

    assert response.url == fill_url(in_step2, "step2", theme="A")


def test_fill_done_before_klaar_redirects(client, in_step2):
    response = client.get(fill_url(in_step2, "done"))

    assert response.url == fill_url(in_step2, "step2", theme="A")


@pytest.mark.parametrize("index", range(len(ANSWER_POSTS)), ids=ANSWER_POSTS)
def test_fill_post_without_csrf_token_is_403(in_review, index):
    client = Client(enforce_csrf_checks=True)
    before = answers_of(in_review)
    url, data = every_answer_post(in_review)[index]

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert answers_of(in_review) == before


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("start", {}),
        ("score", {"theme": "A"}),
        ("note", {}),
        ("question", {"question": "1"}),
        ("comment", {"theme": "A"}),
        ("revise", {"theme": "A"}),
    ],
)
def test_fill_get_on_a_post_only_endpoint_is_405(client, in_review, name, kwargs):
    response = client.get(fill_url(in_review, name, **kwargs))

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


# --- One link, one participant ----------------------------------------------------------------------------


def test_fill_answers_land_on_the_links_participant_only(client, participant, other_participant):
    answer_everything(other_participant, score=5)
    services.reopen_participant(other_participant)
    others_before = answers_of(other_participant)

    client.post(fill_url(participant, "start"))
    client.post(fill_url(participant, "score", theme="A"), scores_data({"A": 1}), **HTMX)
    client.post(fill_url(participant, "note"), {"note-text": "Van Fatima"}, **HTMX)
    client.post(
        fill_url(participant, "step1"), {**scores_data(dict.fromkeys(THEMES, 1)), "note-text": "Van Fatima"}
    )
    client.post(fill_url(participant, "question", question="1"), question_data("1", ["1e"]), **HTMX)
    client.post(fill_url(participant, "comment", theme="A"), {"comment-A-text": "Van Fatima"}, **HTMX)

    saved = answers_of(participant)
    assert answers_of(other_participant) == others_before
    assert saved["scores"] == dict.fromkeys(THEMES, (1, None))
    assert (saved["note"], saved["comments"], saved["choices"]) == (
        "Van Fatima",
        {"A": "Van Fatima"},
        {"1e": ("1", "")},
    )


def test_fill_pages_never_show_another_participants_answers(client, participant, other_participant):
    answer_everything(participant, finish=True)
    services.save_comment(other_participant, theme="A", text="Alleen voor Joost")

    done = client.get(fill_url(participant, "done")).content.decode()

    assert "Alleen voor Joost" not in done
    assert f"Opmerking A van {participant.position}" in done


@pytest.mark.parametrize(
    "url_name",
    ["rounds:list", "rounds:detail", "rounds:results", "agenda:edit", "joint:intro", "rounds:create"],
)
def test_fill_link_never_opens_a_facilitator_page(client, participant, joint_round, url_name):
    client.get(fill_url(participant, "intro"))
    kwargs = {
        "rounds:list": {},
        "rounds:create": {},
        "joint:intro": {"key": joint_round.pk},
    }.get(url_name, {"pk": participant.round.pk})
    url = reverse(url_name, kwargs=kwargs)

    response = client.get(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_fill_link_cannot_post_to_facilitator_pages(client, participant, other_participant):
    client.get(fill_url(participant, "intro"))
    round_ = participant.round
    before = answers_of(other_participant)

    responses = [
        client.post(
            reverse("rounds:revoke", kwargs={"pk": round_.pk, "participant_id": other_participant.pk})
        ),
        client.post(reverse("rounds:close", kwargs={"pk": round_.pk})),
    ]

    assert [r.url.split("?")[0] for r in responses] == [reverse("login")] * 2
    assert answers_of(other_participant) == before


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_joint_form_refusal_gives_the_409_page_not_500(facilitator_client, joint_round, htmx):
    group = joint_round.participants.get()
    answer_everything(group, score=3)
    services.finish(group)
    before = answers_of(group)

    response = facilitator_client.post(
        joint_url(joint_round, "score", theme="A"), scores_data({"A": 1}), **(HTMX if htmx else {})
    )

    assert response.status_code == HTTPStatus.CONFLICT
    assert "al ingeleverd" in response.content.decode()
    assert answers_of(group) == before
    if not htmx:
        assert joint_url(joint_round, "done") in response.content.decode()
