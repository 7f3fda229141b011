"""Quick measurements in one process, without servers: the facilitator's pages and the exports, on a
throw-away SQLite database (never your own) with the benchmark's generated rounds (bench.data).

    .venv/bin/python -m bench.local pages [--sizes 10 100 300] [--runs 5] [--pages results present ...]
    .venv/bin/python -m bench.local exports [--sizes 50 300] [--formats pdf docx xlsx] [--runs 1]
                                            [--demo] [--out DIR]

`pages` goes through Django's test client: the round page, results, prepare, the presenter page and
its live fragment (overview, one theme and its answers slide, changed and unchanged), with the median
wall and CPU time of the process and the bytes sent. On a shared machine the CPU time is the steadier figure.
`exports` renders each export in this process: median wall and CPU time, size, the PDF's pages and
the process's peak memory (run one format per invocation to read its peak on its own); `--demo` adds
the demo round (`manage.py demo`), `--out` keeps the files for a look (pdftoppm).

`make bench` (python -m bench) measures the same against the production server under load; this is
for a quick before-and-after while changing a page or an export. Not a test: the numbers depend on
the machine (docs/performance.md).
"""

import argparse
import functools
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

PAGES = [
    ("round", "rounds:detail", ""),
    ("results", "rounds:results", ""),
    ("prepare", "rounds:prepare", ""),
    ("present", "rounds:present", ""),
    ("live overview", "rounds:present_live", ""),
    ("live theme A", "rounds:present_live", "thema=A"),
    ("live unchanged", "rounds:present_live", "versie={version}"),
    ("present answers A", "rounds:present", "thema=A&deel=antwoorden"),
    ("live answers A", "rounds:present_live", "thema=A&deel=antwoorden"),
    ("live answers unchanged", "rounds:present_live", "thema=A&deel=antwoorden&versie={version}"),
]


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gesprekstool.settings")
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0)


def generated_round(participants: int):
    """A finished round of `participants` from the benchmark's own generator (bench.data)."""
    from gesprekstool.organisations.models import Organisation  # noqa: PLC0415

    from .data import finished_round  # noqa: PLC0415

    organisation, _ = Organisation.objects.get_or_create(
        slug="bench", defaults={"name": "Gemeente Benchmark"}
    )
    return finished_round(organisation, participants)


def timed(call, runs: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds of `runs` calls, and the last call's result."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def pages(args) -> None:
    from django.contrib.auth import get_user_model  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.urls import reverse  # noqa: PLC0415

    from gesprekstool.organisations.models import Membership  # noqa: PLC0415
    from gesprekstool.rounds.live import live_version  # noqa: PLC0415
    from gesprekstool.rounds.models import Round  # noqa: PLC0415

    print("| participants | page | wall (median) | CPU (median) | status | size |")
    print("|---|---|---|---|---|---|")
    for size in args.sizes:
        round_ = generated_round(size)
        user = get_user_model().objects.create_user(f"bench{size}", password="x")
        Membership.objects.create(
            user=user, organisation=round_.organisation, role=Membership.Role.FACILITATOR
        )
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        for name, url_name, query in PAGES:
            if args.pages and name not in args.pages:
                continue
            # The version as the database has it now (visiting the round's pages may change the round).
            version = live_version(Round.objects.get(pk=round_.pk))
            url = f"{reverse(url_name, kwargs={'pk': round_.pk})}?{query.format(version=version)}"
            wall, cpu, response = timed(functools.partial(client.get, url), args.runs)
            print(
                f"| {size} | {name} | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms | {response.status_code} | "
                f"{len(response.content) // 1024} kB |",
                flush=True,
            )


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def exports(args) -> None:
    import io  # noqa: PLC0415

    from django.core.management import call_command  # noqa: PLC0415
    from pypdf import PdfReader  # noqa: PLC0415

    from gesprekstool.reports.formats import FORMATS  # noqa: PLC0415
    from gesprekstool.rounds.models import Round  # noqa: PLC0415

    rounds = []
    if args.demo:
        call_command("demo", stdout=io.StringIO())
        rounds.append(("demo", Round.objects.get(organisation__slug="voorbeeldstad")))
    rounds += [(f"{size}-deelnemers", generated_round(size)) for size in args.sizes]
    out = Path(args.out) if args.out else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    for label, round_ in rounds:
        for name in args.formats:
            before = peak_mb()
            wall, cpu, data = timed(functools.partial(FORMATS[name].render, round_), args.runs)
            pages = f"pages={len(PdfReader(io.BytesIO(data)).pages):<4}" if name == "pdf" else " " * 9
            kept = ""
            if out:
                path = out / f"{label}.{FORMATS[name].extension}"
                path.write_bytes(data)
                kept = f"  -> {path}"
            print(
                f"{name:<5} {label:<15} participants={round_.participants.count():<4} {pages} "
                f"size={len(data) // 1024} kB  median={wall:.2f}s  cpu={cpu:.2f}s  runs={args.runs}  "
                f"peak={peak_mb()} MB (before: {before} MB){kept}",
                flush=True,
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.local", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("pages", help="the facilitator's pages through the test client")
    p.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 300])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--pages", nargs="+", choices=[name for name, _, _ in PAGES], help="default: all")
    p = commands.add_parser("exports", help="PDF, Word, Excel, CSV and JSON in this process")
    p.add_argument("--sizes", type=int, nargs="+", default=[50, 300])
    p.add_argument("--formats", nargs="+", default=["pdf", "docx", "xlsx"])
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--demo", action="store_true", help="also the demo round")
    p.add_argument("--out", help="keep the files in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.utils import translation  # noqa: PLC0415

        translation.activate("nl")
        {"pages": pages, "exports": exports}[args.command](args)


if __name__ == "__main__":
    main()
