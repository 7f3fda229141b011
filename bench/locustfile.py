"""The simulated people, for locust (run only by bench.loadrun, in its own process: gevent).

    WaveParticipant  walks the whole journey once: introduction, step 1 (six scores and a note,
                     autosaved), every theme of step 2 (ticks, texts and a comment, autosaved),
                     review (one revised score), hand in; a pause of BENCH_WAIT_MIN..MAX s per click.
    Facilitator      logs in, opens the presenter view, polls its live fragment every BENCH_POLL s
                     (as htmx does, with the version it was given) and the results page now and then.
    AutosaveUser     posts step-2 answers without pause: the maximum autosave throughput.
    HelloUser        asks the hello-world for its page without pause: the yardstick.

Every answer the server acknowledges (200 "saved", or the redirect after a whole-page save) is
written to BENCH_ACKS (JSON lines), to be checked against the database afterwards.
"""

import json
import os
import random
import re
import time
from pathlib import Path
from urllib.parse import urlencode

import gevent
import requests
from locust import FastHttpUser, HttpUser, constant, events, task
from locust.exception import StopUser

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
ACKS = open(os.environ["BENCH_ACKS"], "a", buffering=1)  # noqa: SIM115 - open for the whole run
WAIT = (float(os.environ.get("BENCH_WAIT_MIN", "2")), float(os.environ.get("BENCH_WAIT_MAX", "6")))
POLL = float(os.environ.get("BENCH_POLL", "3"))
RESULTS_EVERY = float(os.environ.get("BENCH_RESULTS_EVERY", "15"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"|"X-CSRFToken": "([^"]+)"')
LIVE = re.compile(r'presentatie/live/\?[^"]*versie=([0-9a-f]+)')
SAVED = "gt-save-status--ok"
HTMX = {"HX-Request": "true"}
# A new connection for every click: after a pause of seconds gunicorn has closed the kept-alive one
# anyway (keep-alive 2 s), and reusing it races with that close ("status 0", which a browser would
# quietly retry). The no-pause runs keep their connections.
CLOSE = {"Connection": "close"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}

wave_tokens = iter(PLAN["wave"]["tokens"])
autosave_tokens = iter(PLAN["autosave"]["tokens"])  # one participant per user: acks in order
journeys = {"finished": 0, "failed": 0}


def next_token(tokens) -> str:
    """The next participant of the plan for a new simulated user; a user beyond the plan stops."""
    token = next(tokens, None)
    if token is None:
        raise StopUser
    return token


def acknowledge(token: str, kind: str, key: str, value) -> None:
    ACKS.write(json.dumps({"p": token, "kind": kind, "key": key, "value": value, "t": time.time()}) + "\n")


def pick_answer(question: dict, rng: random.Random) -> dict[str, str]:
    """A valid answer: one option that stands alone (exclusive, or one that asks "klopt dat?" when
    combined: marked exclusive in the plan), or one to three others; words where an option asks for them."""
    exclusive = [o for o in question["options"] if o["exclusive"]]
    others = [o for o in question["options"] if not o["exclusive"]]
    ticked = (
        [rng.choice(exclusive)]
        if exclusive and rng.random() < 0.1
        else rng.sample(others, k=rng.randint(1, min(3, len(others))))
    )
    return {
        o["code"]: f"Toelichting bij {o['code']}, {rng.randint(1, 999)}." if o["text"] else "" for o in ticked
    }


def question_data(code: str, answer: dict[str, str]) -> dict:
    data = {f"q{code}-options": list(answer)}
    data.update({f"q{code}-text_{option}": text for option, text in answer.items() if text})
    return data


class WaveParticipant(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.token = next_token(wave_tokens)
        self.base = f"/d/{self.token}/"
        self.rng = random.Random(self.token)
        self.csrf = ""
        self.client.headers.update(CLOSE)

    def pause(self):
        gevent.sleep(self.rng.uniform(*WAIT))

    def page(self, path: str, name: str):
        with self.client.get(self.base + path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                raise StopUser
            match = CSRF.search(response.text)
            self.csrf = (match[1] or match[2]) if match else self.csrf

    def autosave(self, path: str, name: str, data: dict) -> bool:
        headers = {**HTMX, **FORM, "X-CSRFToken": self.csrf}
        body = urlencode(data, doseq=True)
        with self.client.post(
            self.base + path, data=body, headers=headers, name=name, catch_response=True
        ) as response:
            if response.status_code == 200 and SAVED in response.text:
                return True
            response.failure(f"not saved: status {response.status_code} {response.error or ''}")
            return False

    def submit(self, path: str, name: str, data: dict, goes_to: str) -> bool:
        body = urlencode({**data, "csrfmiddlewaretoken": self.csrf}, doseq=True)
        with self.client.post(
            self.base + path, data=body, headers=FORM, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code == 302 and response.headers.get("Location", "").endswith(goes_to):
                return True
            response.failure(
                f"status {response.status_code} {response.error or ''}, to {response.headers.get('Location')}"
            )
            raise StopUser

    @task
    def journey(self):
        try:
            self.walk()
            journeys["finished"] += 1
        except BaseException:
            journeys["failed"] += 1
            raise
        raise StopUser

    def walk(self):
        self.page("", "intro page")
        self.pause()
        self.submit("beginnen/", "start", {}, "stap-1/")
        self.page("stap-1/", "step 1 page")
        scores = self.step1()
        themes = PLAN["instrument"]
        for index, theme in enumerate(themes):
            goes_to = f"stap-2/{themes[index + 1]['code']}/" if index + 1 < len(themes) else "herzien/"
            self.step2(theme, goes_to)
        self.page("herzien/", "review page")
        self.review(scores)
        self.page("klaar/", "done page")

    def step1(self) -> dict[str, int]:
        """Six scores and the note, each autosaved; then the page's own button."""
        t, rng, scores = self.token, self.rng, {}
        for theme in PLAN["instrument"]:
            self.pause()
            value, code = rng.randint(1, 6), theme["code"]
            scores[code] = value  # ticked on the page, whether the autosave worked or not
            if self.autosave(f"stap-1/score/{code}/", "score autosave", {f"score-{code}-score": value}):
                acknowledge(t, "score", code, value)
        self.pause()
        note = f"Wat mij opvalt, deelnemer {t[:6]}."
        if self.autosave("stap-1/notitie/", "note autosave", {"note-text": note}):
            acknowledge(t, "note", "", note)
        self.pause()
        data = {f"score-{code}-score": value for code, value in scores.items()} | {"note-text": note}
        self.submit("stap-1/", "step 1 submit", data, f"stap-2/{PLAN['instrument'][0]['code']}/")
        for code, value in scores.items():
            acknowledge(t, "score", code, value)
        acknowledge(t, "note", "", note)
        return scores

    def step2(self, theme: dict, goes_to: str) -> None:
        """One theme: tick by tick (each tick autosaves the question), the comment, then the button."""
        t, rng, code = self.token, self.rng, theme["code"]
        self.page(f"stap-2/{code}/", "step 2 page")
        answers, data = {}, {}
        for question in theme["questions"]:
            answers[question["code"]] = answer = pick_answer(question, rng)
            for ticks in range(1, len(answer) + 1):
                self.pause()
                partial = dict(list(answer.items())[:ticks])
                path = f"stap-2/vraag/{question['code']}/"
                if self.autosave(path, "question autosave", question_data(question["code"], partial)):
                    acknowledge(t, "question", question["code"], partial)
            data |= question_data(question["code"], answer)
        self.pause()
        comment = f"Opmerking bij thema {code}: {rng.randint(1, 999)}."
        if self.autosave(f"stap-2/opmerking/{code}/", "comment autosave", {f"comment-{code}-text": comment}):
            acknowledge(t, "comment", code, comment)
        self.pause()
        self.submit(
            f"stap-2/{code}/",
            "step 2 submit",
            data | {f"comment-{code}-text": comment, "go": "next"},
            goes_to,
        )
        for question, answer in answers.items():
            acknowledge(t, "question", question, answer)
        acknowledge(t, "comment", code, comment)

    def review(self, scores: dict[str, int]) -> None:
        """One score revised (autosaved), then hand in with every revised score."""
        t, revised = self.token, dict(scores)
        self.pause()
        changed = self.rng.choice(list(revised))
        revised[changed] = revised[changed] % 6 + 1
        if self.autosave(
            f"herzien/{changed}/", "revise autosave", {f"score-{changed}-score": revised[changed]}
        ):
            acknowledge(t, "revised", changed, revised[changed])
        self.pause()
        data = {f"score-{code}-score": value for code, value in revised.items()} | {"go": "finish"}
        self.submit("herzien/", "hand in", data, "klaar/")
        for code, value in revised.items():
            acknowledge(t, "revised", code, value)
        acknowledge(t, "finished", "", True)


class Facilitator(HttpUser):
    fixed_count = 1
    wait_time = constant(POLL)

    def on_start(self):
        self.client.headers.update(CLOSE)
        response = self.client.get("/inloggen/", name="login page")
        match = CSRF.search(response.text)
        login = {**PLAN["login"], "csrfmiddlewaretoken": (match[1] or match[2]) if match else ""}
        with self.client.post(
            "/inloggen/", data=login, name="login", allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code != 302:
                r.failure(f"login refused: {r.status_code}")
                raise StopUser
        self.round = PLAN["wave"]["round"]
        response = self.client.get(f"/rondes/{self.round}/presentatie/", name="presenter page")
        match = LIVE.search(response.text)
        self.version = match[1] if match else ""
        self.results_at = time.monotonic()

    @task
    def poll(self):
        """As htmx: ask with the version shown; a 204 means nothing changed, a 200 brings a new one."""
        url = f"{self.client.base_url}/rondes/{self.round}/presentatie/live/?versie={self.version}"
        start = time.perf_counter()
        exception = None
        try:
            response = requests.Session.request(
                self.client, "GET", url, headers={**HTMX, **CLOSE}, allow_redirects=False
            )
            length = len(response.content)
            name = {204: "presenter live (unchanged)", 200: "presenter live (changed)"}.get(
                response.status_code
            )
            if name is None:
                name, exception = "presenter live", RuntimeError(f"status {response.status_code}")
            elif response.status_code == 200:
                match = LIVE.search(response.text)
                self.version = match[1] if match else self.version
        except requests.RequestException as error:
            name, length, exception = "presenter live", 0, error
        elapsed = (time.perf_counter() - start) * 1000
        self.environment.events.request.fire(
            request_type="GET",
            name=name,
            response_time=elapsed,
            response_length=length,
            exception=exception,
            context={},
            response=None,
        )
        if time.monotonic() - self.results_at >= RESULTS_EVERY:
            self.results_at = time.monotonic()
            self.client.get(f"/rondes/{self.round}/resultaten/", name="results page")


class AutosaveUser(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.token = next_token(autosave_tokens)
        self.rng = random.Random()
        response = self.client.get(f"/d/{self.token}/", name="autosave: intro page")
        match = CSRF.search(response.text)
        self.headers = {**HTMX, **FORM, "X-CSRFToken": (match[1] or match[2]) if match else ""}
        self.questions = [q for theme in PLAN["instrument"] for q in theme["questions"]]

    @task
    def save(self):
        question = self.rng.choice(self.questions)
        answer = pick_answer(question, self.rng)
        body = urlencode(question_data(question["code"], answer), doseq=True)
        path = f"/d/{self.token}/stap-2/vraag/{question['code']}/"
        with self.client.post(
            path, data=body, headers=self.headers, name="question autosave", catch_response=True
        ) as r:
            if r.status_code == 200 and SAVED in r.text:
                acknowledge(self.token, "question", question["code"], answer)
            else:
                r.failure(f"not saved: status {r.status_code}")


class HelloUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def hello(self):
        self.client.get("/", name="hello-world")


@events.test_start.add_listener
def stop_when_everyone_handed_in(environment, **_kwargs):
    """The wave ends when every participant finished (or gave up); the run time is only a ceiling."""
    wanted = len(PLAN["wave"]["tokens"])

    def watch():
        while journeys["finished"] + journeys["failed"] < wanted:
            gevent.sleep(0.5)
        gevent.sleep(2 * POLL + 1)  # the facilitator sees the last change, then an unchanged poll
        environment.runner.quit()

    if "WaveParticipant" in {cls.__name__ for cls in environment.user_classes}:
        gevent.spawn(watch)


def figures(entry, warmup: float) -> dict:
    """One request type: count, failures, p50/p95/max (ms), mean size, and requests per second in
    the steady part of the run (the first `warmup` seconds and the last, partial one left out)."""
    seconds = sorted(entry.num_reqs_per_sec)
    steady = [s for s in seconds if seconds[0] + warmup <= s < seconds[-1]] if seconds else []
    return {
        "name": entry.name,
        "method": entry.method,
        "count": entry.num_requests,
        "errors": entry.num_failures,
        "p50": entry.get_response_time_percentile(0.5) if entry.num_requests else 0,
        "p95": entry.get_response_time_percentile(0.95) if entry.num_requests else 0,
        "max": entry.max_response_time or 0,
        "bytes": entry.avg_content_length,
        "rps": sum(entry.num_reqs_per_sec[s] for s in steady) / len(steady) if steady else 0.0,
    }


@events.quitting.add_listener
def write_figures(environment, **_kwargs):
    """Written here, when the run has stopped: locust's CSV files may miss the last second."""
    warmup = float(os.environ.get("BENCH_WARMUP", "0"))
    rows = [figures(entry, warmup) for entry in environment.stats.entries.values()]
    rows.append({**figures(environment.stats.total, warmup), "name": "Aggregated"})
    out = Path(os.environ["BENCH_ACKS"])
    out.with_suffix(".journeys.json").write_text(json.dumps(journeys))
    out.with_suffix(".figures.json").write_text(json.dumps(sorted(rows, key=lambda r: r["name"])))
