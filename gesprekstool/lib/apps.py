from django.apps import AppConfig


class LibConfig(AppConfig):
    """Site-wide helpers; no models."""

    name = "gesprekstool.lib"
    label = "gt_lib"

    def ready(self):
        from . import checks, sessions  # noqa: F401, PLC0415 - checks and jobs register once the apps are loaded
