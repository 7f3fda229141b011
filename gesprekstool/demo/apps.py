from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data (`manage.py demo`). The top layer: it may use every other app, and no app uses it."""

    name = "gesprekstool.demo"
