from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from gesprekstool.instrument.loader import (
    CURRENT_VERSION,
    available_versions,
    load_instrument,
    translations,
)


class InstrumentConfig(AppConfig):
    name = "gesprekstool.instrument"
    verbose_name = _("Instrument")

    def ready(self) -> None:
        # Load (and so validate) every definition now: a malformed file stops start-up with an
        # InstrumentError naming the file and the item, instead of failing on the first request.
        for version in available_versions():
            load_instrument(version)
            for language in translations(version):
                load_instrument(version, language=language)
        load_instrument(CURRENT_VERSION)  # fails when the current version has no file
