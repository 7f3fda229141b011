from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "gesprekstool.organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from . import activity, daily  # noqa: F401, PLC0415 - their daily jobs register themselves
