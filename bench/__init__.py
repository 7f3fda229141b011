"""The workshop benchmark of issue 11: `make bench` (or `.venv/bin/python -m bench --help`).

Starts the production server (scripts/serve.sh: gunicorn, DEBUG off, WhiteNoise) on throw-away
SQLite and PostgreSQL databases, a bare Django hello-world served the same way as the yardstick,
and drives them with locust in a subprocess (gevent never enters this process or pytest).

Modules: servers (processes), tasks (Django-side work in a subprocess: seed, verify, exports),
data (generated rounds), locustfile (the simulated people), loadrun (runs locust, reads its
figures), pages (facilitator pages over HTTP), report (the markdown), __main__ (the command), and
local (pages and exports measured in one process, without servers: `python -m bench.local`).
"""
