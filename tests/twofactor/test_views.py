from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from gesprekstool.twofactor import services
from tests.factories import ParticipantFactory, TOTPDeviceFactory, UserFactory, login_with_two_factor

from .conftest import PASSWORD, totp_code


def dutch(msgid: str) -> str:
    with translation.override("nl"):
        return gettext(msgid)


def log_in(client, username="fatima", password=PASSWORD, next_url=""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data)


# --- Login ---------------------------------------------------------------------------------------------


def test_login_without_an_app_logs_in_at_once(client, user):
    response = log_in(client)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("rounds:list")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_with_an_app_asks_for_the_code_before_logging_in(client, user, app_device):
    password_step = log_in(client, next_url="/voortgang/")
    between = client.get(reverse("rounds:list"))
    code_step = client.post(reverse("login_code"), {"code": totp_code(app_device)})

    assert password_step.url == reverse("login_code")
    assert between.status_code == HTTPStatus.FOUND
    assert between.url.startswith(reverse("login"))
    assert code_step.status_code == HTTPStatus.FOUND
    assert code_step.url == "/voortgang/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session[DEVICE_ID_SESSION_KEY] == app_device.persistent_id


def test_login_code_page_shows_the_form(client, user, app_device):
    log_in(client)

    response = client.get(reverse("login_code"))

    assert response.status_code == HTTPStatus.OK
    assert dutch("Enter your code") in response.content.decode()


def test_login_code_that_is_wrong_is_refused_and_counts_as_a_failed_login(client, user, app_device):
    log_in(client)
    right = totp_code(app_device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    response = client.post(reverse("login_code"), {"code": wrong})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert dutch("That code is not correct. Check the app and try again.") in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="fatima").failures_since_start == 1


def test_login_code_without_the_password_step_goes_back_to_login(client, db):
    response = client.post(reverse("login_code"), {"code": "123456"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("login")


def test_login_code_after_the_time_ran_out_goes_back_to_login(client, user, app_device, settings):
    log_in(client)
    settings.TWO_FACTOR_LOGIN_TIMEOUT = settings.TWO_FACTOR_LOGIN_TIMEOUT * 0

    response = client.post(reverse("login_code"), {"code": totp_code(app_device)})

    assert response.url == reverse("login")
    assert "_auth_user_id" not in client.session


def test_login_with_a_recovery_code_works_once(client, user, app_device):
    codes = services.new_recovery_codes(user=user)
    log_in(client)
    first = client.post(reverse("login_code"), {"code": codes[0].upper()})
    client.post(reverse("logout"))
    log_in(client)
    again = client.post(reverse("login_code"), {"code": codes[0]})

    assert first.status_code == HTTPStatus.FOUND
    assert again.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert services.recovery_codes_left(user=user) == 9


def test_login_code_with_the_wrong_password_never_reaches_the_code_step(client, user, app_device):
    response = log_in(client, password="fout")

    assert response.status_code == HTTPStatus.OK
    assert "two_factor_pending" not in client.session


# --- Setting up, recovery codes, turning off --------------------------------------------------------------


@pytest.mark.parametrize("name", ["overview", "setup", "disable"])
def test_two_factor_pages_need_a_login(client, db, name):
    response = client.get(reverse(f"two_factor:{name}"))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


def test_recovery_codes_need_a_login(client, db):
    response = client.post(reverse("two_factor:recovery_codes"))

    assert response.url.startswith(reverse("login"))


def test_overview_says_whether_it_is_on(client, user):
    client.force_login(user)

    before = client.get(reverse("two_factor:overview")).content.decode()
    TOTPDeviceFactory(user=user)
    after = client.get(reverse("two_factor:overview")).content.decode()

    assert dutch("Two-step login is off.") in before
    assert dutch("Two-step login is on.") in after


def test_setup_shows_a_qr_code_and_the_secret_as_text(client, user):
    client.force_login(user)

    response = client.get(reverse("two_factor:setup"))

    page = response.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert response.status_code == HTTPStatus.OK
    assert device.confirmed is False
    assert "<svg" in page
    assert response.context["secret"].replace(" ", "") in device.config_url
    assert response.context["secret"] in page


def test_setup_with_a_real_code_turns_it_on_and_shows_ten_recovery_codes_once(client, user):
    client.force_login(user)
    client.get(reverse("two_factor:setup"))
    device = TOTPDevice.objects.get(user=user)

    response = client.post(reverse("two_factor:setup"), {"code": totp_code(device)})

    codes = response.context["codes"]
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert TOTPDevice.objects.get(user=user).confirmed is True
    assert len(set(codes)) == 10
    assert all(code in page for code in codes)
    assert sorted(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == sorted(
        codes
    )
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert response["Cache-Control"] == "no-store"


def test_setup_with_a_wrong_code_changes_nothing(client, user):
    client.force_login(user)
    client.get(reverse("two_factor:setup"))
    device = TOTPDevice.objects.get(user=user)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("two_factor:setup"), {"code": wrong})

    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert TOTPDevice.objects.get(user=user).confirmed is False
    assert StaticToken.objects.count() == 0


def test_setup_again_replaces_the_old_phone(client, user, app_device):
    client.force_login(user)
    client.get(reverse("two_factor:setup"))
    new = TOTPDevice.objects.get(user=user, confirmed=False)

    client.post(reverse("two_factor:setup"), {"code": totp_code(new)})

    assert list(TOTPDevice.objects.filter(user=user).values_list("pk", "confirmed")) == [(new.pk, True)]


def test_new_recovery_codes_replace_the_old_ones(client, user, app_device):
    old = services.new_recovery_codes(user=user)
    client.force_login(user)

    response = client.post(reverse("two_factor:recovery_codes"))

    new = response.context["codes"]
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(new) == 10
    assert stored == set(new)
    assert stored.isdisjoint(old)


def test_recovery_codes_without_an_app_are_not_made(client, user):
    client.force_login(user)

    response = client.post(reverse("two_factor:recovery_codes"))

    assert response.url == reverse("two_factor:overview")
    assert StaticToken.objects.count() == 0


def test_turning_off_asks_for_the_password(client, user, app_device):
    services.new_recovery_codes(user=user)
    client.force_login(user)

    refused = client.post(reverse("two_factor:disable"), {"password": "fout"})
    still_on = TOTPDevice.objects.filter(user=user).count()
    done = client.post(reverse("two_factor:disable"), {"password": PASSWORD})

    assert refused.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert dutch("That password is not correct.") in refused.content.decode()
    assert still_on == 1
    assert done.url == reverse("two_factor:overview")
    assert (TOTPDevice.objects.count(), StaticToken.objects.count()) == (0, 0)


def test_turning_off_is_refused_when_the_host_requires_it(client, user, settings):
    settings.REQUIRE_2FA = True
    login_with_two_factor(client, user)

    response = client.post(reverse("two_factor:disable"), {"password": PASSWORD})

    assert response.url == reverse("two_factor:overview")
    assert TOTPDevice.objects.filter(user=user).count() == 1


# --- REQUIRE_2FA --------------------------------------------------------------------------------------


def test_require_2fa_sends_a_user_without_an_app_to_the_setup(client, user, settings):
    settings.REQUIRE_2FA = True
    client.force_login(user)

    response = client.get(reverse("rounds:list"))
    htmx = client.get(reverse("rounds:list"), HTTP_HX_REQUEST="true")

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("two_factor:setup")
    assert htmx["HX-Redirect"] == reverse("two_factor:setup")


def test_require_2fa_still_lets_the_user_set_up_log_out_and_answer(client, user, settings):
    settings.REQUIRE_2FA = True
    participant = ParticipantFactory()
    client.force_login(user)

    setup = client.get(reverse("two_factor:setup"))
    participant_page = client.get(reverse("fill:intro", kwargs={"key": participant.token}))
    join_page = client.get(reverse("join_start"))
    logout = client.post(reverse("logout"))

    assert (setup.status_code, participant_page.status_code, join_page.status_code) == (
        HTTPStatus.OK,
        HTTPStatus.OK,
        HTTPStatus.OK,
    )
    assert logout.url == reverse("login")


def test_require_2fa_lets_a_verified_user_through(client, user, settings):
    settings.REQUIRE_2FA = True
    login_with_two_factor(client, user)

    response = client.get(reverse("rounds:list"))

    assert response.status_code == HTTPStatus.OK
    assert f'<h1 class="utrecht-heading-1">{gettext("Rounds")}</h1>' in response.content.decode()


def test_without_require_2fa_a_user_without_an_app_works_as_before(client, user):
    client.force_login(user)

    response = client.get(reverse("rounds:list"))

    assert response.status_code == HTTPStatus.OK
    assert f'<h1 class="utrecht-heading-1">{gettext("Rounds")}</h1>' in response.content.decode()


# --- The admin ------------------------------------------------------------------------------------------


def test_admin_for_an_anonymous_visitor_goes_to_the_sites_login(client, db):
    first = client.get("/beheer/")
    second = client.get(first.url)

    assert first.url == "/beheer/login/?next=/beheer/"
    assert second.url == f"{reverse('login')}?next=%2Fbeheer%2F"


def test_admin_asks_staff_for_the_second_step(client, db):
    staff = UserFactory(username="beheer", is_staff=True, is_superuser=True)
    client.force_login(staff)

    first = client.get("/beheer/")
    second = client.get(first.url)

    assert first.status_code == HTTPStatus.FOUND
    assert second.url == reverse("two_factor:setup")


def test_admin_opens_for_verified_staff(client, db):
    staff = UserFactory(username="beheer", is_staff=True, is_superuser=True)
    login_with_two_factor(client, staff)

    response = client.get("/beheer/")

    assert response.status_code == HTTPStatus.OK
    assert 'id="site-name"' in response.content.decode()
    assert 'action="/beheer/logout/"' in response.content.decode()


def test_admin_login_sends_verified_staff_on_to_the_admin(client, db):
    """Regression (access matrix): verified staff opening /beheer/login/ were told they had no access."""
    staff = UserFactory(username="beheer", is_staff=True)
    login_with_two_factor(client, staff)

    response = client.get("/beheer/login/", {"next": "/beheer/auth/user/"})

    assert (response.status_code, response.url) == (HTTPStatus.FOUND, "/beheer/auth/user/")


def test_admin_refuses_a_verified_user_who_is_not_staff(client, user):
    login_with_two_factor(client, user)

    response = client.get(client.get("/beheer/").url)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert dutch("No access to the admin") in response.content.decode()


def test_admin_login_ignores_a_next_to_another_site(client, db):
    response = client.get("/beheer/login/", {"next": "https://elders.example/"})

    assert response.url == f"{reverse('login')}?next=%2Fbeheer%2F"
