"""How long the facilitator's pages take for rounds of 10, 100 and 300 participants.

    .venv/bin/python scripts/bench_pages.py [--sizes 10 100 300] [--runs N]

On a throw-away SQLite database, through Django's test client: the round page, results, prepare,
the presenter page and the presenter's changed live poll (overview and one theme), with the bytes
sent. Prints the median wall time and the median CPU time of the process: on a shared machine the
CPU time is the steadier figure. Not a test: the numbers depend on the machine (docs/performance.md).
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pdf import big_round, setup_django  # noqa: E402

PAGES = [
    ("round", "rounds:detail", ""),
    ("results", "rounds:results", ""),
    ("prepare", "rounds:prepare", ""),
    ("present", "rounds:present", ""),
    ("live overview", "rounds:present_live", ""),
    ("live theme A", "rounds:present_live", "thema=A"),
]


def timed(client, url: str, runs: int) -> tuple[float, float, int, int]:
    walls, cpus, response = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), response.status_code, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 300])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="+", default=[name for name, _, _ in PAGES])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.contrib.auth import get_user_model  # noqa: PLC0415
        from django.test import Client  # noqa: PLC0415
        from django.urls import reverse  # noqa: PLC0415

        from gesprekstool.organisations.models import Membership  # noqa: PLC0415

        print("| participants | page | wall (median) | CPU (median) | status | size |")
        print("|---|---|---|---|---|---|")
        for size in args.sizes:
            round_ = big_round(size)
            user = get_user_model().objects.create_user(f"bench{size}", password="x")
            Membership.objects.create(user=user, organisation=round_.organisation, role="facilitator")
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            for name, url_name, query in PAGES:
                if name not in args.pages:
                    continue
                url = f"{reverse(url_name, kwargs={'pk': round_.pk})}?{query}"
                wall, cpu, status, size_ = timed(client, url, args.runs)
                print(
                    f"| {size} | {name} | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms | {status} | "
                    f"{size_ // 1024} kB |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
