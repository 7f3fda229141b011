from django.apps import AppConfig


class LibConfig(AppConfig):
    """Site-wide helpers; no models."""

    name = "gesprekstool.lib"
    label = "gt_lib"

    def ready(self):
        from . import checks, daily  # noqa: F401, PLC0415 - checks and jobs register once the apps are loaded
        from .sessions import clear_expired_sessions_job  # noqa: PLC0415

        daily.register("sessions", clear_expired_sessions_job, order=90)
