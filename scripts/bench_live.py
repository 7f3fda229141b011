"""How long the presenter's live fragment takes, polled every 3 s by every screen showing a round.

    .venv/bin/python scripts/bench_live.py [--sizes 50 300] [--runs N]

On a throw-away SQLite database: a changed poll (the whole fragment) and an unchanged poll (the
version the screen already shows), each through Django's test client, with the bytes sent.
Not a test: the numbers depend on the machine (see docs/performance.md).
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pdf import big_round, setup_django  # noqa: E402


def timed(client, url: str, runs: int) -> tuple[float, int, int]:
    times, response = [], None
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
    return statistics.median(times), response.status_code, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 300])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.contrib.auth import get_user_model  # noqa: PLC0415
        from django.test import Client  # noqa: PLC0415
        from django.urls import reverse  # noqa: PLC0415

        from gesprekstool.organisations.models import Membership  # noqa: PLC0415
        from gesprekstool.rounds.live import live_version  # noqa: PLC0415

        for size in args.sizes:
            round_ = big_round(size)
            user = get_user_model().objects.create_user(f"bench{size}", password="x")
            Membership.objects.create(user=user, organisation=round_.organisation, role="facilitator")
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            for query in ("", "thema=A&"):
                url = f"{reverse('rounds:present_live', kwargs={'pk': round_.pk})}?{query}"
                full = timed(client, url, args.runs)
                empty = timed(client, f"{url}versie={live_version(round_)}", args.runs)
                print(
                    f"participants={size:<4} {query or 'overview':<9} changed: {full[0] * 1000:.0f} ms, "
                    f"{full[1]}, {full[2] // 1024} kB  unchanged: {empty[0] * 1000:.1f} ms, {empty[1]}, "
                    f"{empty[2]} bytes  (median of {args.runs})",
                    flush=True,
                )


if __name__ == "__main__":
    main()
