"""Read a round file into this installation: manage.py import_round FILE [--organisation SLUG]."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _

from gesprekstool.lib.text import clean_line
from gesprekstool.organisations.models import Organisation
from gesprekstool.reports.roundfile import MAX_BYTES, RoundFileError, import_round_file


class Command(BaseCommand):
    help = (
        "Import a JSON round file as a new round. The file is checked first; a refused file changes "
        "nothing. Participants get new personal links."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the round file (.json)")
        parser.add_argument(
            "--organisation",
            help="short name (slug) of the organisation that gets the round; default: the one named in the file",
        )

    def handle(self, *args, **options):
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(
                    _("There is no organisation with the short name “%(slug)s”.")
                    % {"slug": clean_line(options["organisation"])}
                )
        path = options["file"]
        try:
            if os.path.getsize(path) > MAX_BYTES:  # refuse before reading a byte
                raise CommandError(
                    f"{path}: "
                    + _("The file is larger than %(limit)s MB; a round file is never that large.")
                    % {"limit": MAX_BYTES // (1024 * 1024)}
                )
            with open(path, "rb") as f:
                round_ = import_round_file(f, organisation=organisation)
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from None
        except RoundFileError as exc:
            raise CommandError(f"{path}: {exc}") from None
        url = reverse("rounds:detail", kwargs={"pk": round_.pk})
        message = _(
            "Imported “%(title)s” as round %(number)s of %(organisation)s (%(count)s participants, "
            "with new personal links): %(url)s"
        ) % {
            # Printed to a terminal: never a control character (an ESC sequence) from a stored text.
            "title": clean_line(round_.title),
            "number": round_.pk,
            "organisation": clean_line(round_.organisation.name),
            "count": round_.participants.count(),
            "url": url,
        }
        self.stdout.write(self.style.SUCCESS(message))
