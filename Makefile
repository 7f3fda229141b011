# Two commands do all set-up on a fresh Debian machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
APT_GET := $(shell command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo) apt-get
export CHROMIUM_PATH ?= /usr/bin/chromium

.PHONY: run serve bench test test-sqlite test-postgres lint install install-test system-deps system-test-deps messages compilemessages clean

$(BIN)/.installed-base: requirements/base.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.txt
	touch $@

$(BIN)/.installed-test: requirements/test.txt $(BIN)/.installed-base
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Debian packages the application needs at run time: Pango for WeasyPrint (PDF reports) and
# Liberation Sans, the Arial-metric font of the NL Design System tokens. Installed only where missing.
system-deps:
	@missing=""; \
	ls /usr/lib/*/libpango-1.0.so.0 >/dev/null 2>&1 || missing="$$missing libpango-1.0-0"; \
	ls /usr/lib/*/libpangoft2-1.0.so.0 >/dev/null 2>&1 || missing="$$missing libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi 'Liberation Sans' || missing="$$missing fontconfig fonts-liberation"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian:$$missing"; \
	  $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq --no-install-recommends $$missing; \
	fi

# Debian packages: gettext for the translations, Chromium for the browser tests, Java for the
# W3C Nu HTML Checker (vnu) in the browser tests, PostgreSQL for the second database run.
# Installed only where missing.
system-test-deps:
	@missing=""; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	[ -x $(CHROMIUM_PATH) ] || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian:$$missing"; \
	  $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq --no-install-recommends $$missing; \
	fi

# Compile the catalogues (the .mo files are not in git); part of every installation.
compilemessages: $(BIN)/.installed-base
	@command -v msgfmt >/dev/null || { DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq gettext || { $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq gettext; }; }
	cd gesprekstool && ../$(PY) ../manage.py compilemessages --verbosity 0

# For developers after changing msgids or Dutch: makemessages (nl, en), English msgstr = msgid,
# compilemessages; fails listing every Dutch entry still empty or fuzzy. See docs/translations.md.
messages: compilemessages
	$(PY) scripts/messages.py

install: system-deps $(BIN)/.installed-base node_modules/.installed compilemessages

install-test: install $(BIN)/.installed-test system-test-deps

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo
	@echo
	@echo "Gesprekstool runs on http://127.0.0.1:8000 (stop with Ctrl+C)."
	$(PY) manage.py runserver 127.0.0.1:8000

# Production: the same installation, then scripts/serve.sh (migrate, collectstatic, gunicorn with
# DEBUG=0). Settings come from the environment; see README, "Running it for real".
serve: install
	scripts/serve.sh

# The workshop benchmark of issue 11 (not part of `make test`, which runs a 5-participant version):
# the production server on SQLite and PostgreSQL, a wave of 300 participants, autosave throughput
# against a hello-world, facilitator pages and exports. Writes docs/bench/latest.md. About half an
# hour on 2 cores; BENCH_ARGS="--quick" or e.g. "--databases sqlite --parts wave" for a part.
# In one process, without servers: .venv/bin/python -m bench.local pages|exports (bench/local.py).
bench: install-test
	$(PY) -m bench $(BENCH_ARGS)

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@for po in gesprekstool/locale/*/LC_MESSAGES/django.po; do \
	  stats=$$(msgfmt --check --statistics -o /dev/null $$po 2>&1) || { echo "$$po: $$stats"; exit 1; }; \
	  case "$$stats" in *fuzzy*|*untranslated*) echo "$$po is incomplete: $$stats"; exit 1;; esac; \
	done
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

test-sqlite: install-test
	$(BIN)/pytest

# The browser tests run on SQLite only: they test pages, not the database, and running them twice
# took `make test` to 13.7 of its 15 minutes on a 2-core machine. `make test-postgres` runs them too.
E2E := tests/e2e tests/reports/e2e

test-postgres: install-test
	scripts/with-postgres.sh $(BIN)/pytest

# On SQLite first without the browser tests, on both cores (pytest-xdist: one test database per
# worker); then the browser tests (SQLite) and the whole suite without them on PostgreSQL side by
# side, one per core (the PostgreSQL output follows when both are done). Fails when either fails.
test: install-test lint
	$(BIN)/pytest -p no:cacheprovider -n 2 $(addprefix --ignore=,$(E2E))
	@rm -f .test-postgres.log; \
	( scripts/with-postgres.sh $(BIN)/pytest -p no:cacheprovider $(addprefix --ignore=,$(E2E)) > .test-postgres.log 2>&1 ) & pg=$$!; \
	$(BIN)/pytest -p no:cacheprovider $(E2E); browser=$$?; \
	wait $$pg; postgres=$$?; \
	echo "--- PostgreSQL run (without the browser tests) ---"; cat .test-postgres.log; \
	echo "browser tests: exit $$browser; PostgreSQL run: exit $$postgres"; \
	[ $$browser = 0 ] && [ $$postgres = 0 ]

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3*
