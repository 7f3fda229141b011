from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspirationConfig(AppConfig):
    name = "gesprekstool.inspiration"
    verbose_name = _("Inspiration")

    def ready(self):
        # The results page of `rounds` shows the suggestions without importing this app.
        from gesprekstool.rounds import panels  # noqa: PLC0415 - apps plug in once loaded

        from .suggestions import results_panel_context  # noqa: PLC0415

        panels.register("inspiration", template="inspiration/suggestions.html", context=results_panel_context)
