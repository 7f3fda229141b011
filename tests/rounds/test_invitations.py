"""Mailing participants their link and reminding those who have not handed in (rounds/invitations.py)."""

import datetime
import smtplib

import pytest
import time_machine
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from gesprekstool.organisations.models import ActivityEntry
from gesprekstool.rounds import invitations, removal, services
from gesprekstool.rounds.invitations import Kind, MailRefused
from gesprekstool.rounds.models import Participant
from tests.factories import answer_everything

REFUSED_DOMAIN = "@weigert.example"
NOW = datetime.datetime(2026, 10, 20, 9, 0, tzinfo=datetime.UTC)


class RefusingBackend(EmailBackend):
    """The local-memory backend, except that the SMTP server refuses addresses at weigert.example."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.endswith(REFUSED_DOMAIN) for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"no such user")})
        return super().send_messages(messages)


@pytest.fixture
def people(round_):
    """Anna and Bram have an address; Carla has none; Dirk has handed in."""
    anna = services.add_participant(round_, display_name="Anna", domain="armoede", email="anna@example.nl")
    bram = services.add_participant(round_, display_name="Bram", domain="gezondheid", email="bram@example.nl")
    carla = services.add_participant(round_, display_name="Carla", domain="uitvoering")
    dirk = services.add_participant(round_, display_name="Dirk", domain="armoede", email="dirk@example.nl")
    answer_everything(dirk, finish=True)
    return anna, bram, carla, dirk


def fresh(participant: Participant) -> Participant:
    return Participant.objects.get(pk=participant.pk)


def test_invitation_follows_the_language_of_its_reader(round_, people, facilitator, mailoutbox):
    anna, bram = people[:2]
    Participant.objects.filter(pk=bram.pk).update(language="en")

    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects["anna@example.nl"] == "Uw persoonlijke link voor “Armoede en gezondheid 2026”"
    assert subjects["bram@example.nl"] == "Your personal link for “Armoede en gezondheid 2026”"
    assert "Dear Bram" in next(m.body for m in mailoutbox if m.to == ["bram@example.nl"])


@time_machine.travel(NOW, tick=False)
def test_invitation_goes_to_everyone_with_an_address_not_mailed_yet(round_, people, facilitator, mailoutbox):
    anna, bram, carla, dirk = people

    outcome = invitations.send_link_mails(
        round_, kind=Kind.INVITATION, intro="Welkom bij ons gesprek.", by=facilitator
    )

    assert [p.display_name for p in outcome.sent] == ["Anna", "Bram", "Dirk"]
    assert [m.to for m in mailoutbox] == [["anna@example.nl"], ["bram@example.nl"], ["dirk@example.nl"]]
    assert [fresh(p).invited_at for p in people] == [NOW, NOW, None, NOW]


def test_invitation_text_is_dutch_with_the_intro_and_the_own_link(
    round_, people, facilitator, mailoutbox, settings
):
    anna = people[0]

    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom bij ons gesprek.", by=facilitator)

    mail = mailoutbox[0]
    assert mail.subject == "Uw persoonlijke link voor “Armoede en gezondheid 2026”"
    assert mail.body == (
        "Beste Anna,\n\n"
        "Welkom bij ons gesprek.\n\n"
        "Open uw persoonlijke link om te beginnen:\n"
        f"{settings.SITE_URL}/d/{anna.token}/\n\n"
        "Lever uw antwoorden in vóór 20 november 2026.\n"
        "De link is alleen voor u: wie hem heeft, kan uw antwoorden zien en veranderen. "
        "Stuur deze e-mail niet door.\n"
        "Had u deze e-mail niet verwacht? Dan kunt u hem negeren.\n\n"
        "Met vriendelijke groet,\n"
        "De gesprekstool armoede- en gezondheidsbeleid\n"
        f"{settings.SITE_URL}\n"
    )


def test_invitation_is_not_sent_twice(round_, people, facilitator, mailoutbox):
    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    again = invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    assert (again.sent, again.failed, len(mailoutbox)) == ([], [], 3)


def test_activity_log_counts_without_addresses(round_, people, facilitator, mailoutbox, settings):
    settings.EMAIL_BACKEND = "tests.rounds.test_invitations.RefusingBackend"
    services.add_participant(round_, display_name="Eva", domain="armoede", email="eva" + REFUSED_DOMAIN)

    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PARTICIPANTS_INVITED)
    assert (entry.subject, entry.detail) == ("Armoede en gezondheid 2026", "3 verstuurd, 1 mislukt")


def test_a_refused_address_does_not_stop_the_others_and_is_listed(
    round_, people, facilitator, mailoutbox, settings
):
    settings.EMAIL_BACKEND = "tests.rounds.test_invitations.RefusingBackend"
    anna = people[0]
    anna.email = "anna" + REFUSED_DOMAIN
    anna.save()

    outcome = invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    assert [p.display_name for p in outcome.failed] == ["Anna"]
    assert [m.to for m in mailoutbox] == [["bram@example.nl"], ["dirk@example.nl"]]
    assert [p.display_name for p in invitations.failed(round_)] == ["Anna"]
    assert fresh(anna).invited_at is None
    # Anna is still due, and a later mail that gets through clears the failure.
    assert [p.display_name for p in invitations.recipients(round_, kind=Kind.INVITATION)] == ["Anna"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)
    assert invitations.failed(round_) == []


def test_reminder_goes_only_to_those_who_have_not_handed_in(round_, people, facilitator, mailoutbox):
    with time_machine.travel(NOW, tick=False):
        invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)
    mailoutbox.clear()

    with time_machine.travel(NOW + datetime.timedelta(days=2), tick=False):
        outcome = invitations.send_link_mails(round_, kind=Kind.REMINDER, intro="Nog even.", by=facilitator)

    assert [m.to for m in mailoutbox] == [["anna@example.nl"], ["bram@example.nl"]]
    assert mailoutbox[0].subject == "Herinnering: uw antwoorden voor “Armoede en gezondheid 2026”"
    assert "Open uw persoonlijke link om verder te gaan:" in mailoutbox[0].body
    assert fresh(people[0]).reminded_at == NOW + datetime.timedelta(days=2)
    assert [p.display_name for p in outcome.sent] == ["Anna", "Bram"]
    entry = ActivityEntry.objects.get(action=ActivityEntry.Action.PARTICIPANTS_REMINDED)
    assert entry.detail == "2 verstuurd, 0 mislukt"


def test_reminder_waits_the_interval_after_the_last_mail(round_, people, facilitator, mailoutbox):
    with time_machine.travel(NOW, tick=False):
        invitations.send_link_mails(round_, kind=Kind.REMINDER, intro="Nog even.", by=facilitator)
    with time_machine.travel(NOW + datetime.timedelta(hours=23), tick=False):
        too_soon = invitations.send_link_mails(round_, kind=Kind.REMINDER, intro="Nog even.", by=facilitator)
    with time_machine.travel(NOW + datetime.timedelta(hours=24), tick=False):
        later = invitations.send_link_mails(round_, kind=Kind.REMINDER, intro="Nog even.", by=facilitator)

    assert (too_soon.sent, [p.display_name for p in later.sent]) == ([], ["Anna", "Bram"])
    assert len(mailoutbox) == 4


@pytest.mark.parametrize(
    ("who", "kind", "message"),
    [
        pytest.param(3, Kind.REMINDER, "Dirk heeft al ingeleverd.", id="reminder to one who handed in"),
        pytest.param(2, Kind.INVITATION, "Carla heeft geen e-mailadres.", id="invitation without an address"),
    ],
)
def test_a_mail_to_one_participant_is_refused(round_, people, facilitator, mailoutbox, who, kind, message):
    with pytest.raises(MailRefused, match=message):
        invitations.send_link_mails(
            round_, kind=kind, intro="Welkom.", by=facilitator, participant=people[who]
        )

    assert mailoutbox == []


def test_one_participant_can_be_mailed_again(round_, people, facilitator, mailoutbox):
    anna = people[0]
    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    outcome = invitations.send_link_mails(
        round_, kind=Kind.INVITATION, intro="Nogmaals.", by=facilitator, participant=anna
    )

    assert ([p.display_name for p in outcome.sent], mailoutbox[-1].to) == (["Anna"], ["anna@example.nl"])
    assert len(mailoutbox) == 4


def test_participant_without_address_is_listed(round_, people):
    assert [p.display_name for p in invitations.without_address(round_)] == ["Carla"]


def test_closed_round_sends_nothing(round_, people, facilitator, mailoutbox):
    services.close_round(round_)

    with pytest.raises(MailRefused):
        invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    assert (mailoutbox, ActivityEntry.objects.filter(action="participants_invited").count()) == ([], 0)


def test_revoked_link_is_not_mailed(round_, people, facilitator, mailoutbox):
    services.revoke_link(people[0])

    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    assert [m.to for m in mailoutbox] == [["bram@example.nl"], ["dirk@example.nl"]]


def test_a_renewed_link_counts_as_not_mailed(round_, people, facilitator, mailoutbox):
    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    services.renew_link(people[0])

    assert [p.display_name for p in invitations.recipients(round_, kind=Kind.INVITATION)] == ["Anna"]


def test_removing_personal_data_removes_address_and_failure(round_, people, facilitator, settings):
    settings.EMAIL_BACKEND = "tests.rounds.test_invitations.RefusingBackend"
    anna = people[0]
    anna.email = "anna" + REFUSED_DOMAIN
    anna.save()
    invitations.send_link_mails(round_, kind=Kind.INVITATION, intro="Welkom.", by=facilitator)

    removal.remove_personal_data(round_, by=None)

    assert list(round_.participants.values_list("email", "mail_failed_at")) == [("", None)] * 4


def test_summary_counts_what_the_round_page_shows(round_, people, facilitator):
    anna, bram, carla, dirk = people
    anna.invited_at = timezone.now()
    bram.mail_failed_at = timezone.now()

    assert invitations.summary([anna, bram, carla, fresh(dirk)]) == invitations.MailSummary(
        to_invite=2, to_remind=1, without_address=1, failed=1
    )


def test_preview_shows_the_intro_and_a_placeholder_for_the_link(round_, people):
    subject, body = invitations.preview(
        round_, kind=Kind.INVITATION, intro="Eigen tekst.", participant=people[0]
    )

    assert (subject, body.splitlines()[:5]) == (
        "Uw persoonlijke link voor “Armoede en gezondheid 2026”",
        ["Beste Anna,", "", "Eigen tekst.", "", "Open uw persoonlijke link om te beginnen:"],
    )
    assert "[…]" in body
