"""The machine and the database a benchmark ran on, for its results file (bench/casework_pages.py,
bench/pages.py)."""

import datetime
import os
import platform
from pathlib import Path


def machine(load) -> list[str]:
    from django.db import connection

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "?",
    )
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0"
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    import django

    busy = load[0] > (os.cpu_count() or 1)
    return [
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- cores (nproc): {os.cpu_count()} ({cpu})",
        f"- memory: {int(memory) / 1024 / 1024:.1f} GB",
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
