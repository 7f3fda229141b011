"""Runs locust (bench/locustfile.py) in a subprocess and reads its figures per request type."""

import json
import os
import subprocess
from pathlib import Path

from .servers import BIN, ROOT, tail

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def run_locust(
    *,
    host: str,
    classes: list[str],
    users: int,
    spawn_rate: float,
    run_time: int,
    workdir: Path,
    name: str,
    plan: Path,
    settings: dict[str, str] | None = None,
) -> dict:
    """Run the given user classes against `host`; return locust's figures per request type
    (bench/locustfile.py writes them when it stops), the journeys and the acknowledgement file."""
    acks = workdir / f"{name}.acks.jsonl"
    command = [
        str(BIN / "locust"),
        "--locustfile", str(LOCUSTFILE),
        "--headless",
        "--host", host,
        "--users", str(users),
        "--spawn-rate", str(spawn_rate),
        "--run-time", f"{run_time}s",
        "--stop-timeout", "10",
        "--only-summary",
        "--loglevel", "WARNING",
        "--exit-code-on-error", "0",
        *classes,
    ]  # fmt: skip
    env = {"BENCH_PLAN": str(plan), "BENCH_ACKS": str(acks), **(settings or {})}
    log = workdir / f"{name}.locust.log"
    with log.open("wb") as out:
        completed = subprocess.run(  # noqa: S603 - our own locustfile
            command, cwd=ROOT, env={**_base_env(), **env}, stdout=out, stderr=subprocess.STDOUT, check=False
        )
    if completed.returncode != 0:
        raise RuntimeError(f"locust ({name}) stopped with {completed.returncode}:\n{tail(log)}")
    journeys = acks.with_suffix(".journeys.json")
    return {
        "rows": json.loads(acks.with_suffix(".figures.json").read_text()),
        "acks": str(acks) if acks.exists() else None,
        "journeys": json.loads(journeys.read_text()) if journeys.exists() else None,
    }


def _base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("BENCH_")}
