from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspirationConfig(AppConfig):
    name = "gesprekstool.inspiration"
    verbose_name = _("Inspiration")

    def ready(self):
        from django.urls import reverse  # noqa: PLC0415

        from gesprekstool.rounds import panels, reading  # noqa: PLC0415 - apps plug in once loaded

        from .suggestions import results_panel_context  # noqa: PLC0415

        # The results page of `rounds` shows the suggestions without importing this app.
        panels.register("inspiration", template="inspiration/suggestions.html", context=results_panel_context)
        # The participant's pages link to part 2 of the tool, which this app serves without login.
        reading.register(
            background=lambda: reverse("inspiration:background"),
            library=lambda: reverse("inspiration:index"),
            theme=lambda code: reverse("inspiration:theme", kwargs={"code": code}),
        )
