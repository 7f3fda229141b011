from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "gesprekstool.organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from gesprekstool.lib import daily  # noqa: PLC0415 - apps register their jobs once loaded

        from .activity import daily_purge  # noqa: PLC0415

        daily.register("activity_log", daily_purge, order=90)

        from .daily import forget_invitations_job  # noqa: PLC0415

        daily.register("invitations", forget_invitations_job, order=50)
