"""Move the shared inspiration library between installations, and rebuild its search index.

python manage.py inspiration export FILE      # JSON; "-" writes to standard output
python manage.py inspiration import FILE      # idempotent; the shipped library is data/library.json
python manage.py inspiration reindex          # rebuild the full-text index
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from gesprekstool.inspiration import library, services


class Command(BaseCommand):
    help = "Export, import or re-index the inspiration library."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write the shared library as JSON.")
        export.add_argument("file", help="Where to write; - for standard output.")
        load = actions.add_parser("import", help="Read a library export and bring this database in line.")
        load.add_argument("file", help=f"A library export, e.g. {library.SHIPPED}.")
        actions.add_parser("reindex", help="Rebuild the full-text search index.")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "export":
            self.export(options["file"])
        elif action == "import":
            self.load(options["file"])
        else:
            count = services.reindex_all()
            self.stdout.write(self.style.SUCCESS(f"Search index rebuilt for {count} entries."))

    def export(self, path: str) -> None:
        data = library.export_library()
        text = library.dumps(data)
        if path == "-":
            sys.stdout.write(text)
            return
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {len(data['entries'])} entries, {len(data['themes'])} themes, "
                f"{len(data['tags'])} tags and {len(data['rules'])} rules to {path}."
            )
        )

    def load(self, path: str) -> None:
        try:
            report = library.import_library(library.read(path))
        except OSError as error:  # missing, a directory, no permission
            raise CommandError(f"{path}: {error.strerror}") from None
        except library.LibraryFormatError as error:  # nothing was written
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {path}: {len(report.created)} created, {len(report.updated)} updated, "
                f"{report.unchanged} unchanged."
            )
        )
        for slug in report.skipped:
            self.stdout.write(
                self.style.WARNING(f"Skipped {slug}: that short name belongs to a gemeente's own entry.")
            )
