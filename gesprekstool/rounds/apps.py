from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "gesprekstool.rounds"
    verbose_name = _("Rounds")

    def ready(self):
        from gesprekstool.lib import daily  # noqa: PLC0415 - apps register their jobs once loaded

        from .retention import daily_personal_data, daily_round_deletion  # noqa: PLC0415

        daily.register("round_deletion", daily_round_deletion, order=20)
        daily.register("participant_data", daily_personal_data, order=21)
