# wijkkracht: one entry point for the demo, the checks and the lock files.
#   make demo   installs what is missing, fills a demo city and serves http://127.0.0.1:8000
#   make test   installs what the suite needs, starts PostgreSQL/Redis, runs every check (what CI runs)
# Installs are remembered in stamp files (.venv/.stamp-*, node_modules/.stamp): nothing is installed
# again until requirements/*.txt or package-lock.json change.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.ONESHELL:
.SILENT:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

VENV := .venv
VPY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
UV_STAMP := $(VENV)/.stamp-uv-$(UV_VERSION)
BASE_STAMP := $(VENV)/.stamp-base
DEV_STAMP := $(VENV)/.stamp-dev
NODE_STAMP := node_modules/.stamp
MANAGE := $(VPY) manage.py
# Python 3.11: python3.11 if present, else python3 (checked to be 3.11 before use).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VAR_DIR := $(or $(WIJKKRACHT_VAR_DIR),var)
STATIC_MANIFEST := $(VAR_DIR)/static/staticfiles.json
STATIC_SOURCES := $(shell find wijkkracht -path '*/static/*' -type f 2>/dev/null)
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra arguments for generate_city, e.g. `make demo CITY_ARGS="--seed 7"`.
CITY_ARGS ?=
# The uv cache may sit on another file system than .venv: copy instead of warning about hard links.
export UV_LINK_MODE ?= copy
# Trust the machine's certificate store (as pip and curl do), not only uv's built-in list.
export UV_SYSTEM_CERTS ?= 1

.PHONY: help demo serve test lint format lock messages otp services install install-dev clean distclean

help: ## Deze lijst
	echo "wijkkracht — make-doelen:"
	grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

# --- Installs ------------------------------------------------------------------------------------------
# The venv's python is a symlink to the interpreter: when that disappears, make sees it missing and
# the venv is made anew (with every stamp in it).
$(VPY):
	if [ -z "$(PYTHON)" ]; then
		echo "Python 3.11 niet gevonden: installeer python3.11 (sudo apt-get install python3.11 python3.11-venv)" >&2; exit 1
	fi
	if ! "$(PYTHON)" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
		echo "$(PYTHON) is $$("$(PYTHON)" -V 2>&1), wijkkracht vraagt Python 3.11: installeer python3.11 of geef PYTHON=/pad/naar/python3.11" >&2; exit 1
	fi
	echo "==> Python-omgeving maken (.venv, $$("$(PYTHON)" -V 2>&1))"
	rm -rf $(VENV)
	if ! "$(PYTHON)" -c 'import ensurepip' 2>/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "==> python3.11-venv installeren (apt)"
		apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3.11-venv >/dev/null
	fi
	if ! "$(PYTHON)" -m venv $(VENV) >/dev/null; then
		rm -rf $(VENV)
		echo "venv maken mislukt: installeer python3.11-venv (sudo apt-get install python3.11-venv)" >&2; exit 1
	fi

$(UV_STAMP): $(VPY)
	echo "==> uv $(UV_VERSION) installeren in .venv"
	$(VPY) -m pip install --quiet --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	rm -f $(VENV)/.stamp-uv-*
	touch $@

# --compile-bytecode: Python may be told not to write .pyc files (PYTHONDONTWRITEBYTECODE), and then
# every manage.py call would compile Django and friends anew (about 3 s instead of 1 s).
UV_SYNC := $(UV) pip sync --quiet --require-hashes --compile-bytecode --python $(VPY)

# dev.txt holds every pin of base.txt: an up-to-date dev install also serves the demo, so switching
# between `make demo` and `make test` installs nothing.
$(BASE_STAMP): requirements/base.txt $(UV_STAMP)
	if [ -f $(DEV_STAMP) ] && [ $(DEV_STAMP) -nt requirements/base.txt ] && [ $(DEV_STAMP) -nt requirements/dev.txt ]; then
		touch $@; exit 0
	fi
	echo "==> Python-pakketten installeren (requirements/base.txt)"
	$(UV_SYNC) requirements/base.txt
	rm -f $(DEV_STAMP)
	touch $@

$(DEV_STAMP): requirements/dev.txt requirements/base.txt $(UV_STAMP)
	echo "==> Python-pakketten installeren (requirements/dev.txt)"
	$(UV_SYNC) requirements/dev.txt
	touch $@

$(NODE_STAMP): package-lock.json package.json
	if ! command -v npm >/dev/null; then
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
			echo "==> Node.js en npm installeren (apt)"
			export DEBIAN_FRONTEND=noninteractive
			apt-get update -qq >/dev/null
			# Some nodejs builds bring npm along (and conflict with Debian's npm package).
			apt-get install -y -qq --no-install-recommends nodejs >/dev/null
			command -v npm >/dev/null || apt-get install -y -qq --no-install-recommends npm >/dev/null
		else
			echo "npm ontbreekt: installeer Node.js en npm (sudo apt-get install nodejs npm)" >&2; exit 1
		fi
	fi
	echo "==> Front-endpakketten installeren (npm ci)"
	npm ci --no-audit --no-fund --no-update-notifier --ignore-scripts --loglevel=error >/dev/null
	touch $@

$(STATIC_MANIFEST): $(BASE_STAMP) $(NODE_STAMP) $(STATIC_SOURCES)
	echo "==> Statische bestanden verzamelen (collectstatic)"
	$(MANAGE) collectstatic --noinput --verbosity 0
	touch $@

install: $(BASE_STAMP) $(NODE_STAMP) ## Installeer wat de demo nodig heeft (.venv met base.txt, node_modules)

install-dev: $(DEV_STAMP) $(NODE_STAMP) ## Installeer wat de tests nodig hebben (.venv met dev.txt, node_modules)

services: ## Installeer en start PostgreSQL, Redis en Chromium (als root), of zeg wat ontbreekt
	scripts/services.sh >/dev/null

# --- Demo ---------------------------------------------------------------------------------------------
# Served by gunicorn (in base.txt), not runserver: DEBUG is off in the demo, so it runs as it would in
# production (WhiteNoise serves the collected static files), without the autoreloader's second process
# and its file polling, and with two workers so a slow page does not hold up the next request.
GUNICORN := $(VENV)/bin/gunicorn wijkkracht.wsgi:application --bind $(HOST):$(PORT) --workers 2 --preload --log-level warning

# The scheduled jobs (sealing the audit log every minute, checking it every hour) run in-process beside
# gunicorn: `manage.py run_jobs` in the background, stopped when gunicorn stops (Ctrl+C or otherwise).
define SERVE_WITH_JOBS
	$(MANAGE) run_jobs &
	jobs_pid=$$!
	trap 'kill -TERM $$jobs_pid 2>/dev/null || true; wait $$jobs_pid 2>/dev/null || true' EXIT
	$(GUNICORN)
endef

demo: $(BASE_STAMP) $(NODE_STAMP) $(STATIC_MANIFEST) ## Demo: installeer, vul een demostad en serveer op http://127.0.0.1:8000
	mkdir -p $(VAR_DIR)
	$(VPY) -m scripts.demo_setup $(CITY_ARGS) # migrate, generate_city, demo_logins (one process)
	echo "==> wijkkracht draait op http://$(HOST):$(PORT)/ (stoppen met Ctrl+C); geplande taken via run_jobs"
	$(SERVE_WITH_JOBS)

serve: $(BASE_STAMP) $(STATIC_MANIFEST) ## Serveer de bestaande database op http://127.0.0.1:8000 (zonder demo-opbouw)
	echo "==> wijkkracht draait op http://$(HOST):$(PORT)/ (stoppen met Ctrl+C); geplande taken via run_jobs"
	$(SERVE_WITH_JOBS)

otp: $(BASE_STAMP) ## Toon de huidige demo-code voor de tweede stap bij inloggen
	$(MANAGE) demo_otp

# --- Checks -------------------------------------------------------------------------------------------
test: $(DEV_STAMP) $(NODE_STAMP) ## Alle controles: ruff, migraties, pytest op SQLite en op PostgreSQL (zoals CI)
	VENV=$(VENV) scripts/test.sh

lint: $(DEV_STAMP) ## ruff check en ruff format --check
	echo "==> ruff check"
	$(VENV)/bin/ruff check --quiet .
	echo "==> ruff format --check"
	$(VENV)/bin/ruff format --check --quiet .

format: $(DEV_STAMP) ## Herschrijf de code met ruff format en ruff check --fix
	$(VENV)/bin/ruff format --quiet .
	$(VENV)/bin/ruff check --fix --quiet .

lock: $(UV_STAMP) ## Leg requirements/base.txt en dev.txt opnieuw vast (UPGRADE=1: nieuwste versies)
	echo "==> requirements/*.txt vastleggen met uv pip compile$(if $(UPGRADE), (--upgrade))"
	cd requirements
	for name in base dev; do
		../$(UV) pip compile --quiet --python-version 3.11 --generate-hashes $(if $(UPGRADE),--upgrade) \
			--custom-compile-command "make lock" "$$name.in" -o "$$name.txt"
	done

messages: $(DEV_STAMP) ## Compileer locale/*/django.po naar .mo (scripts/compile_messages.py)
	$(VPY) scripts/compile_messages.py

# --- Cleaning -----------------------------------------------------------------------------------------
clean: ## Verwijder .venv, node_modules, verzamelde statische bestanden en caches (database blijft)
	echo "==> Opruimen"
	rm -rf $(VENV) node_modules $(VAR_DIR)/static .ruff_cache .pytest_cache
	find . -name __pycache__ -type d -not -path './.git/*' -prune -exec rm -rf {} +

distclean: clean ## Als clean, en ook var/ (database en geheime sleutel)
	rm -rf $(VAR_DIR)
