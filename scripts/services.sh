#!/usr/bin/env bash
# Makes sure the services the test suite needs are there and answering on this machine:
#   PostgreSQL on 127.0.0.1:5432 (user postgres, trust on loopback), Redis on 127.0.0.1:6379, Chromium.
#
# As root on a Debian-like machine it apt-installs what is missing and starts what is not running
# (idempotent: what already answers is left alone). As another user it starts nothing; when something
# does not answer it prints ONE line saying what to install, and the matching tests are skipped.
# With CI=true anything missing is an error (exit 1): CI never skips the PostgreSQL run.
#
# Progress goes to stderr; stdout carries only `export NAME=value` lines for the caller to eval:
#   eval "$(scripts/services.sh)"
# exporting WIJKKRACHT_PG_AVAILABLE, WIJKKRACHT_REDIS_AVAILABLE (1/0), WIJKKRACHT_CHROMIUM (path or empty),
# and CELERY_TEST_BROKER_URL when Redis answers.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
REDIS_HOST=127.0.0.1
REDIS_PORT=6379
WAIT_SECONDS=30

say() { echo "==> $*" >&2; }
is_ci() { case "${CI:-}" in true | TRUE | True | 1) return 0 ;; *) return 1 ;; esac }
is_root() { [ "$(id -u)" = "0" ]; }
can_apt() { is_root && command -v apt-get >/dev/null 2>&1; }

pg_answers() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 2>/dev/null; }
pg_login_ok() { psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1 </dev/null; }
redis_answers() {
	command -v redis-cli >/dev/null 2>&1 &&
		[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null || true)" = "PONG" ]
}
find_chromium() {
	local c
	for c in "${WIJKKRACHT_CHROMIUM:-}" chromium chromium-browser; do
		[ -n "$c" ] && command -v "$c" 2>/dev/null && return 0
	done
	return 1
}
pg_installed() { command -v pg_ctlcluster >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; }

wait_for() { # wait_for DESCRIPTION COMMAND...: until COMMAND succeeds, at most WAIT_SECONDS
	local what=$1 deadline=$((SECONDS + WAIT_SECONDS))
	shift
	until "$@"; do
		if ((SECONDS >= deadline)); then
			echo "$what antwoordt na ${WAIT_SECONDS} s nog niet" >&2
			return 1
		fi
		sleep 0.5
	done
}

# --- 1. Install what is missing (root on Debian-like machines only) -------------------------------
missing=()
pg_answers || pg_installed || missing+=(postgresql)
redis_answers || command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
find_chromium >/dev/null || missing+=(chromium fonts-liberation)
if [ ${#missing[@]} -gt 0 ] && can_apt; then
	say "Systeempakketten installeren: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	# A failed install is reported below, with what is still missing.
	{ apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
		echo "apt-get install ${missing[*]} is mislukt" >&2
fi

# --- 2. PostgreSQL ----------------------------------------------------------------------------------
pg_cluster() { # prints "VERSION NAME" of the cluster to use: the one on port 5432, else the newest
	pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1, $2; found=1; exit} END {if (!found) exit 1}' ||
		pg_lsclusters -h 2>/dev/null | sort -k1,1nr | awk 'NR == 1 {print $1, $2}'
}

pg_configure() { # loopback only, trust for local connections (a throwaway development/test database)
	local dir=/etc/postgresql/$1/$2 hba conf
	conf=$(printf "# wijkkracht (scripts/services.sh): development/test server, loopback only\nlisten_addresses = '%s'\nport = %s" \
		"$PG_HOST" "$PG_PORT")
	mkdir -p "$dir/conf.d" || return 1
	if [ "$(cat "$dir/conf.d/wijkkracht.conf" 2>/dev/null)" != "$conf" ]; then
		echo "$conf" >"$dir/conf.d/wijkkracht.conf" || return 1
		pg_changed=1
	fi
	hba=$dir/pg_hba.conf
	if ! grep -q '^# wijkkracht-trust' "$hba"; then
		# pg_hba.conf is first-match: the trust lines go on top.
		{
			echo "# wijkkracht-trust (scripts/services.sh): development/test server, no passwords on this machine"
			echo "local   all             all                                     trust"
			echo "host    all             all             127.0.0.1/32            trust"
			echo "host    all             all             ::1/128                 trust"
			cat "$hba"
		} >"$hba.wijkkracht" || return 1
		cat "$hba.wijkkracht" >"$hba" && rm -f "$hba.wijkkracht" || return 1
		pg_changed=1
	fi
}

# Runs where `set -e` does not reach (an `if` condition), so every step checks its own result.
pg_start() {
	local ver='' name='' status log
	read -r ver name < <(pg_cluster) || true
	if [ -z "$ver" ]; then
		ver=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -nr | head -1)
		name=main
		say "PostgreSQL-cluster aanmaken ($ver/$name)"
		pg_createcluster "$ver" "$name" >/dev/null || return 1
	fi
	log=/var/log/postgresql/postgresql-$ver-$name.log
	pg_changed=0
	pg_configure "$ver" "$name" || return 1
	status=$(pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1 == v && $2 == n {print $4}')
	if [ "$status" = "online" ]; then
		if [ "$pg_changed" = 1 ] || ! pg_answers; then
			say "PostgreSQL $ver herstarten (luistert op $PG_HOST:$PG_PORT)"
			pg_ctlcluster "$ver" "$name" restart >/dev/null || { echo "zie $log" >&2; return 1; }
		fi
	else
		say "PostgreSQL $ver starten"
		pg_ctlcluster "$ver" "$name" start >/dev/null || { echo "zie $log" >&2; return 1; }
	fi
	wait_for PostgreSQL pg_answers || return 1
	wait_for "PostgreSQL (inloggen als postgres)" pg_login_ok || return 1
}

pg_ok=0
if pg_answers && pg_login_ok; then
	pg_ok=1
elif is_root && pg_installed; then
	if pg_start; then pg_ok=1; fi
fi
if [ "$pg_ok" = 1 ]; then
	# The application database (tests use test_wijkkracht, which pytest-django creates itself).
	if [ -z "$(psql -X -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'wijkkracht'" </dev/null)" ]; then
		createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres wijkkracht </dev/null
	fi
fi

# --- 3. Redis -----------------------------------------------------------------------------------------
redis_ok=0
if redis_answers; then
	redis_ok=1
elif is_root && command -v redis-server >/dev/null 2>&1; then
	say "Redis starten"
	# No persistence: a broker for tests and the demo, nothing to keep.
	if redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --daemonize yes \
		--save '' --appendonly no --dir /tmp --logfile '' >/dev/null && wait_for Redis redis_answers; then
		redis_ok=1
	fi
fi

# --- 4. Chromium --------------------------------------------------------------------------------------
chromium=$(find_chromium || true)

# --- 5. Report: one line when something is missing ---------------------------------------------------
join() { # join SEPARATOR WORD...
	local sep=$1 out=$2 x
	shift 2
	for x in "$@"; do out+="$sep$x"; done
	echo "$out"
}
list_nl() { # list_nl A B C → "A, B en C"
	if [ $# -le 1 ]; then echo "$*"; else echo "$(join ', ' "${@:1:$#-1}") en ${!#}"; fi
}
if [ "$pg_ok" = 0 ] || [ "$redis_ok" = 0 ] || [ -z "$chromium" ]; then
	problems=() install=() skipped=() need_start=0 failed_start=0
	if [ "$pg_ok" = 0 ]; then
		problems+=("PostgreSQL antwoordt niet op $PG_HOST:$PG_PORT")
		skipped+=("PostgreSQL-tests")
		pg_installed || install+=(postgresql)
		if is_root && pg_installed; then failed_start=1; else need_start=1; fi
	fi
	if [ "$redis_ok" = 0 ]; then
		problems+=("Redis antwoordt niet op $REDIS_HOST:$REDIS_PORT")
		skipped+=("Celery-tests")
		command -v redis-server >/dev/null 2>&1 || install+=(redis-server)
		if is_root && command -v redis-server >/dev/null 2>&1; then failed_start=1; else need_start=1; fi
	fi
	if [ -z "$chromium" ]; then
		problems+=("Chromium ontbreekt")
		skipped+=("browsertests")
		install+=(chromium)
	fi
	hints=()
	[ ${#install[@]} -eq 0 ] || hints+=("installeer $(list_nl "${install[@]}") (sudo apt-get install ${install[*]})")
	[ "$need_start" = 0 ] || hints+=("start ze als root (sudo scripts/services.sh)")
	[ "$failed_start" = 0 ] || hints+=("starten mislukt, zie de meldingen hierboven")
	line="$(join ', ' "${problems[@]}"): $(list_nl "${hints[@]}")"
	if is_ci; then
		echo "FOUT: $line — met CI=true wordt niets overgeslagen" >&2
		exit 1
	fi
	echo "$line — de $(list_nl "${skipped[@]}") worden overgeslagen" >&2
fi

echo "export WIJKKRACHT_PG_AVAILABLE=$pg_ok"
echo "export WIJKKRACHT_REDIS_AVAILABLE=$redis_ok"
echo "export WIJKKRACHT_CHROMIUM=$chromium"
if [ "$redis_ok" = 1 ]; then
	echo "export CELERY_TEST_BROKER_URL=\${CELERY_TEST_BROKER_URL:-redis://$REDIS_HOST:$REDIS_PORT/15}"
fi
