import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import TOTPDeviceFactory, UserFactory

PASSWORD = "geheim-wachtwoord-123"  # the factory's


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the user's phone shows now (or a step later), computed from the device's secret."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def user(db):
    return UserFactory(username="fatima")


@pytest.fixture
def app_device(user):
    return TOTPDeviceFactory(user=user)
