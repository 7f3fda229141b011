from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gesprekstool.reports"
    verbose_name = _("Reports and exports")

    def ready(self):
        from gesprekstool.rounds import cleanup  # noqa: PLC0415 - apps register their hooks once loaded

        from .stored import forget_exports  # noqa: PLC0415

        cleanup.register("reports", forget_exports)
