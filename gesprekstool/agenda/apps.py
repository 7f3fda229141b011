from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "gesprekstool.agenda"
    verbose_name = _("Action agenda")

    def ready(self):
        from gesprekstool.rounds import cleanup  # noqa: PLC0415 - apps register their hooks once loaded

        # Importing `daily` and `retention` registers their daily jobs (reminders, owner e-mail addresses).
        from . import daily  # noqa: F401, PLC0415
        from .retention import forget_people  # noqa: PLC0415

        cleanup.register("agenda", forget_people)
