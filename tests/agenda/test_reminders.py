"""Reminder selection with a fixed clock: a few days before a due date, once after it, before a
follow-up meeting; each reason mailed once."""

import datetime
import smtplib

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gesprekstool.agenda import reminders
from gesprekstool.agenda.models import Action, OwnerLink, SentReminder
from gesprekstool.rounds import services as round_services
from tests.factories import ActionFactory, SentReminderFactory

from .conftest import TODAY

DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def three_days_ahead(settings):
    settings.REMINDER_DAYS_BEFORE = 3
    settings.SITE_URL = "https://gesprekstool.example"


@pytest.fixture
def owner(participant):
    participant.email = "fatima@testdorp.nl"
    participant.save()
    return participant


def make_action(round_, owner=None, *, due_on, status="open", **extra) -> Action:
    return ActionFactory(
        round=round_,
        theme="A",
        description=f"Actie {due_on}",
        owner=owner,
        due_on=due_on,
        status=status,
        **extra,
    )


def planned(today) -> list[tuple]:
    return sorted(
        (mail.recipient, r.kind, r.target, r.date)
        for mail in reminders.plan_reminders(today)
        for r in mail.reminders
    )


def run(day) -> list:
    return reminders.send_reminders(day).sent


def test_an_action_is_reminded_from_three_days_before_its_date(round_, owner):
    action = make_action(round_, owner, due_on=TODAY)

    assert planned(TODAY - 4 * DAY) == []
    assert planned(TODAY - 3 * DAY) == [("fatima@testdorp.nl", "due_soon", f"action:{action.pk}", TODAY)]
    assert planned(TODAY) == [("fatima@testdorp.nl", "due_soon", f"action:{action.pk}", TODAY)]
    assert planned(TODAY + DAY) == [("fatima@testdorp.nl", "overdue", f"action:{action.pk}", TODAY)]


def test_each_reminder_is_sent_once_over_many_days(round_, owner, mailoutbox):
    action = make_action(round_, owner, due_on=TODAY)

    sent_per_day = {offset: len(run(TODAY + offset * DAY)) for offset in range(-5, 8)}

    assert sent_per_day == {offset: int(offset in (-3, 1)) for offset in range(-5, 8)}
    assert list(SentReminder.objects.order_by("pk").values_list("kind", "target", "date", "recipient")) == [
        ("due_soon", f"action:{action.pk}", TODAY, "fatima@testdorp.nl"),
        ("overdue", f"action:{action.pk}", TODAY, "fatima@testdorp.nl"),
    ]
    assert [m.subject for m in mailoutbox] == [
        "Herinnering: 1 actie moet binnenkort klaar zijn",
        "Herinnering: 1 actie is te laat",
    ]


def test_a_moved_due_date_is_a_new_reason(round_, owner):
    action = make_action(round_, owner, due_on=TODAY)
    run(TODAY - DAY)
    Action.objects.filter(pk=action.pk).update(due_on=TODAY + 2 * DAY)

    assert planned(TODAY) == [("fatima@testdorp.nl", "due_soon", f"action:{action.pk}", TODAY + 2 * DAY)]


@pytest.mark.parametrize("status", ["gedaan", "vervallen"])
def test_finished_actions_are_not_reminded(round_, owner, status):
    make_action(round_, owner, due_on=TODAY, status=status)

    assert planned(TODAY) == planned(TODAY + DAY) == []


def test_actions_without_date_or_address_and_carried_over_ones_are_not_reminded(round_, owner, participant):
    make_action(round_, owner, due_on=None)
    make_action(round_, None, due_on=TODAY, owner_name="Zonder adres")
    original = make_action(round_, owner, due_on=TODAY - 10 * DAY)
    make_action(round_, owner, due_on=TODAY + 30 * DAY, carried_from=original)

    assert planned(TODAY) == []


def test_someone_outside_the_round_is_reminded_at_their_own_address(round_):
    action = make_action(
        round_, None, due_on=TODAY, owner_name="Wethouder", owner_email="wethouder@testdorp.nl"
    )

    assert planned(TODAY) == [("wethouder@testdorp.nl", "due_soon", f"action:{action.pk}", TODAY)]


def test_several_reasons_for_one_address_go_in_one_mail(round_, owner, mailoutbox):
    late = make_action(round_, owner, due_on=TODAY - 2 * DAY)
    soon = make_action(round_, owner, due_on=TODAY + DAY)

    sent = run(TODAY)

    assert len(sent) == 1 and len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Herinnering: 1 actie is te laat"
    assert late.description in mailoutbox[0].body and soon.description in mailoutbox[0].body
    assert SentReminder.objects.count() == 2


def test_the_mail_is_dutch_plain_text_with_the_personal_link(round_, owner, mailoutbox):
    make_action(round_, owner, due_on=TODAY + 2 * DAY)

    run(TODAY)

    mail = mailoutbox[0]
    link = OwnerLink.objects.get()
    assert mail.to == ["fatima@testdorp.nl"]
    assert mail.content_subtype == "plain" and not getattr(mail, "alternatives", None)
    assert mail.body.startswith("Beste Fatima,")
    assert "Moet uiterlijk 12 maart 2027 klaar zijn." in mail.body
    assert f"https://gesprekstool.example/mijn-acties/{link.token}/" in mail.body
    assert (link.email, link.name, link.organisation) == ("fatima@testdorp.nl", "Fatima", round_.organisation)
    assert "&amp;" not in mail.body and "&#x27;" not in mail.body


def test_participants_are_reminded_of_the_follow_up_meeting(
    round_, owner, other_participant, agreement, mailoutbox
):
    meeting = agreement.next_meeting_on

    assert planned(meeting - 4 * DAY) == []
    assert planned(meeting - 3 * DAY) == [
        ("fatima@testdorp.nl", "meeting", f"participant:{owner.pk}", meeting)
    ]
    run(meeting - 3 * DAY)
    assert planned(meeting - 2 * DAY) == []

    assert mailoutbox[0].subject == f"Herinnering: vervolgbijeenkomst op {meeting:%d-%m-%Y}"
    assert "komt weer bij elkaar op" in mailoutbox[0].body
    assert "mijn-acties" not in mailoutbox[0].body  # no actions, so no link
    assert OwnerLink.objects.count() == 0


def test_a_reminder_is_in_the_language_the_participant_last_used(round_, owner, agreement, mailoutbox):
    owner.language = "en"
    owner.save()
    make_action(round_, owner, due_on=TODAY + 2 * DAY)

    run(TODAY)

    assert mailoutbox[0].subject == "Reminder: 1 action is due soon"
    assert mailoutbox[0].body.startswith("Dear Fatima,")


def test_a_reminder_without_a_choice_is_in_the_rounds_language(round_, owner, agreement, mailoutbox):
    round_.language = "en"
    round_.save()
    meeting = agreement.next_meeting_on

    run(meeting - 3 * DAY)

    assert mailoutbox[0].subject == f"Reminder: follow-up meeting on {meeting:%d-%m-%Y}"


def test_no_meeting_reminder_when_the_departments_follow_up(round_, owner, agreement):
    agreement.follow_up = "afdelingen"
    agreement.save()

    assert planned(agreement.next_meeting_on) == []


def test_a_reason_sent_by_an_overlapping_run_is_not_sent_again(round_, owner, mailoutbox):
    action = make_action(round_, owner, due_on=TODAY)
    SentReminderFactory(kind="due_soon", target=f"action:{action.pk}", date=TODAY, recipient="x@y.nl")

    assert run(TODAY) == []
    assert mailoutbox == []


def test_a_race_between_two_runs_is_caught_by_the_unique_constraint(round_, owner, mailoutbox, monkeypatch):
    action = make_action(round_, owner, due_on=TODAY)
    plan = reminders.plan_reminders(TODAY)
    # The other run inserts its record between our planning and our sending.
    SentReminderFactory(kind="due_soon", target=f"action:{action.pk}", date=TODAY, recipient="x@y.nl")
    monkeypatch.setattr(reminders, "plan_reminders", lambda today: plan)

    outcome = reminders.send_reminders(TODAY)

    assert (outcome.sent, len(outcome.already), mailoutbox) == ([], 1, [])


def test_a_failed_mail_leaves_no_record_and_is_tried_again(round_, owner, mailoutbox, monkeypatch):
    make_action(round_, owner, due_on=TODAY)

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    outcome = reminders.send_reminders(TODAY)
    assert len(outcome.failed) == 1
    assert SentReminder.objects.count() == OwnerLink.objects.count() == 0

    monkeypatch.undo()
    assert len(run(TODAY)) == 1


# --- The command ------------------------------------------------------------------------------------------


def test_command_dry_run_prints_and_sends_nothing(round_, owner, mailoutbox, capsys):
    action = make_action(round_, owner, due_on=TODAY)

    call_command("send_reminders", "--dry-run", "--date", TODAY.isoformat())

    out = capsys.readouterr().out
    assert "1 mail(s) would be sent" in out
    assert "would send: fatima@testdorp.nl – Herinnering: 1 actie moet binnenkort klaar zijn" in out
    assert f"due_soon action:{action.pk} {TODAY}" in out
    assert mailoutbox == [] and SentReminder.objects.count() == 0


def test_command_uses_todays_date_on_a_fixed_clock(round_, owner, mailoutbox, monkeypatch, capsys):
    make_action(round_, owner, due_on=TODAY)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY + DAY)

    call_command("send_reminders")
    call_command("send_reminders")

    assert [m.subject for m in mailoutbox] == ["Herinnering: 1 actie is te laat"]
    assert "2027-03-11: 0 mail(s) sent" in capsys.readouterr().out


def test_command_fails_loudly_when_mail_cannot_be_sent(round_, owner, monkeypatch):
    make_action(round_, owner, due_on=TODAY)
    monkeypatch.setattr(
        "django.core.mail.EmailMessage.send",
        lambda self, *a, **k: (_ for _ in ()).throw(OSError("geen server")),
    )

    with pytest.raises(CommandError, match="retried next run"):
        call_command("send_reminders", "--date", TODAY.isoformat())


def test_reminders_of_two_organisations_go_separately(round_, owner, other_organisation):
    other = round_services.create_round(
        organisation=other_organisation, title="E", held_on=TODAY, mode="individual"
    )
    stranger = round_services.add_participant(
        other, display_name="F", domain="armoede", email="fatima@testdorp.nl"
    )
    make_action(round_, owner, due_on=TODAY)
    make_action(other, stranger, due_on=TODAY)

    mails = reminders.plan_reminders(TODAY)

    assert sorted(m.organisation.slug for m in mails) == ["elders", "testdorp"]
