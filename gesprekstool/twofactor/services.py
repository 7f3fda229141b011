"""Turning two-step login on and off, and its recovery codes. All state lives in django-otp's models."""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def start_setup(*, user) -> TOTPDevice:
    """A new, unconfirmed app device with a fresh secret. Side effect: deletes earlier unconfirmed
    ones, so at most one secret waits to be confirmed; a confirmed app keeps working until the new
    one is confirmed."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        return TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def pending_device(*, user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def confirm_setup(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the app when `code` is right: returns the new recovery codes (shown once), or None.

    Side effects on success: the device is confirmed, every other app device of the user is
    deleted (setting up again replaces the old phone), and new recovery codes replace old ones.
    A wrong code counts towards django-otp's throttle on the device."""
    if not device.verify_token(code):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        return new_recovery_codes(user=device.user)


def new_recovery_codes(*, user) -> list[str]:
    """Ten new single-use recovery codes. Side effect: every earlier code stops working."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        return codes


def recovery_codes_left(*, user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


def turn_off(*, user) -> None:
    """Side effect: deletes the user's app devices and recovery codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
