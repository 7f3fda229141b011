from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FuturesConfig(AppConfig):
    name = "gesprekstool.futures"
    verbose_name = _("Shared picture of the future")

    def ready(self):
        from gesprekstool.rounds import cleanup, filesections, panels  # noqa: PLC0415 - apps plug in once loaded

        from . import retention, roundfile  # noqa: PLC0415
        from .links import participant_link, present_link, round_link  # noqa: PLC0415

        # `rounds` links to the wall from the round's menu and the presenter's bar, and a participant's
        # pages link to their own page of the picture of the future, without importing this app.
        panels.register_link("futures", place="round", link=round_link, order=50)
        panels.register_link("futures", place="present", link=present_link, order=50)
        panels.register_link("futures", place="participant", link=participant_link, order=50)
        # The picture of the future travels in the round file as its optional key "future".
        filesections.register(
            roundfile.KEY,
            schema=roundfile.SCHEMA,
            dump=roundfile.dump,
            load=roundfile.load,
            check=roundfile.check,
        )
        # Anonymising a round also replaces the partners named in its cooperation marks.
        cleanup.register("futures", retention.forget_names)
