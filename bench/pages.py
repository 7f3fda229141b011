"""The facilitator's pages over HTTP against the production server: time and bytes, median of runs."""

import re
import statistics
import time

import requests

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LIVE = re.compile(r'presentatie/live/\?[^"]*versie=([0-9a-f]+)')

PAGES = [
    ("results", "/rondes/{pk}/resultaten/"),
    ("prepare", "/rondes/{pk}/gesprek/"),
    ("presenter page", "/rondes/{pk}/presentatie/"),
    ("presenter live, changed", "/rondes/{pk}/presentatie/live/?versie=0"),
    ("presenter live, unchanged", "/rondes/{pk}/presentatie/live/?versie={version}"),
    ("round page", "/rondes/{pk}/"),
]


def logged_in(base: str, login: dict) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/inloggen/", timeout=60)
    token = CSRF.search(page.text)[1]
    response = session.post(
        f"{base}/inloggen/", data={**login, "csrfmiddlewaretoken": token}, allow_redirects=False, timeout=60
    )
    if response.status_code != 302:
        raise RuntimeError(f"the facilitator could not log in: {response.status_code}")
    return session


def timed(session: requests.Session, url: str) -> tuple[float, int, int]:
    start = time.perf_counter()
    response = session.get(url, headers={"HX-Request": "true"} if "/live/" in url else {}, timeout=300)
    seconds = time.perf_counter() - start
    return seconds, len(response.content), response.status_code


def measure_pages(base: str, login: dict, rounds: dict[int, int], runs: int) -> list[dict]:
    """One row per page and round size: median seconds over `runs` (after one unmeasured warm-up),
    bytes of the body as sent (HTML, not compressed), and the HTTP status."""
    session = logged_in(base, login)
    rows = []
    for size, pk in sorted(rounds.items()):
        presenter = session.get(f"{base}/rondes/{pk}/presentatie/", timeout=300).text
        version = LIVE.search(presenter)[1]
        for name, pattern in PAGES:
            url = base + pattern.format(pk=pk, version=version)
            timed(session, url)
            samples = [timed(session, url) for _ in range(runs)]
            rows.append(
                {
                    "page": name,
                    "participants": size,
                    "seconds": statistics.median(s for s, _, _ in samples),
                    "bytes": samples[-1][1],
                    "status": samples[-1][2],
                    "runs": runs,
                }
            )
    return rows
