from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "gesprekstool.rounds"
    verbose_name = _("Rounds")

    def ready(self):
        from . import retention  # noqa: F401, PLC0415 - its daily jobs register themselves
