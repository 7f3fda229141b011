"""Action updates with optimistic locking and a progress log; repeating a round; personal links."""

import datetime

import pytest
from django.utils import timezone

from gesprekstool.agenda import services
from gesprekstool.agenda.models import Action, ActionNote, Agreement, OwnerLink
from gesprekstool.rounds import services as round_services
from gesprekstool.rounds.models import Round
from tests.factories import HELD_ON, ActionFactory, answer_step1, created_round


def notes_of(action) -> list[tuple]:
    return list(
        ActionNote.objects.filter(action=action)
        .order_by("pk")
        .values_list("old_status", "new_status", "text", "author_name", "via_link", "in_review")
    )


def test_status_change_is_logged_with_author_and_time(action, facilitator):
    facilitator.first_name, facilitator.last_name = "Sanne", "Bakker"

    updated = services.update_action(
        action,
        expected_version=1,
        changes={"status": "bezig"},
        note="  Eerste overleg gepland. ",
        author=facilitator,
    )

    assert (updated.status, updated.version) == ("bezig", 2)
    assert notes_of(action) == [("open", "bezig", "Eerste overleg gepland.", "Sanne Bakker", False, False)]
    note = ActionNote.objects.get()
    assert note.author == facilitator
    assert abs(note.created_at - timezone.now()) < datetime.timedelta(seconds=5)


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (["bezig", "gedaan"], [("open", "bezig"), ("bezig", "gedaan")]),
        (["vervallen", "open"], [("open", "vervallen"), ("vervallen", "open")]),
        (["gedaan"], [("open", "gedaan")]),
    ],
    ids=["open-bezig-gedaan", "dropped and reopened", "straight to done"],
)
def test_every_status_change_is_a_line_in_the_log(action, facilitator, steps, expected):
    for version, status in enumerate(steps, start=1):
        services.update_action(
            action, expected_version=version, changes={"status": status}, author=facilitator
        )

    assert [n[:2] for n in notes_of(action)] == expected
    assert Action.objects.get(pk=action.pk).status == steps[-1]


def test_a_save_without_note_or_status_change_writes_no_log_line(action, facilitator):
    updated = services.update_action(
        action, expected_version=1, changes={"department": "GGD"}, author=facilitator
    )

    assert (updated.department, updated.version) == ("GGD", 2)
    assert notes_of(action) == []


def test_a_note_without_status_change_is_logged(action):
    services.update_action(
        action, expected_version=1, changes={}, note="Loopt", author_name="Fatima", via_link=True
    )

    assert notes_of(action) == [("open", "open", "Loopt", "Fatima", True, False)]
    assert not ActionNote.objects.get().status_changed


def test_a_save_on_an_outdated_version_is_refused_and_changes_nothing(action, facilitator):
    services.update_action(action, expected_version=1, changes={"status": "bezig"}, author=facilitator)
    before = Action.objects.filter(pk=action.pk).values().get()

    with pytest.raises(services.ActionConflict) as conflict:
        services.update_action(
            action,
            expected_version=1,
            changes={"status": "vervallen"},
            note="Mijn notitie",
            author=facilitator,
        )

    assert conflict.value.current.status == "bezig"
    assert conflict.value.current.version == 2
    assert Action.objects.filter(pk=action.pk).values().get() == before
    assert len(notes_of(action)) == 1


def test_update_refuses_fields_that_are_not_editable(action):
    with pytest.raises(ValueError, match="round"):
        services.update_action(action, expected_version=1, changes={"round": None})


def test_a_review_marks_the_action_as_discussed(action, facilitator):
    updated = services.update_action(
        action, expected_version=1, changes={"status": "open"}, author=facilitator, in_review=True
    )

    assert updated.reviewed_at is not None
    assert notes_of(action) == []


def test_add_action_opens_it_at_version_1(round_, participant):
    action = services.add_action(
        round_, theme="C", description="Samen een wijkaanpak", owner=participant, due_on=HELD_ON
    )

    stored = Action.objects.get(pk=action.pk)
    assert (stored.round, stored.theme, stored.description, stored.owner, stored.due_on) == (
        round_,
        "C",
        "Samen een wijkaanpak",
        participant,
        HELD_ON,
    )
    assert (stored.status, stored.version, stored.owner_name) == ("open", 1, "")


def test_remove_action_keeps_a_copy_in_a_later_round(round_, action):
    copy = ActionFactory(carried_from=action)

    services.remove_action(action)

    assert list(Action.objects.values_list("pk", flat=True)) == [copy.pk]
    assert Action.objects.get(pk=copy.pk).carried_from is None


def test_review_action_saves_status_and_note_and_marks_it_discussed(action, facilitator):
    updated = services.review_action(
        action, status="bezig", note="Loopt", expected_version=1, author=facilitator
    )

    assert (updated.status, updated.version, updated.reviewed_at is not None) == ("bezig", 2, True)
    assert [n[:3] + n[5:] for n in notes_of(action)] == [("open", "bezig", "Loopt", True)]


def test_review_action_sent_again_unchanged_changes_nothing(action, facilitator):
    reviewed = services.review_action(action, status="bezig", note="", expected_version=1, author=facilitator)

    again = services.review_action(reviewed, status="bezig", note="", expected_version=1, author=facilitator)

    assert (again.version, Action.objects.get(pk=action.pk).version) == (2, 2)
    assert len(notes_of(action)) == 1


def test_review_action_on_an_outdated_version_is_refused(action, facilitator):
    services.update_action(action, expected_version=1, changes={"status": "gedaan"}, author=facilitator)

    with pytest.raises(services.ActionConflict):
        services.review_action(action, status="bezig", note="", expected_version=1, author=facilitator)

    assert Action.objects.get(pk=action.pk).status == "gedaan"


def test_save_agreement_creates_then_replaces_the_one_agreement(round_):
    services.save_agreement(
        round_, follow_up="bijeenkomst", next_meeting_on=HELD_ON, accountability="Elk kwartaal", notes=""
    )

    services.save_agreement(
        round_, follow_up="afdelingen", next_meeting_on=None, accountability="", notes="Klaar"
    )

    assert list(
        Agreement.objects.values_list("round", "follow_up", "next_meeting_on", "accountability", "notes")
    ) == [(round_.pk, "afdelingen", None, "", "Klaar")]


def test_queryset_live_current_overdue_and_for_email(round_, participant):
    participant.email = "fatima@testdorp.nl"
    participant.save()
    today = datetime.date(2027, 3, 10)
    yesterday = today - datetime.timedelta(days=1)
    late = ActionFactory(round=round_, description="Te laat", owner=participant, due_on=yesterday)
    done = ActionFactory(round=round_, description="Klaar", owner_name="X", status="gedaan", due_on=yesterday)
    other = ActionFactory(
        round=round_, description="Ander", owner_name="Wethouder", owner_email="Wethouder@Testdorp.nl"
    )
    carried = ActionFactory(round=round_, description="Doorgeschoven", owner_name="Y")
    ActionFactory(round=round_, description="Kopie", owner_name="Y", carried_from=carried)

    assert set(Action.objects.live().values_list("description", flat=True)) == {"Te laat", "Ander", "Kopie"}
    assert "Doorgeschoven" not in set(Action.objects.current().values_list("description", flat=True))
    assert list(Action.objects.overdue(today)) == [late]
    assert list(Action.objects.for_email("FATIMA@testdorp.nl")) == [late]
    assert list(Action.objects.for_email("wethouder@testdorp.nl")) == [other]
    assert done.email == "" and other.email == "Wethouder@Testdorp.nl" and late.email == "fatima@testdorp.nl"


# --- Repeating a round --------------------------------------------------------------------------------------


@pytest.fixture
def earlier(organisation, facilitator):
    round_ = created_round(organisation, facilitator, title="Ronde 2026")
    round_.instrument_version = "2018.1"
    round_.anonymised = False
    round_.save()
    fatima = round_services.add_participant(round_, display_name="Fatima", domain="armoede", email="f@t.nl")
    joost = round_services.add_participant(
        round_, display_name="Joost", domain="gezondheid", department="GGD"
    )
    answer_step1(fatima, score=2)
    ActionFactory(round=round_, description="Open actie", owner=fatima, due_on=HELD_ON)
    ActionFactory(round=round_, theme="B", description="Bezig", owner=joost, status="bezig", department="GGD")
    ActionFactory(round=round_, theme="C", description="Buiten", owner_name="Wethouder", owner_email="w@t.nl")
    ActionFactory(round=round_, theme="D", description="Gedaan", owner=fatima, status="gedaan")
    return round_


def test_repeat_round_copies_participants_with_new_links_and_settings(earlier, facilitator):
    people = list(earlier.participants.order_by("position"))

    new = services.repeat_round(
        earlier,
        title="Ronde 2027",
        held_on=datetime.date(2027, 11, 1),
        participants=people,
        actions=[],
        created_by=facilitator,
    )

    assert (new.previous, new.instrument_version, new.mode, new.anonymised) == (
        earlier,
        "2018.1",
        "individual",
        False,
    )
    assert list(
        new.participants.values_list("position", "display_name", "domain", "department", "email")
    ) == [
        (1, "Fatima", "armoede", "", "f@t.nl"),
        (2, "Joost", "gezondheid", "GGD", ""),
    ]
    old_tokens = set(earlier.participants.values_list("token", flat=True))
    assert not old_tokens & set(new.participants.values_list("token", flat=True))
    assert new.participants.filter(scores__isnull=False).count() == 0
    assert list(earlier.repeats.all()) == [new]


def test_repeat_round_copies_the_chosen_live_actions_with_a_link_to_the_original(earlier):
    fatima = earlier.participants.get(display_name="Fatima")
    live = list(earlier.actions.live().order_by("theme"))

    new = services.repeat_round(
        earlier, title="Ronde 2027", held_on=HELD_ON, participants=[fatima], actions=live
    )

    copies = new.actions.order_by("theme")
    assert [
        (a.theme, a.description, a.status, a.who, a.email, a.department, a.carried_from.description)
        for a in copies
    ] == [
        ("A", "Open actie", "open", "Fatima", "f@t.nl", "", "Open actie"),
        # Joost does not come along: he stays the owner, by name.
        ("B", "Bezig", "bezig", "Joost", "", "GGD", "Bezig"),
        ("C", "Buiten", "open", "Wethouder", "w@t.nl", "", "Buiten"),
    ]
    assert copies[0].owner.round == new
    assert copies[0].due_on == HELD_ON
    # The originals stay in the earlier round, but no longer live: the copies do.
    assert earlier.actions.count() == 4
    assert set(Action.objects.live().values_list("round", flat=True)) == {new.pk}
    assert set(earlier.actions.live()) == set()


def test_repeat_round_refuses_actions_that_are_done_or_of_another_round(earlier, round_):
    done = earlier.actions.get(status="gedaan")
    stranger = ActionFactory(round=round_, description="Elders", owner_name="X")

    for wrong in (done, stranger):
        with pytest.raises(ValueError):
            services.repeat_round(earlier, title="X", held_on=HELD_ON, participants=[], actions=[wrong])

    assert Round.objects.filter(title="X").count() == 0


def test_repeat_of_a_joint_round_gets_its_own_joint_form(joint_round):
    ActionFactory(round=joint_round, description="Samen", owner_name="Team")

    new = services.repeat_round(
        joint_round,
        title="Samen 2027",
        held_on=HELD_ON,
        participants=[],
        actions=list(joint_round.actions.all()),
    )

    assert new.is_joint
    assert list(new.participants.values_list("is_group", flat=True)) == [True]
    assert new.actions.get().who == "Team"


# --- Personal links -----------------------------------------------------------------------------------------


def test_owner_link_token_is_long_and_unguessable(organisation):
    first = services.ensure_owner_link(organisation, email="F@T.nl", name="Fatima")
    second = services.renew_owner_link(organisation, email="f@t.nl")

    assert len(first.token) >= 43  # 32 random bytes, base64: 256 bits
    assert first.token != second.token
    assert first.email == "f@t.nl"


def test_ensure_owner_link_reuses_a_link_that_stays_valid(organisation):
    link = services.ensure_owner_link(organisation, email="f@t.nl")

    assert services.ensure_owner_link(organisation, email="f@t.nl") == link


def test_ensure_owner_link_makes_a_new_one_shortly_before_expiry(organisation):
    old = services.ensure_owner_link(organisation, email="f@t.nl")
    OwnerLink.objects.filter(pk=old.pk).update(expires_at=timezone.now() + datetime.timedelta(days=3))

    new = services.ensure_owner_link(organisation, email="f@t.nl")

    assert new != old
    old.refresh_from_db()
    assert old.is_active  # a link in an earlier mail keeps working until it expires


def test_renew_and_revoke_stop_earlier_links(organisation):
    old = services.ensure_owner_link(organisation, email="f@t.nl")
    new = services.renew_owner_link(organisation, email="f@t.nl")
    old.refresh_from_db()
    assert (old.is_active, new.is_active) == (False, True)

    assert services.revoke_owner_links(organisation, email="F@t.nl") == 1
    new.refresh_from_db()
    assert new.is_revoked
    assert services.active_owner_link(organisation, "f@t.nl") is None
