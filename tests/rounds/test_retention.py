"""Retention of personal data with a frozen clock: for each rule the day before nothing happens,
on the day it does, and a dry run changes nothing."""

import datetime
import io
import json
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from gesprekstool.agenda.models import OwnerLink, SentReminder
from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.reports.roundfile import render_round_file
from gesprekstool.rounds import retention, services
from gesprekstool.rounds.models import Participant, Round
from tests.factories import (
    ActionFactory,
    ActionNoteFactory,
    MembershipFactory,
    OwnerLinkFactory,
    SentReminderFactory,
    answer_everything,
)

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Closed late in the evening: in UTC that is already the next day, so a rule that counted in UTC
# would be a day off.
CLOSED = datetime.datetime(2027, 1, 10, 23, 30, tzinfo=AMSTERDAM)
CLOSED_ON = datetime.date(2027, 1, 10)


def day(n: int) -> datetime.date:
    return CLOSED_ON + datetime.timedelta(days=n)


def at(date: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(3, 0), tzinfo=AMSTERDAM)


def run(job, date: datetime.date, *, dry_run: bool = False) -> list[str]:
    """Run a daily job with the clock frozen on that day, as cron would at night."""
    with time_machine.travel(at(date), tick=False):
        return job(today=timezone.localdate(), dry_run=dry_run)


@pytest.fixture
def closed_round(round_, participant):
    participant.email = "fatima@example.nl"
    participant.save()
    answer_everything(participant)
    with time_machine.travel(CLOSED, tick=False):
        services.close_round(round_)
    round_.refresh_from_db()
    return round_


# --- Calculations ---------------------------------------------------------------------------------


def test_personal_data_until_counts_days_from_closing():
    assert retention.personal_data_until(CLOSED_ON, 90) == datetime.date(2027, 4, 10)


def test_deletion_on_is_never_sooner_than_fourteen_days_after_the_warning():
    assert retention.deletion_on(CLOSED_ON, 60, None) == day(60)
    assert retention.deletion_on(CLOSED_ON, 60, day(46)) == day(60)
    assert retention.deletion_on(CLOSED_ON, 60, day(55)) == day(69)
    assert retention.deletion_on(CLOSED_ON, None, None) is None


def test_warning_is_due_fourteen_days_before_deletion():
    assert retention.warning_due_on(CLOSED_ON, 60) == day(46)
    assert retention.warning_due_on(CLOSED_ON, None) is None


def test_retention_of_an_open_round_has_no_dates(round_):
    result = retention.retention_of(round_)

    assert (result.personal_data_until, result.deletion_on, result.participant_data_days) == (None, None, 90)


def test_retention_of_a_closed_round_counts_in_local_days(closed_round):
    closed_round.organisation.round_delete_days = 365
    closed_round.organisation.save()

    result = retention.retention_of(closed_round)

    assert (result.personal_data_until, result.deletion_on) == (day(90), day(365))


# --- Names, departments and e-mail addresses ---------------------------------------------------------


def test_personal_data_stays_on_the_day_before_the_period_ends(closed_round, participant):
    lines = run(retention.daily_personal_data, day(89))

    participant.refresh_from_db()
    assert (lines, participant.display_name, participant.email) == ([], "Fatima", "fatima@example.nl")


def test_personal_data_goes_on_the_day_the_period_ends(closed_round, participant):
    answers_before = sorted(participant.scores.values_list("theme", "first"))

    lines = run(retention.daily_personal_data, day(90))

    participant.refresh_from_db()
    closed_round.refresh_from_db()
    assert len(lines) == 1
    assert (participant.display_name, participant.department, participant.email) == (
        "Deelnemer 1 (Armoede)",
        "",
        "",
    )
    assert closed_round.anonymised is True
    assert timezone.localdate(closed_round.personal_data_removed_at) == day(90)
    assert sorted(participant.scores.values_list("theme", "first")) == answers_before
    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PERSONAL_DATA_REMOVED)
    assert (entry.actor, entry.actor_name, entry.subject) == (None, "", closed_round.title)


def test_round_file_of_an_anonymised_round_carries_no_names(closed_round, participant):
    run(retention.daily_personal_data, day(90))

    data = json.loads(render_round_file(Round.objects.get(pk=closed_round.pk)))

    text = json.dumps(data, ensure_ascii=False)
    assert ("Fatima" in text, "Werk en Inkomen" in text, "fatima@example.nl" in text) == (False, False, False)
    assert [sorted(set(p) & {"name", "department", "email"}) for p in data["participants"]] == [[]]


def test_anonymised_round_cannot_be_shown_by_name_again(closed_round, facilitator_client):
    run(retention.daily_personal_data, day(90))

    facilitator_client.post(f"/rondes/{closed_round.pk}/instellingen/", {"results_for_participants": "on"})

    closed_round.refresh_from_db()
    assert closed_round.anonymised is True


def test_personal_data_removal_runs_once(closed_round):
    run(retention.daily_personal_data, day(90))

    lines = run(retention.daily_personal_data, day(91))

    assert (lines, ActivityEntry.objects.count()) == ([], 1)


def test_personal_data_dry_run_lists_and_changes_nothing(closed_round, participant):
    lines = run(retention.daily_personal_data, day(90), dry_run=True)

    participant.refresh_from_db()
    closed_round.refresh_from_db()
    assert len(lines) == 1 and lines[0].startswith("would remove names and e-mail addresses: round")
    assert (
        participant.display_name,
        closed_round.personal_data_removed_at,
        ActivityEntry.objects.count(),
    ) == (
        "Fatima",
        None,
        0,
    )


def test_personal_data_of_an_open_round_stays(round_, participant):
    lines = run(retention.daily_personal_data, day(1000))

    participant.refresh_from_db()
    assert (lines, participant.display_name) == ([], "Fatima")


def test_personal_data_follows_the_organisations_own_period(closed_round, participant):
    closed_round.organisation.participant_data_days = 30
    closed_round.organisation.save()

    assert run(retention.daily_personal_data, day(29)) == []
    assert len(run(retention.daily_personal_data, day(30))) == 1


def test_anonymising_forgets_reminders_and_unused_owner_links(closed_round, participant):
    ActionFactory(round=closed_round, theme="A", description="Iets doen", owner=participant)
    SentReminderFactory(
        kind="meeting", target=f"participant:{participant.pk}", date=day(5), recipient=participant.email
    )
    OwnerLinkFactory(organisation=closed_round.organisation, email=participant.email, expires_at=at(day(200)))

    run(retention.daily_personal_data, day(90))

    assert (SentReminder.objects.count(), OwnerLink.objects.count()) == (0, 0)


# --- Deleting whole rounds ---------------------------------------------------------------------------


@pytest.fixture
def deleting_organisation(closed_round, facilitator):
    facilitator.email = "leider@example.nl"
    facilitator.save()
    closed_round.organisation.round_delete_days = 60
    closed_round.organisation.save()
    return closed_round.organisation


def test_no_warning_fifteen_days_before_deletion(deleting_organisation, closed_round):
    lines = run(retention.daily_round_deletion, day(45))

    assert (lines, len(mail.outbox)) == ([], 0)


def test_warning_exactly_fourteen_days_before_deletion_and_only_once(deleting_organisation, closed_round):
    run(retention.daily_round_deletion, day(46))
    run(retention.daily_round_deletion, day(46))
    run(retention.daily_round_deletion, day(47))

    closed_round.refresh_from_db()
    assert len(mail.outbox) == 1
    assert (mail.outbox[0].bcc, mail.outbox[0].subject) == (
        ["leider@example.nl"],
        "De ronde “Armoede en gezondheid 2026” wordt over 14 dagen verwijderd",
    )
    assert "11 maart 2027" in mail.outbox[0].body
    assert timezone.localdate(closed_round.deletion_warned_at) == day(46)


def test_the_warning_goes_to_each_facilitator_in_their_language(
    deleting_organisation, closed_round, facilitator
):
    english = MembershipFactory(organisation=deleting_organisation, language="en").user
    english.email = "lead@example.org"
    english.save()

    run(retention.daily_round_deletion, day(46))

    assert sorted((m.bcc, m.subject) for m in mail.outbox) == [
        (["lead@example.org"], "The round “Armoede en gezondheid 2026” will be deleted in 14 days"),
        (["leider@example.nl"], "De ronde “Armoede en gezondheid 2026” wordt over 14 dagen verwijderd"),
    ]
    english_body = next(m.body for m in mail.outbox if m.bcc == ["lead@example.org"])
    assert english_body.startswith("Dear facilitator,")
    assert "11 March 2027" in english_body


def test_round_stays_the_day_before_deletion(deleting_organisation, closed_round):
    run(retention.daily_round_deletion, day(46))

    lines = run(retention.daily_round_deletion, day(59))

    assert (lines, Round.objects.filter(pk=closed_round.pk).exists()) == ([], True)


def test_round_is_deleted_on_the_day(deleting_organisation, closed_round, participant):
    run(retention.daily_round_deletion, day(46))

    lines = run(retention.daily_round_deletion, day(60))

    assert len(lines) == 1 and lines[0].startswith("deleted: round")
    assert (Round.objects.filter(pk=closed_round.pk).exists(), Participant.objects.count()) == (False, 0)
    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.ROUND_DELETED)
    assert (entry.actor_name, entry.subject, entry.detail) == ("", closed_round.title, "bewaartermijn")


def test_round_is_not_deleted_without_a_warning_fourteen_days_before(deleting_organisation, closed_round):
    """The period was shortened after the warning day had passed: warned now, deleted 14 days later."""
    run(retention.daily_round_deletion, day(70))
    assert (len(mail.outbox), Round.objects.filter(pk=closed_round.pk).exists()) == (1, True)

    run(retention.daily_round_deletion, day(83))
    assert Round.objects.filter(pk=closed_round.pk).exists() is True

    run(retention.daily_round_deletion, day(84))
    assert Round.objects.filter(pk=closed_round.pk).exists() is False


def test_round_deletion_dry_run_sends_and_deletes_nothing(deleting_organisation, closed_round):
    warn_lines = run(retention.daily_round_deletion, day(46), dry_run=True)
    closed_round.deletion_warned_at = at(day(46))
    closed_round.save()
    delete_lines = run(retention.daily_round_deletion, day(60), dry_run=True)

    assert warn_lines == [
        f"would announce deletion: round {closed_round.pk} “Armoede en gezondheid 2026” (Gemeente Testdorp, "
        "closed 2027-01-10) to leider@example.nl"
    ]
    assert delete_lines[0].startswith("would delete: round")
    assert (len(mail.outbox), Round.objects.filter(pk=closed_round.pk).exists()) == (0, True)


def test_rounds_are_kept_when_the_organisation_keeps_them(closed_round):
    lines = run(retention.daily_round_deletion, day(5000))

    assert (lines, len(mail.outbox), Round.objects.count()) == ([], 0, 1)


def test_reopening_a_round_calls_off_the_announced_deletion(deleting_organisation, closed_round):
    run(retention.daily_round_deletion, day(46))
    closed_round.refresh_from_db()

    services.reopen_round(closed_round)

    closed_round.refresh_from_db()
    assert closed_round.deletion_warned_at is None
    assert run(retention.daily_round_deletion, day(100)) == []


def test_daily_command_dry_run_lists_what_would_go(deleting_organisation, closed_round):
    from django.core.management import call_command  # noqa: PLC0415

    out = io.StringIO()
    with time_machine.travel(at(day(90)), tick=False):
        call_command("daily", "--dry-run", stdout=out)

    text = out.getvalue()
    assert "[participant_data] (dry run)\n  would remove names and e-mail addresses: round" in text
    assert "[round_deletion] (dry run)\n  would announce deletion: round" in text
    assert ("[owner_emails] (dry run)" in text, "[activity_log] (dry run)" in text) == (True, True)
    closed_round.refresh_from_db()
    assert (closed_round.personal_data_removed_at, closed_round.deletion_warned_at, len(mail.outbox)) == (
        None,
        None,
        0,
    )


def test_anonymising_takes_the_name_off_notes_written_through_the_link(closed_round, participant):
    from gesprekstool.agenda.models import ActionNote  # noqa: PLC0415

    action = ActionFactory(round=closed_round, theme="A", description="Iets doen", owner=participant)
    ActionNoteFactory(action=action, text="Gedaan", author_name="Fatima", via_link=True)
    SentReminderFactory(
        kind="overdue", target=f"action:{action.pk}", date=day(5), recipient=participant.email
    )

    run(retention.daily_personal_data, day(90))

    assert list(ActionNote.objects.values_list("author_name", flat=True)) == ["Deelnemer 1 (Armoede)"]
    assert SentReminder.objects.count() == 0
