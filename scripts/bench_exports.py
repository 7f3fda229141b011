"""How long the Excel and Word exports take for rounds of a given size.

    .venv/bin/python scripts/bench_exports.py [--sizes 50 300] [--formats xlsx docx] [--runs N]

Works on a throw-away SQLite database (never your own) and prints the seconds per export.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 300])
    parser.add_argument("--formats", nargs="+", default=["xlsx", "docx"])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        from django.utils import translation  # noqa: PLC0415

        from gesprekstool.reports.docx import render_docx  # noqa: PLC0415
        from gesprekstool.reports.xlsx import render_xlsx  # noqa: PLC0415

        renderers = {"xlsx": render_xlsx, "docx": render_docx}
        translation.activate("nl")
        for size in args.sizes:
            round_ = big_round(size)
            for name in args.formats:
                times = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    data = renderers[name](round_)
                    times.append(time.perf_counter() - start)
                print(
                    f"{name:<5} participants={size:<4} size={len(data) // 1024} kB  "
                    f"median={statistics.median(times):.2f}s  runs={args.runs}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
