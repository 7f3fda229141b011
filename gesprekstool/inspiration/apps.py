from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspirationConfig(AppConfig):
    name = "gesprekstool.inspiration"
    verbose_name = _("Inspiration")
