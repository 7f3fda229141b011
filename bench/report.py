"""The benchmark's markdown report: the figures, the targets of issue 11 beside them, and a verdict."""

PARTICIPANT_TARGET = ("p95 < 300 ms", 300)
FACILITATOR_TARGETS = {
    "presenter live (changed)": ("p95 < 100 ms", 100),
    "presenter live (unchanged)": ("p95 < 100 ms, 0 bytes", 100),
    "results page": ("p95 < 300 ms", 300),
    "presenter page": ("p95 < 300 ms", 300),
}
SETUP_ROWS = {"login page", "login", "Aggregated"}
PAGE_TARGETS = {
    "results": 0.3,
    "prepare": 0.3,
    "presenter page": 0.3,
    "round page": 0.3,
    "presenter live, changed": 0.1,
    "presenter live, unchanged": 0.1,
}
EXPORT_TARGETS = {
    ("pdf", 50): (2, None),
    ("pdf", 300): (10, 200),
    ("docx", 300): (3, None),
    ("xlsx", 300): (3, None),
}
THROUGHPUT_TARGET = 0.40
NAMES = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "sqlite": "SQLite", "postgresql": "PostgreSQL"}


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def kb(size: float) -> str:
    return f"{size / 1000:.1f} kB" if size >= 1000 else f"{size:.0f} B"


def wave_table(wave: dict, participants: int) -> list[str]:
    lines = [
        "| Request | Count | p50 | p95 | max | Errors | Mean size | Target (issue 11) |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in wave["rows"]:
        if row["name"] == "Aggregated":
            continue
        target, limit = FACILITATOR_TARGETS.get(row["name"], PARTICIPANT_TARGET)
        if row["name"] in SETUP_ROWS:
            mark = "–"
        else:
            ok = row["p95"] < limit and row["errors"] == 0
            if row["name"] == "presenter live (unchanged)":
                ok = ok and row["bytes"] == 0
            mark = f"{target}: {verdict(ok)}"
        lines.append(
            f"| {row['name']} | {row['count']} | {row['p50']:.0f} ms | {row['p95']:.0f} ms | {row['max']:.0f} ms "
            f"| {row['errors']} | {kb(row['bytes'])} | {mark} |"
        )
    total = next((r for r in wave["rows"] if r["name"] == "Aggregated"), None)
    journeys, check = wave["journeys"] or {}, wave["check"]
    if total:
        lines.append(
            f"| **all requests** | {total['count']} | {total['p50']:.0f} ms | {total['p95']:.0f} ms "
            f"| {total['max']:.0f} ms | {total['errors']} | {kb(total['bytes'])} | 0 errors: {verdict(total['errors'] == 0)} |"
        )
    lines += [
        "",
        f"Journeys handed in: **{journeys.get('finished', 0)} of {participants}** "
        f"(given up: {journeys.get('failed', 0)}). Acknowledged saves: **{check['acknowledged']}** "
        f"({check['answers']} distinct answers, each checked in the database): "
        f"**{check['lost']} lost** (target 0: {verdict(check['lost'] == 0)}). The wave took {wave['seconds']:.0f} s.",
    ]
    lines += [f"- lost: `{example}`" for example in check.get("examples", [])]
    return lines


def throughput_table(databases: dict) -> list[str]:
    lines = [
        "| Database | Autosaves/s (no pause) | Hello-world requests/s | Ratio | Target ≥ 40 % | Errors | Lost |",
        "|---|---:|---:|---:|---|---:|---:|",
    ]
    for db, section in databases.items():
        t = section.get("throughput")
        if t:
            lines.append(
                f"| {NAMES[db]} | {t['save']['rps']:.0f} ({t['save']['count']} saves, p95 {t['save'].get('p95', 0):.0f} ms) "
                f"| {t['hello']['rps']:.0f} | {t['ratio']:.0%} | {verdict(t['ratio'] >= THROUGHPUT_TARGET)} "
                f"| {t['save']['errors'] + t['hello']['errors']} | {t['check']['lost']} |"
            )
    return lines


def pages_table(rows: list[dict]) -> list[str]:
    sizes = sorted({r["participants"] for r in rows})
    head = " | ".join(f"{s} participants" for s in sizes)
    lines = [f"| Page | {head} | Target at {sizes[-1]} |", "|---|" + "---:|" * len(sizes) + "---|"]
    for name, limit in PAGE_TARGETS.items():
        cells = {r["participants"]: r for r in rows if r["page"] == name}
        if not cells:
            continue
        shown = " | ".join(
            f"{cells[s]['seconds'] * 1000:.0f} ms, {kb(cells[s]['bytes'])}"
            + ("" if cells[s]["status"] == 200 else f" ({cells[s]['status']})")
            for s in sizes
        )
        last = cells[sizes[-1]]
        ok = last["seconds"] < limit and (name != "presenter live, unchanged" or last["bytes"] == 0)
        extra = ", 0 bytes" if name == "presenter live, unchanged" else ""
        lines.append(f"| {name} | {shown} | < {limit * 1000:.0f} ms{extra}: {verdict(ok)} |")
    return lines


def exports_table(rows: list[dict]) -> list[str]:
    lines = [
        "| Export | Participants | Time | Peak memory of the process (growth during the export) | File | Target |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        seconds, megabytes = EXPORT_TARGETS.get((r["format"], r["size"]), (None, None))
        target = "–"
        if seconds:
            ok = r["seconds"] < seconds and (megabytes is None or r["peak_mb"] < megabytes)
            target = f"< {seconds} s" + (f", < {megabytes} MB" if megabytes else "") + f": {verdict(ok)}"
        lines.append(
            f"| {NAMES[r['format']]} | {r['size']} | {r['seconds']:.1f} s | {r['peak_mb']:.0f} MB "
            f"(+{r['growth_mb']:.0f} MB) | {kb(r['bytes'])} | {target} |"
        )
    return lines


def problems(results: dict) -> list[str]:
    """What makes the run fail: a request error, a journey given up, an acknowledged answer lost."""
    found = []
    for db, section in results["databases"].items():
        wave = section.get("wave")
        if wave:
            errors = sum(r["errors"] for r in wave["rows"] if r["name"] != "Aggregated")
            failed = (wave["journeys"] or {}).get("failed", 0)
            found += [f"{NAMES[db]}: {errors} failed requests in the wave"] if errors else []
            found += [f"{NAMES[db]}: {failed} journeys given up"] if failed else []
            found += [f"{NAMES[db]}: {wave['check']['lost']} answers lost"] if wave["check"]["lost"] else []
        t = section.get("throughput")
        if t and (t["save"]["errors"] or t["check"]["lost"] or t["hello"]["errors"]):
            found.append(f"{NAMES[db]}: errors or lost answers in the no-pause run")
    return found


def options(args: dict) -> str:
    said = [
        f"Parts: {', '.join(args['parts'])}; databases: {', '.join(NAMES[d] for d in args['databases'])}."
    ]
    if "wave" in args["parts"]:
        said.append(
            f"Wave: {args['participants']} participants arriving {args['spawn_rate']:g} per second, "
            f"{args['wait'][0]:g}–{args['wait'][1]:g} s between clicks, presenter's live fragment polled every "
            f"{args['poll']:g} s, results page every {args['results_every']:g} s."
        )
    if "throughput" in args["parts"]:
        said.append(
            f"No-pause runs: {args['throughput_seconds']} s with {args['throughput_users']} users each "
            "(requests per second over the steady part, the first third, at most 5 s, left out)."
        )
    if "pages" in args["parts"]:
        said.append(f"Pages: median of {args['page_runs']} runs after one unmeasured warm-up.")
    return " ".join(said)


def render(results: dict) -> str:
    meta, args = results["meta"], results["args"]
    lines = [
        "# Workshop benchmark (issue 11)",
        "",
        f"{meta['date']}, commit {meta['commit']}, {meta['cores']} cores, load average "
        f"{' / '.join(map(str, meta['load_start']))} at the start and {' / '.join(map(str, meta['load_end']))} "
        f"at the end (1 / 5 / 15 min), Python {meta['python']}, {meta['platform']}.",
        "",
        "Production server: scripts/serve.sh (gunicorn, "
        "WEB_CONCURRENCY workers (2), gthread, DEBUG off, WhiteNoise), one throw-away database per run; "
        "the hello-world is a bare Django app served by the same gunicorn settings. Rerun: `make bench` "
        "(options: `.venv/bin/python -m bench --help`).",
        "",
        options(args),
        *(["", meta["note"]] if meta.get("note") else []),
    ]
    for db, section in results["databases"].items():
        if "wave" in section:
            lines += [
                "",
                f"## The wave on {NAMES[db]}",
                "",
                *wave_table(section["wave"], args["participants"]),
            ]
    if any("throughput" in s for s in results["databases"].values()):
        lines += ["", "## Maximum autosave throughput", "", *throughput_table(results["databases"])]
    for db, section in results["databases"].items():
        if section.get("pages"):
            lines += [
                "",
                f"## Facilitator pages on {NAMES[db]} (over HTTP, median)",
                "",
                *pages_table(section["pages"]),
            ]
    if results["exports"]:
        lines += ["", f"## Exports (on {NAMES[results['exports_database']]}, in a fresh process each)", ""]
        lines += exports_table(results["exports"])
    durations = ", ".join(f"{NAMES.get(k, k)} {v:.0f} s" for k, v in results["durations"].items())
    found = problems(results)
    lines += ["", f"Durations: {durations}.", "", "**Problems:** " + ("; ".join(found) if found else "none.")]
    return "\n".join(lines) + "\n"
