"""The workshop benchmark (bench/, `make bench`) in small, so that it cannot rot: the production
server on SQLite, five participants walking the whole journey with short pauses, a facilitator
polling the presenter and the results, the no-pause runs and the facilitator pages."""

import json
import subprocess
import sys

import pytest

from tests.servers import ON_POSTGRES, ROOT

PARTICIPANT_REQUESTS = [
    "intro page",
    "start",
    "step 1 page",
    "score autosave",
    "note autosave",
    "step 1 submit",
    "step 2 page",
    "question autosave",
    "comment autosave",
    "step 2 submit",
    "review page",
    "revise autosave",
    "hand in",
    "done page",
]
FACILITATOR_REQUESTS = [
    "presenter page",
    "presenter live (changed)",
    "presenter live (unchanged)",
    "results page",
]
PAGES = [
    "results",
    "prepare",
    "presenter page",
    "presenter live, changed",
    "presenter live, unchanged",
    "round page",
]


# The benchmark starts its own SQLite server; running it again in the PostgreSQL run adds nothing.
@pytest.mark.skipif(ON_POSTGRES, reason="runs once, in the SQLite run of the suite")
def test_bench_short_run_loses_nothing_and_reports_every_request(tmp_path):
    out, figures = tmp_path / "latest.md", tmp_path / "latest.json"
    command = [
        sys.executable, "-m", "bench", "--databases", "sqlite", "--parts", "wave,throughput,pages",
        "--participants", "5", "--wait", "0.05,0.2", "--poll", "0.5", "--results-every", "2",
        "--throughput-seconds", "4", "--throughput-users", "4", "--page-sizes", "10", "--page-runs", "1",
        "--out", str(out), "--json", str(figures),
    ]  # fmt: skip

    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)  # noqa: S603

    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    results = json.loads(figures.read_text())["databases"]["sqlite"]
    wave = results["wave"]
    rows = {row["name"]: row for row in wave["rows"]}
    assert sorted(set(PARTICIPANT_REQUESTS + FACILITATOR_REQUESTS) - set(rows)) == []
    assert sum(row["errors"] for row in wave["rows"]) == 0
    assert wave["journeys"] == {"finished": 5, "failed": 0}
    assert wave["check"]["lost"] == 0
    assert wave["check"]["acknowledged"] >= 5 * (6 + 1 + 14 + 6)
    assert rows["presenter live (unchanged)"]["bytes"] == 0
    throughput = results["throughput"]
    assert (throughput["save"]["errors"], throughput["hello"]["errors"], throughput["check"]["lost"]) == (
        0,
        0,
        0,
    )
    assert throughput["save"]["count"] > 0
    assert throughput["hello"]["count"] > 0
    assert sorted({(row["page"], row["status"]) for row in results["pages"]}) == sorted(
        (name, 204 if name == "presenter live, unchanged" else 200) for name in PAGES
    )
    report = out.read_text()
    for name in PARTICIPANT_REQUESTS + FACILITATOR_REQUESTS + PAGES:
        assert f"| {name} |" in report
    assert "**Problems:** none." in report
