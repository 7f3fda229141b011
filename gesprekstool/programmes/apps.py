from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "gesprekstool.programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from gesprekstool.rounds import panels  # noqa: PLC0415 - apps plug in once loaded

        from .panel import results_panel_context  # noqa: PLC0415

        # The results page of `rounds` shows where the gemeente stands in its programmes,
        # without importing this app.
        panels.register(
            "programmes", template="programmes/results_panel.html", context=results_panel_context, order=50
        )
