"""``manage.py instrument``: show an instrument definition, or check a definition file."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gesprekstool.instrument.loader import (
    CURRENT_VERSION,
    Instrument,
    InstrumentError,
    available_versions,
    load_instrument,
    load_instrument_file,
)


class Command(BaseCommand):
    help = (
        "Show the instrument definition: a short summary, or all of it as JSON with --json. "
        "With --check FILE, validate a definition file instead and print OK or the error."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        # Django adds its own --version (the Django version); this command's --version picks an
        # instrument version instead, so let the later definition replace it.
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser: ArgumentParser) -> None:
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--version",
            dest="version",
            metavar="VERSION",
            help=f"Instrument version to show (default {CURRENT_VERSION}; available: "
            f"{', '.join(available_versions())}).",
        )
        which.add_argument(
            "--check", metavar="FILE", help="Validate this definition file; its name must be <version>.yaml."
        )
        parser.add_argument("--json", action="store_true", help="Print the whole definition as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["check"]:
                load_instrument_file(options["check"])
                self.stdout.write("OK")
                return
            instrument = load_instrument(options["version"])
        except InstrumentError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(instrument.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(instrument))


def summary(instrument: Instrument) -> str:
    """A few lines for a human: version, themes with their questions, and option counts."""
    options = [option for question in instrument.questions for option in question.options]
    current = " (huidige versie)" if instrument.version == CURRENT_VERSION else ""
    lines = [
        f"{instrument.title} – {instrument.subtitle}",
        f"Versie: {instrument.version}{current}",
        "Schaal: " + ", ".join(f"{p.value} = {p.label}" for p in (*instrument.scale, instrument.unknown)),
        f"Thema's: {len(instrument.themes)}",
    ]
    for theme in instrument.themes:
        numbers = ", ".join(question.code for question in theme.questions)
        lines.append(f"  {theme.label} (vragen {numbers})")
    lines += [
        f"Vragen: {len(instrument.questions)}",
        f"Antwoordopties: {len(options)} ({sum(o.exclusive for o in options)} exclusief, "
        f"{sum(o.needs_text for o in options)} met toelichting)",
    ]
    return "\n".join(lines)
