from django.apps import AppConfig


class LibConfig(AppConfig):
    """Site-wide template helpers; no models."""

    name = "gesprekstool.lib"
    label = "gt_lib"
