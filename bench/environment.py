"""What the benchmarks share: a fresh benchmark database, and the machine and database a run was on for
its results file (bench/casework_pages.py, bench/pages.py, bench/generate_city.py, bench/matching.py,
bench/socialmap.py)."""

import datetime
import os
import platform
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def fresh_database(url: str) -> None:
    """Drop and create the PostgreSQL database of ``url``; refused unless its name contains 'bench'."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to drop database '{name}': its name must contain 'bench'.")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def cpu_model() -> str:
    return next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "?",
    )


def memory_kb() -> int:
    found = (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    return int(next(found, "0"))


def machine(load) -> list[str]:
    from django.db import connection

    cpu, memory = cpu_model(), memory_kb()
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    import django

    busy = load[0] > (os.cpu_count() or 1)
    return [
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- cores (nproc): {os.cpu_count()} ({cpu})",
        f"- memory: {memory / 1024 / 1024:.1f} GB",
        f"- system: {platform.platform()}",
        f"- load average when the benchmark started (1/5/15 min): {' / '.join(f'{x:.2f}' for x in load)}"
        + (" (above the core count: other work shared the machine, times are on the high side)" if busy else ""),
        f"- Python {platform.python_version()}, Django {django.get_version()}, PostgreSQL {version} (default "
        "configuration), client and database on the same machine",
    ]


def database_figures() -> list[str]:
    from django.db import connection

    tables = {
        "residents": "people_resident",
        "households": "people_household",
        "help requests": "cases_helprequest",
        "contacts": "cases_contact",
        "ZRM scores": "cases_domainscore",
        "carers": "care_carer",
        "watch contacts": "care_watchcontact",
        "audit events": "audit_auditevent",
    }
    out = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
        for label, table in tables.items():
            try:
                cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 -- fixed names
                out.append(f"{label}: {cursor.fetchone()[0]:,}")
            except Exception:  # noqa: BLE001 -- a table of another app may not exist yet
                connection.rollback() if not connection.get_autocommit() else None
    return [f"- database size: {size / 1024 / 1024:.0f} MB", "- rows: " + ", ".join(out)]
