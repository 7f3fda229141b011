"""Django-side steps of a benchmark run, each in its own process against the server's database:

    python -m bench.tasks seed PLAN --wave N --autosave U --finished 10 100 300
    python -m bench.tasks verify PLAN ACKS...      every acknowledged answer against the database
    python -m bench.tasks export ROUND FORMAT      one export: seconds, bytes and peak memory

Each prints one JSON object on its last line of output.
"""

import argparse
import json
import os
import resource
import secrets
import sys
import time
from pathlib import Path


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gesprekstool.settings")
    import django  # noqa: PLC0415

    django.setup()


def seed(args) -> dict:
    from . import data  # noqa: PLC0415

    password = secrets.token_urlsafe(16)
    organisation = data.organisation_with_facilitator(password)
    wave, wave_tokens = data.fresh_round(organisation, args.wave, "Benchmark: de golf")
    autosave, autosave_tokens = data.fresh_round(
        organisation, args.autosave, "Benchmark: opslaan zonder pauze"
    )
    finished = {str(size): data.finished_round(organisation, size).pk for size in sorted(set(args.finished))}
    plan = {
        "login": {"username": data.FACILITATOR, "password": password},
        "instrument": data.instrument_outline(wave),
        "wave": {"round": wave.pk, "tokens": wave_tokens},
        "autosave": {"round": autosave.pk, "tokens": autosave_tokens},
        "finished": finished,
    }
    Path(args.plan).write_text(json.dumps(plan))
    return {"rounds": 2 + len(finished)}


def stored_answers(tokens: list[str]) -> dict[tuple[str, str, str], object]:
    """What the database holds for these participants, keyed as the acknowledgements are."""
    from gesprekstool.rounds.models import Choice, Comment, Participant, Score  # noqa: PLC0415

    stored: dict[tuple[str, str, str], object] = {}
    for p in Participant.objects.filter(token__in=tokens):
        stored[(p.token, "note", "")] = p.step1_note
        stored[(p.token, "finished", "")] = p.finished_at is not None
    for s in Score.objects.filter(participant__token__in=tokens).select_related("participant"):
        stored[(s.participant.token, "score", s.theme)] = s.first
        stored[(s.participant.token, "revised", s.theme)] = s.revised
    for c in Comment.objects.filter(participant__token__in=tokens).select_related("participant"):
        stored[(c.participant.token, "comment", c.theme)] = c.text
    for c in Choice.objects.filter(participant__token__in=tokens).select_related("participant"):
        answer = stored.setdefault((c.participant.token, "question", c.question), {})
        answer[c.option] = c.text
    return stored


def verify(args) -> dict:
    """The last acknowledged value of every answer (per participant, per field) must be in the
    database: an answer the server confirmed and then lost counts as lost."""
    last: dict[tuple[str, str, str], object] = {}
    acknowledged = 0
    for path in args.acks:
        with open(path) as lines:
            for line in lines:
                ack = json.loads(line)
                last[(ack["p"], ack["kind"], ack["key"])] = ack["value"]
                acknowledged += 1
    stored = stored_answers(sorted({token for token, _kind, _key in last}))
    lost = [
        {"kind": kind, "key": key, "acknowledged": value, "stored": stored.get((token, kind, key))}
        for (token, kind, key), value in last.items()
        if stored.get((token, kind, key), {} if kind == "question" else None) != value
    ]
    return {"acknowledged": acknowledged, "answers": len(last), "lost": len(lost), "examples": lost[:5]}


def export(args) -> dict:
    """One export in this fresh process, so that its peak memory is its own."""
    from django.utils import translation  # noqa: PLC0415

    from gesprekstool.reports.docx import render_docx  # noqa: PLC0415
    from gesprekstool.reports.pdf import render_pdf  # noqa: PLC0415
    from gesprekstool.reports.xlsx import render_xlsx  # noqa: PLC0415
    from gesprekstool.rounds.models import Round  # noqa: PLC0415

    renderers = {"pdf": render_pdf, "docx": render_docx, "xlsx": render_xlsx}
    translation.activate("nl")
    round_ = Round.objects.get(pk=args.round)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    content = renderers[args.format](round_)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {
        "seconds": seconds,
        "bytes": len(content),
        "peak_mb": peak / 1024,
        "growth_mb": (peak - before) / 1024,
        "participants": round_.participants.count(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("seed")
    p.add_argument("plan")
    p.add_argument("--wave", type=int, required=True)
    p.add_argument("--autosave", type=int, required=True)
    p.add_argument("--finished", type=int, nargs="*", default=[])
    p = commands.add_parser("verify")
    p.add_argument("acks", nargs="+")
    p = commands.add_parser("export")
    p.add_argument("round", type=int)
    p.add_argument("format", choices=["pdf", "docx", "xlsx"])
    args = parser.parse_args(argv)
    setup()
    result = {"seed": seed, "verify": verify, "export": export}[args.command](args)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
