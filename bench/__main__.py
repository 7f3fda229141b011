"""The workshop benchmark of issue 11 (`make bench`); see docs/performance.md.

    .venv/bin/python -m bench                               everything: 300 participants, SQLite and PostgreSQL
    .venv/bin/python -m bench --quick                       a few minutes: 30 participants, short pauses
    .venv/bin/python -m bench --parts wave --databases sqlite --participants 100

Writes the report to docs/bench/latest.md (--out) and prints it. Exit status 1 when a request
failed or an acknowledged answer was lost.
"""

import argparse
import contextlib
import dataclasses
import datetime
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import loadrun, report, servers
from .pages import measure_pages

PARTS = ("wave", "throughput", "pages", "exports")
QUICK = {
    "participants": 30,
    "wait": "0.3,1",
    "poll": 1.0,
    "results_every": 5.0,
    "throughput_seconds": 8,
    "page_sizes": [10, 100],
    "page_runs": 2,
    "export_sizes": [50],
}
FULL = {
    "participants": 300,
    "wait": "2,6",
    "poll": 3.0,
    "results_every": 15.0,
    "throughput_seconds": 20,
    "page_sizes": [10, 100, 300],
    "page_runs": 5,
    "export_sizes": [50, 300],
}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller and shorter (defaults below change)")
    parser.add_argument(
        "--databases", default="sqlite,postgresql", help="sqlite,postgresql (comma-separated)"
    )
    parser.add_argument("--parts", default=",".join(PARTS), help=f"any of {','.join(PARTS)}")
    parser.add_argument("--participants", type=int, help="participants in the wave (300; quick 30)")
    parser.add_argument("--wait", help="seconds between a participant's clicks, MIN,MAX (2,6; quick 0.3,1)")
    parser.add_argument("--poll", type=float, help="seconds between the presenter's polls (3)")
    parser.add_argument(
        "--results-every", type=float, help="seconds between the facilitator's results views (15)"
    )
    parser.add_argument("--spawn-rate", type=float, default=10, help="participants arriving per second (10)")
    parser.add_argument("--throughput-seconds", type=int, help="length of each no-pause run (20; quick 8)")
    parser.add_argument("--throughput-users", type=int, default=32, help="simulated users without pause (32)")
    parser.add_argument("--page-sizes", type=int, nargs="+", help="participants per round for the pages")
    parser.add_argument("--page-runs", type=int, help="runs per page; the median is reported (5)")
    parser.add_argument("--export-sizes", type=int, nargs="+", help="participants per round for the exports")
    parser.add_argument("--out", default="docs/bench/latest.md", help="the markdown report")
    parser.add_argument("--json", help="also write the figures as JSON here")
    parser.add_argument(
        "--render", metavar="JSON", help="only write the report again from the figures of --json"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs, locust CSVs)")
    args = parser.parse_args(argv)
    for name, value in (QUICK if args.quick else FULL).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    args.wait = tuple(float(x) for x in args.wait.split(","))
    args.databases = [d for d in args.databases.split(",") if d]
    args.parts = [p for p in args.parts.split(",") if p]
    unknown = set(args.databases) - {"sqlite", "postgresql"} | set(args.parts) - set(PARTS)
    if unknown or len(args.wait) != 2:
        parser.error(f"not understood: {', '.join(sorted(unknown)) or '--wait'}")
    return args


def task(env: dict, *arguments: str) -> dict:
    """One step in Django (bench.tasks) against the server's database; returns its JSON."""
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.tasks", *arguments],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"bench.tasks {arguments[0]} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=servers.ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=servers.ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "load_start": load(),
    }


@dataclasses.dataclass
class Target:
    """One production server under test: its URL, environment (database), plan and work folder."""

    db: str
    base: str
    env: dict
    plan: Path
    workdir: Path


def wave(args, target: Target) -> dict:
    clicks = 70  # a journey has about 60 clicks
    ceiling = math.ceil(args.participants / args.spawn_rate + clicks * args.wait[1] * 2 + 120)
    start = time.monotonic()
    run = loadrun.run_locust(
        host=target.base,
        classes=["WaveParticipant", "Facilitator"],
        users=args.participants + 1,
        spawn_rate=args.spawn_rate,
        run_time=ceiling,
        workdir=target.workdir,
        name=f"wave-{target.db}",
        plan=target.plan,
        settings={
            "BENCH_WAIT_MIN": str(args.wait[0]),
            "BENCH_WAIT_MAX": str(args.wait[1]),
            "BENCH_POLL": str(args.poll),
            "BENCH_RESULTS_EVERY": str(args.results_every),
        },
    )
    seconds = time.monotonic() - start
    check = (
        task(target.env, "verify", run["acks"])
        if run["acks"]
        else {"acknowledged": 0, "answers": 0, "lost": 0}
    )
    return {"rows": run["rows"], "journeys": run["journeys"], "check": check, "seconds": seconds}


def row(rows: list[dict], name: str) -> dict:
    return next((r for r in rows if r["name"] == name), {"rps": 0.0, "count": 0, "errors": 0, "p95": 0.0})


def throughput(args, target: Target, hello: str) -> dict:
    """Saves per second with no pause, and the hello-world's requests per second just before it."""
    # The first seconds (each worker's first requests, connections being opened) are left out.
    warmup = str(min(5.0, args.throughput_seconds / 3))
    common = {
        "users": args.throughput_users,
        "spawn_rate": args.throughput_users,
        "settings": {"BENCH_WARMUP": warmup},
        "run_time": args.throughput_seconds,
        "workdir": target.workdir,
        "plan": target.plan,
    }
    hello_run = loadrun.run_locust(host=hello, classes=["HelloUser"], name=f"hello-{target.db}", **common)
    save_run = loadrun.run_locust(
        host=target.base, classes=["AutosaveUser"], name=f"autosave-{target.db}", **common
    )
    hello_row, save_row = row(hello_run["rows"], "hello-world"), row(save_run["rows"], "question autosave")
    check = (
        task(target.env, "verify", save_run["acks"]) if save_run["acks"] else {"acknowledged": 0, "lost": 0}
    )
    return {
        "hello": hello_row,
        "save": save_row,
        "check": check,
        "ratio": save_row["rps"] / hello_row["rps"] if hello_row["rps"] else 0.0,
    }


def exports(args, env: dict, rounds: dict[str, int]) -> list[dict]:
    rows = []
    for size in args.export_sizes:
        for fmt in ("pdf", "docx", "xlsx"):
            rows.append({"format": fmt, "size": size, **task(env, "export", str(rounds[str(size)]), fmt)})
    return rows


def run(args: argparse.Namespace) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="gesprekstool-bench."))
    results = {
        "meta": machine(),
        "args": {k: v for k, v in vars(args).items() if k not in {"json", "render"}},
        "databases": {},
        "exports": [],
        "durations": {},
        "workdir": str(workdir),
    }
    finished = sorted(
        set(args.page_sizes if "pages" in args.parts else [])
        | set(args.export_sizes if "exports" in args.parts else [])
    )
    try:
        with (
            servers.hello_server(workdir) if "throughput" in args.parts else contextlib.nullcontext() as hello
        ):
            for db in args.databases:
                begun = time.monotonic()
                database = (
                    servers.postgresql()
                    if db == "postgresql"
                    else contextlib.nullcontext(f"sqlite:///{workdir}/{db}.sqlite3")
                )
                with database as url, servers.app_server(url, workdir, db) as (base, env):
                    plan = workdir / f"plan-{db}.json"
                    users = args.throughput_users if "throughput" in args.parts else 0
                    task(
                        env,
                        "seed",
                        str(plan),
                        "--wave",
                        str(args.participants),
                        "--autosave",
                        str(users),
                        "--finished",
                        *map(str, finished),
                    )
                    rounds = json.loads(plan.read_text())
                    section = results["databases"].setdefault(db, {})
                    target = Target(db=db, base=base, env=env, plan=plan, workdir=workdir)
                    if "wave" in args.parts:
                        section["wave"] = wave(args, target)
                    if "throughput" in args.parts:
                        section["throughput"] = throughput(args, target, hello)
                    if "pages" in args.parts:
                        sizes = {size: rounds["finished"][str(size)] for size in args.page_sizes}
                        section["pages"] = measure_pages(base, rounds["login"], sizes, args.page_runs)
                    if "exports" in args.parts and not results["exports"]:
                        results["exports"] = exports(args, env, rounds["finished"])
                        results["exports_database"] = db
                results["durations"][db] = time.monotonic() - begun
    finally:
        results["meta"]["load_end"] = load()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    started = time.monotonic()
    if args.render:
        results = json.loads(Path(args.render).read_text())
    else:
        results = run(args)
        results["durations"]["total"] = time.monotonic() - started
    markdown = report.render(results)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    print(markdown)
    return 1 if report.problems(results) else 0


if __name__ == "__main__":
    sys.exit(main())
