"""The password reset page sends a limited number of mails per e-mail address and per client address."""

import datetime
import re
from http import HTTPStatus

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from gesprekstool.lib import daily
from gesprekstool.organisations import password_reset
from gesprekstool.organisations.daily import forget_password_reset_requests_job
from gesprekstool.organisations.models import PasswordResetRequest
from tests.factories import UserFactory

START = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)
HOME = "192.0.2.10"
REFUSED = (
    "Er is te vaak om een nieuw wachtwoord gevraagd. Wacht 60 minuten en probeer het dan opnieuw. "
    "Heeft u al een e-mail met een link gekregen? Dan kunt u die link gebruiken."
)


@pytest.fixture
def anna(db):
    return UserFactory(username="anna", email="Anna.Smit@Example.nl")


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def ask(client, email: str, ip: str = HOME):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=ip)


def ask_times(client, times: int, email: str, ip: str = HOME) -> list[int]:
    return [ask(client, email, ip).status_code for _ in range(times)]


def assert_refused(response):
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    html = response.content.decode()
    assert REFUSED in html
    assert 'name="email"' in html  # the same form page, to try again later


def test_the_defaults_are_three_per_address_and_ten_per_client_in_an_hour(settings):
    assert (
        settings.PASSWORD_RESET_EMAIL_LIMIT,
        settings.PASSWORD_RESET_IP_LIMIT,
        settings.PASSWORD_RESET_WINDOW_MINUTES,
    ) == (3, 10, 60)


def test_an_address_gets_mails_up_to_its_limit(client, anna, clock):
    statuses = ask_times(client, 3, "anna.smit@example.nl")

    assert statuses == [HTTPStatus.FOUND] * 3
    assert [message.to for message in mail.outbox] == [["Anna.Smit@Example.nl"]] * 3


def test_an_address_over_its_limit_gets_429_and_no_mail(client, anna, clock):
    ask_times(client, 3, "anna.smit@example.nl")

    response = ask(client, "anna.smit@example.nl")

    assert_refused(response)
    assert len(mail.outbox) == 3
    assert PasswordResetRequest.objects.count() == 3  # a refused request is not stored


def test_the_address_limit_holds_from_other_clients_too(client, anna, clock):
    ask_times(client, 3, "anna.smit@example.nl", ip="198.51.100.1")

    response = ask(client, "anna.smit@example.nl", ip="198.51.100.2")

    assert_refused(response)
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    "spelling", ["ANNA.SMIT@EXAMPLE.NL", " anna.smit@example.nl ", "Anna.Smit@Example.nl  "]
)
def test_every_spelling_of_an_address_counts_as_the_same_address(client, anna, clock, spelling):
    ask_times(client, 3, "anna.smit@example.nl")

    response = ask(client, spelling)

    assert_refused(response)
    assert len(mail.outbox) == 3


def test_another_address_is_not_held_back_by_one_over_its_limit(client, anna, clock):
    UserFactory(username="bram", email="bram@example.nl")
    ask_times(client, 4, "anna.smit@example.nl")

    response = ask(client, "bram@example.nl")

    assert response.status_code == HTTPStatus.FOUND
    assert mail.outbox[-1].to == ["bram@example.nl"]


def test_a_client_gets_answers_up_to_its_limit_then_429(client, db, clock):
    addresses = [f"collega{n}@example.nl" for n in range(11)]
    UserFactory(username="laatste", email=addresses[-1])

    statuses = [ask(client, address).status_code for address in addresses[:10]]
    response = ask(client, addresses[-1])

    assert statuses == [HTTPStatus.FOUND] * 10
    assert_refused(response)
    assert mail.outbox == []  # the first ten have no account, the eleventh is refused


def test_another_client_is_not_held_back_by_one_over_its_limit(client, anna, clock):
    for n in range(11):
        ask(client, f"collega{n}@example.nl")

    response = ask(client, "anna.smit@example.nl", ip="198.51.100.7")

    assert response.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 1


def page_without(response, typed: str) -> str:
    """The page without what was typed and without its CSRF tokens (new for every page)."""
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode().replace(typed, "TYPED"))


def test_the_refusal_says_the_same_for_an_address_without_an_account(client, anna, clock):
    ask_times(client, 3, "anna.smit@example.nl")
    ask_times(client, 3, "onbekend@example.nl", ip="198.51.100.3")

    known = ask(client, "anna.smit@example.nl")
    unknown = ask(client, "onbekend@example.nl", ip="198.51.100.3")

    assert_refused(known)
    assert_refused(unknown)
    assert page_without(known, "anna.smit") == page_without(unknown, "onbekend")


def test_the_wait_is_said_in_the_hosts_window(client, anna, clock, settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 1
    settings.PASSWORD_RESET_WINDOW_MINUTES = 1
    ask(client, "anna.smit@example.nl")

    response = ask(client, "anna.smit@example.nl")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Wacht 1 minuut en probeer het dan opnieuw." in response.content.decode()


def test_a_request_counts_until_its_window_has_passed(client, anna, clock):
    ask_times(client, 3, "anna.smit@example.nl")

    clock.shift(datetime.timedelta(minutes=60))
    at_the_end = ask(client, "anna.smit@example.nl")
    clock.shift(MINUTE)
    after = ask(client, "anna.smit@example.nl")

    assert at_the_end.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert after.status_code == HTTPStatus.FOUND
    assert len(mail.outbox) == 4


def test_only_the_requests_inside_the_window_count(client, anna, clock):
    ask(client, "anna.smit@example.nl")
    clock.shift(30 * MINUTE)
    ask_times(client, 2, "anna.smit@example.nl")
    clock.shift(31 * MINUTE)  # the first request no longer counts, the other two do

    statuses = ask_times(client, 2, "anna.smit@example.nl")

    assert statuses == [HTTPStatus.FOUND, HTTPStatus.TOO_MANY_REQUESTS]


def test_a_malformed_address_is_refused_as_before_and_not_counted(client, db, clock):
    response = ask(client, "anna@")

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert PasswordResetRequest.objects.count() == 0


def test_a_request_is_stored_without_the_plain_address_or_client(client, anna, clock):
    ask(client, " Anna.Smit@Example.NL ", ip=HOME)

    stored = PasswordResetRequest.objects.get()

    values = [str(value) for value in PasswordResetRequest.objects.values_list().get()]
    assert not [value for value in values if "anna" in value.lower() or HOME in value]
    assert stored.email_hash == password_reset.email_hash("anna.smit@example.nl")
    assert stored.ip_hash == password_reset.ip_hash(HOME)
    assert len(stored.email_hash) == len(stored.ip_hash) == 64
    assert stored.created_at == START


def test_the_hashes_of_address_and_client_use_their_own_keys():
    assert password_reset.email_hash(HOME) != password_reset.ip_hash(HOME)


def test_the_service_records_only_what_it_allows(db, clock, settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 2

    allowed = [password_reset.record_request(email="a@example.nl", ip=HOME) for _ in range(3)]

    assert allowed == [True, True, False]
    assert PasswordResetRequest.objects.count() == 2


def make_requests(clock, *ages_in_minutes: int) -> None:
    """One request per age, made that many minutes before START (the clock ends at START)."""
    for age in sorted(ages_in_minutes, reverse=True):
        clock.move_to(START - age * MINUTE)
        password_reset.record_request(email=f"{age}@example.nl", ip=f"198.51.100.{age % 250}")
    clock.move_to(START)


def test_the_daily_run_deletes_only_requests_whose_window_has_passed(db, clock):
    make_requests(clock, 60 * 24, 61, 59, 1)

    lines = forget_password_reset_requests_job(today=START.date(), dry_run=False)

    assert lines == ["2 password reset request(s) deleted."]
    kept = PasswordResetRequest.objects.order_by("created_at").values_list("created_at", flat=True)
    assert list(kept) == [START - 59 * MINUTE, START - MINUTE]


def test_the_daily_run_follows_the_hosts_window(db, clock, settings):
    make_requests(clock, 20, 5)
    settings.PASSWORD_RESET_WINDOW_MINUTES = 10

    lines = forget_password_reset_requests_job(today=START.date(), dry_run=False)

    assert lines == ["1 password reset request(s) deleted."]
    assert PasswordResetRequest.objects.count() == 1


def test_the_daily_run_dry_run_deletes_nothing(db, clock):
    make_requests(clock, 120)

    lines = forget_password_reset_requests_job(today=START.date(), dry_run=True)

    assert lines == ["1 password reset request(s) would be deleted."]
    assert PasswordResetRequest.objects.count() == 1


def test_forgetting_password_reset_requests_is_registered_in_the_daily_run():
    assert "password_reset_requests" in [job.name for job in daily.jobs()]
