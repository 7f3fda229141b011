"""Django's collectstatic, without the NL Design System packages' build artefacts (token lists as
JSON, JavaScript modules, Sass, TypeScript declarations): the pages use their CSS only, and
compressing 30 MB of unused files made every deploy a minute slower.

A command rather than a replacement StaticFilesConfig, because pytest-django's live server serves
static files only when "django.contrib.staticfiles" itself is in INSTALLED_APPS. `gesprekstool.lib`
comes before it there, so this command takes precedence.
"""

from django.contrib.staticfiles.management.commands.collectstatic import Command as CollectStatic

BUILD_ARTEFACTS = ["*.json", "*.cjs", "*.mjs", "*.d.ts", "*.scss", "*.less", "*.md"]


class Command(CollectStatic):
    def set_options(self, **options):
        super().set_options(**options)
        self.ignore_patterns = sorted(set(self.ignore_patterns) | set(BUILD_ARTEFACTS))
