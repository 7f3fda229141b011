"""Login throttling with django-axes: per account and, separately, per address."""

import datetime
from http import HTTPStatus

from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from .conftest import PASSWORD, totp_code


def lockout_text(minutes: int) -> str:
    with translation.override("nl"):
        return ngettext(
            "Logging in failed too often for this account or from this address. To protect the account, logging in is paused. Try again in %(minutes)s minute.",
            "Logging in failed too often for this account or from this address. To protect the account, logging in is paused. Try again in %(minutes)s minutes.",
            minutes,
        ) % {"minutes": minutes}


def attempt(client, username="fatima", password="fout", address="192.0.2.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_with_a_dutch_429(client, user):
    statuses = [attempt(client).status_code for _ in range(5)]

    locked = attempt(client, password=PASSWORD)

    assert statuses == [*[HTTPStatus.OK] * 4, HTTPStatus.TOO_MANY_REQUESTS]
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert lockout_text(15) in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_account_stays_locked_from_another_address(client, user):
    for n in range(5):
        attempt(client, address=f"192.0.2.{n + 1}")

    response = attempt(client, password=PASSWORD, address="198.51.100.1")

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_an_address_that_tried_many_accounts_is_locked_for_every_account(client, user):
    for n in range(5):
        attempt(client, username=f"gok{n}")

    response = attempt(client, password=PASSWORD)

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_the_lock_ends_after_the_cool_off(client, user):
    for _ in range(5):
        attempt(client)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))

    response = attempt(client, password=PASSWORD)

    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_good_login_resets_the_count(client, user):
    for _ in range(4):
        attempt(client)
    attempt(client, password=PASSWORD)
    client.post(reverse("logout"))

    statuses = [attempt(client).status_code for _ in range(4)]

    assert statuses == [HTTPStatus.OK] * 4


def test_limits_come_from_the_settings(client, user, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)

    statuses = [attempt(client).status_code for _ in range(2)]
    locked = attempt(client, password=PASSWORD)

    assert statuses == [HTTPStatus.OK, HTTPStatus.TOO_MANY_REQUESTS]
    assert lockout_text(30) in locked.content.decode()


def test_wrong_codes_in_the_second_step_lock_the_account_too(client, user, app_device, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own pause between tries would hide axes' count
    client.post(reverse("login"), {"username": "fatima", "password": PASSWORD})
    right = totp_code(app_device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    statuses = [client.post(reverse("login_code"), {"code": wrong}).status_code for _ in range(3)]
    with_the_right_code = client.post(reverse("login_code"), {"code": right})

    assert statuses == [*[HTTPStatus.UNPROCESSABLE_ENTITY] * 2, HTTPStatus.TOO_MANY_REQUESTS]
    assert with_the_right_code.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session


def test_behind_a_trusted_proxy_the_forwarded_address_is_locked(client, user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        client.post(
            reverse("login"),
            {"username": f"gok{n}", "password": "fout"},
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )

    same = client.post(
        reverse("login"), {"username": "fatima", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    other = client.post(
        reverse("login"), {"username": "fatima", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.6"
    )

    assert same.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert other.status_code == HTTPStatus.FOUND
