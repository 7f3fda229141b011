from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "gesprekstool.agenda"
    verbose_name = _("Action agenda")

    def ready(self):
        from gesprekstool.lib import daily  # noqa: PLC0415 - apps register their jobs once loaded
        from gesprekstool.rounds import cleanup  # noqa: PLC0415

        from .daily import reminders_job  # noqa: PLC0415
        from .retention import daily_owner_emails, forget_people  # noqa: PLC0415

        daily.register("reminders", reminders_job, order=10)
        daily.register("owner_emails", daily_owner_emails, order=22)
        cleanup.register("agenda", forget_people)
