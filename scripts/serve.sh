#!/usr/bin/env bash
# The production server (`make serve`): prepares the database and the static files, then runs
# gunicorn in the foreground (for systemd, a container or a process supervisor).
#
#   scripts/serve.sh            migrate, collectstatic, then serve
#   scripts/serve.sh --no-prepare   serve only (a second server on a host where the first one prepared)
#
# Settings come from the environment (README, "Running it for real"). DEBUG must be off.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${VENV_BIN:-.venv/bin}  # the virtualenv `make install` made

case "$(printf '%s' "${DEBUG:-0}" | tr '[:upper:]' '[:lower:]')" in
  0|false|no|off) export DEBUG=0 ;;
  *) echo "scripts/serve.sh runs the production server and refuses DEBUG=${DEBUG}; unset it or set DEBUG=0." >&2; exit 2 ;;
esac
if [ -z "${SECRET_KEY:-}" ]; then
  echo "scripts/serve.sh needs SECRET_KEY: a long random value, the same on every server (python3 -c 'import secrets; print(secrets.token_urlsafe(50))')." >&2
  exit 2
fi

case "${1:-}" in
  ""|--no-prepare) ;;
  *) echo "usage: scripts/serve.sh [--no-prepare]" >&2; exit 2 ;;
esac

if [ "${1:-}" != "--no-prepare" ]; then
  # Settings are checked first, so a typo stops here and not halfway through a migration.
  "$bin/python" manage.py check --deploy --fail-level ERROR
  "$bin/python" manage.py migrate_locked
  "$bin/python" manage.py collectstatic --noinput --verbosity 0
fi

exec "$bin/gunicorn" --config python:gesprekstool.gunicorn_conf
