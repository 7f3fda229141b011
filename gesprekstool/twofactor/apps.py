from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    """Two-step login: an authenticator app (TOTP) and recovery codes, on django-otp.

    Bottom layer, next to `organisations`: depends on Django and django-otp only."""

    name = "gesprekstool.twofactor"
    label = "twofactor"
