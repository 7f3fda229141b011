"""How long the exports take for rounds of a given size, and how much memory they use.

    .venv/bin/python scripts/bench_exports.py [--sizes 50 300] [--formats xlsx docx pdf] [--runs N]

Works on a throw-away SQLite database (never your own) and prints the median seconds per export
and the process's peak memory (RSS) after the runs. Run one format per invocation to read its
peak memory on its own. Not a test: the numbers depend on the machine (see docs/performance.md).
"""

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pdf import big_round, setup_django  # noqa: E402


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 300])
    parser.add_argument("--formats", nargs="+", default=["xlsx", "docx"])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.utils import translation  # noqa: PLC0415

        from gesprekstool.reports.formats import FORMATS  # noqa: PLC0415

        translation.activate("nl")
        for size in args.sizes:
            round_ = big_round(size)
            for name in args.formats:
                before = peak_mb()
                times, cpu = [], []
                for _ in range(args.runs):
                    start, start_cpu = time.perf_counter(), time.process_time()
                    data = FORMATS[name].render(round_)
                    times.append(time.perf_counter() - start)
                    cpu.append(time.process_time() - start_cpu)
                print(
                    f"{name:<5} participants={size:<4} size={len(data) // 1024} kB  "
                    f"median={statistics.median(times):.2f}s  cpu={statistics.median(cpu):.2f}s  runs={args.runs}  "
                    f"peak={peak_mb()} MB (before: {before} MB)",
                    flush=True,
                )


if __name__ == "__main__":
    main()
