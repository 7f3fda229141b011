from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    """The site's privacy statement and accessibility statement. A bottom-layer app: it depends on
    nothing else of ours, so every other app may link to it."""

    name = "gesprekstool.statements"
    verbose_name = _("Statements")
