from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FuturesConfig(AppConfig):
    name = "gesprekstool.futures"
    verbose_name = _("Shared picture of the future")
