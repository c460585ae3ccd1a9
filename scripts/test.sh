#!/usr/bin/env bash
# The whole check, in order, stopping at the first failure (called by `make test`, which installs first):
#   services → ruff check → ruff format --check → makemigrations --check → pytest (SQLite) → pytest (PostgreSQL)
# With CI=true nothing is skipped: a missing PostgreSQL, Redis or Chromium is a failure.
# Extra arguments go to both pytest runs, e.g. `make test PYTEST_ARGS="-k audit -x"`.
# Each pytest run spreads its tests over PYTEST_WORKERS processes (pytest-xdist; default 2, one per core of the
# 2-core CI machine; 0 runs them in the pytest process itself). Every worker has its own test database:
# SQLite in memory, PostgreSQL test_wijkkracht_gw0, test_wijkkracht_gw1, ...; its own live server and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PY=$VENV/bin/python
export PATH="$PWD/$VENV/bin:$PATH"
PG_URL=postgres://postgres@127.0.0.1:5432/wijkkracht
WORKERS=${PYTEST_WORKERS:-2}

step() { echo "==> $*"; }

step "Diensten controleren (PostgreSQL, Redis, Chromium)"
services=$(scripts/services.sh)
eval "$services"

step "ruff check"
ruff check --quiet .

step "ruff format --check"
ruff format --check --quiet .

step "Migraties compleet (makemigrations --check)"
if ! out=$(env -u DATABASE_URL "$PY" manage.py makemigrations --check --dry-run 2>&1); then
	echo "$out"
	echo "FOUT: er ontbreken migraties (maak ze met: .venv/bin/python manage.py makemigrations)" >&2
	exit 1
fi

run_pytest() { # run_pytest LABEL [ENV=VALUE...]: pytest with the given environment; exit 5 (no tests) fails too
	local label=$1 rc=0
	shift
	# shellcheck disable=SC2086 # PYTEST_ARGS is split on purpose
	env -u DATABASE_URL "$@" "$PY" -m pytest -n "$WORKERS" ${PYTEST_ARGS:-} </dev/null || rc=$?
	if [ "$rc" = 5 ]; then
		echo "FOUT: pytest ($label) heeft geen enkele test uitgevoerd" >&2
	fi
	return "$rc"
}

step "pytest op SQLite"
run_pytest SQLite

if [ "${WIJKKRACHT_PG_AVAILABLE:-0}" = 1 ]; then
	step "pytest op PostgreSQL"
	run_pytest PostgreSQL "DATABASE_URL=$PG_URL"
elif [[ "${CI:-}" =~ ^(true|TRUE|True|1)$ ]]; then
	echo "FOUT: PostgreSQL niet beschikbaar; met CI=true wordt de PostgreSQL-run niet overgeslagen" >&2
	exit 1
else
	step "pytest op PostgreSQL overgeslagen (PostgreSQL antwoordt niet)"
fi
# No line after pytest's own summary: CI reads the last pytest summary as the run's closing line.
