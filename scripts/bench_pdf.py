"""How long the PDF report takes: the demo round, and a round with 50 participants.

    .venv/bin/python scripts/bench_pdf.py [--out DIR] [--runs N]

Works on a throw-away SQLite database (never your own), prints the seconds per run and the page
count, and leaves the PDFs in DIR (default /tmp/gesprekstool-bench) for a look with pdftoppm.
Not a test: the numbers depend on the machine.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gesprekstool.settings")
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0)


def big_round(participants: int, seed: int = 2026):
    """A round with `participants` finished participants, random but valid answers and some actions:
    the benchmark's own generator (bench.data.finished_round), so both measure the same rounds."""
    from bench.data import finished_round  # noqa: PLC0415
    from gesprekstool.organisations.models import Organisation  # noqa: PLC0415

    organisation, _ = Organisation.objects.get_or_create(
        slug="bench", defaults={"name": "Gemeente Benchmark"}
    )
    return finished_round(organisation, participants, seed)


def measure(round_, runs: int, out: Path, name: str) -> None:
    from pypdf import PdfReader  # noqa: PLC0415

    from gesprekstool.reports.pdf import render_pdf  # noqa: PLC0415

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        data = render_pdf(round_)
        times.append(time.perf_counter() - start)
    path = out / f"{name}.pdf"
    path.write_bytes(data)
    pages = len(PdfReader(str(path)).pages)
    print(
        f"{name:<16} participants={round_.participants.count():<3} pages={pages:<3} size={len(data) // 1024} kB  "
        f"first={times[0]:.2f}s  median={statistics.median(times):.2f}s  runs={runs}  -> {path}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="/tmp/gesprekstool-bench")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.core.management import call_command  # noqa: PLC0415
        from django.utils import translation  # noqa: PLC0415

        from gesprekstool.rounds.models import Round  # noqa: PLC0415

        translation.activate("nl")
        call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        demo = Round.objects.get(organisation__slug="voorbeeldstad")
        measure(demo, args.runs, out, "demo")
        measure(big_round(50), args.runs, out, "50-deelnemers")


if __name__ == "__main__":
    main()
