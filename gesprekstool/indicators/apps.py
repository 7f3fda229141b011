from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "gesprekstool.indicators"
    verbose_name = _("Local figures")

    def ready(self):
        from gesprekstool.rounds import panels  # noqa: PLC0415 - apps plug in once loaded

        from .selection import results_panel_context, theme_panel_context  # noqa: PLC0415

        # `rounds` shows the figures beside each theme (results page and presenter slide) and a
        # short panel below the results, without importing this app.
        panels.register_theme(
            "indicators", template="indicators/theme_figures.html", context=theme_panel_context
        )
        panels.register(
            "indicators", template="indicators/results_panel.html", context=results_panel_context, order=50
        )
