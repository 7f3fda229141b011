#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server on 127.0.0.1, started from
# Debian's postgresql package as user postgres, and removed afterwards.
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=${PGPORT_TEST:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
datadir=$(mktemp -d /tmp/gesprekstool-pg.XXXXXX)
chown postgres "$datadir" 2>/dev/null || true
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_postgres "$bindir/pg_ctl" -D "$datadir" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$datadir"; }
trap cleanup EXIT
as_postgres "$bindir/initdb" -D "$datadir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$bindir/pg_ctl" -D "$datadir" -o "-h 127.0.0.1 -p $port -k $datadir -F" -l "$datadir/server.log" -w start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/gesprekstool"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
