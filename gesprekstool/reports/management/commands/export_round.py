"""Write a round to a file: manage.py export_round ROUND --format json|pdf|docx|xlsx|csv -o FILE."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from gesprekstool.reports.formats import FORMATS
from gesprekstool.rounds import log
from gesprekstool.rounds.models import Round


class Command(BaseCommand):
    help = (
        "Export a round (by its number, as in /rondes/<number>/) as a PDF report, Word memo, Excel workbook, "
        "CSV file or JSON round file. An anonymised round's exports contain no participant names."
    )

    def add_arguments(self, parser):
        parser.add_argument("round", type=int, help="the round's number (its id)")
        parser.add_argument("--format", "-f", choices=sorted(FORMATS), default="json")
        parser.add_argument(
            "--output", "-o", help="file to write; '-' or nothing writes JSON and CSV to standard output"
        )

    def handle(self, *args, **options):
        round_ = Round.objects.select_related("organisation").filter(pk=options["round"]).first()
        if round_ is None:
            raise CommandError(_("There is no round %(number)s.") % {"number": options["round"]})
        fmt = FORMATS[options["format"]]
        output = options["output"]
        if output in (None, "-") and fmt.key not in ("json", "csv"):
            raise CommandError(_("A %(format)s file is binary: name a file with -o.") % {"format": fmt.key})
        data = fmt.render(round_)
        # Logged like a download, without a user: the host ran it on the server.
        with translation.override(settings.LANGUAGE_CODE):
            where = _("command on the server")
        detail = f"{fmt.key} ({where})"
        log.record(round_, actor=None, action=log.Action.ROUND_EXPORTED, detail=detail)
        if output in (None, "-"):
            self.stdout.write(data.decode("utf-8"), ending="")  # JSON and CSV are UTF-8 text
            return
        with open(output, "wb") as f:
            f.write(data)
        self.stderr.write(
            _("%(title)s: %(format)s written to %(file)s (%(size)s bytes).")
            % {"title": round_.title, "format": fmt.key, "file": output, "size": len(data)}
        )
