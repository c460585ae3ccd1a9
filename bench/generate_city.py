"""Benchmark of `generate_city`: demo scale on SQLite and PostgreSQL, city scale on PostgreSQL.

    .venv/bin/python bench/generate_city.py [--database-url postgres://postgres@127.0.0.1:5432/wijkkracht_bench]
                                            [--skip-city] [--output bench/results/generate_city.md]

Every run starts from a fresh, migrated database: the PostgreSQL database named in the URL is DROPPED
and created again (so its name must contain "bench"), the SQLite file lives in var/bench/. Each
`manage.py` call is a separate process, as a developer would run it; the wall time includes Django's
start-up, the "in command" time is what generate_city reports itself. Results go to a Markdown file.
"""

import argparse
import datetime
import os
import platform
import re
import subprocess  # noqa: S404 -- runs manage.py, nothing from outside
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the bench package, when run as a script

from bench.environment import cpu_model, fresh_database, memory_kb  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wijkkracht_bench"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "generate_city.md"
SQLITE_PATH = ROOT / "var" / "bench" / "generate_city.sqlite3"
TABLES = {
    "neighbourhoods": "areas_neighbourhood",
    "postcode areas": "areas_postcodearea",
    "teams": "organisations_team",
    "users": "accounts_user",
    "TOTP devices": "otp_totp_totpdevice",
    "households": "people_household",
    "residents": "people_resident",
    "access grants": "access_accessgrant",
    "help requests": "cases_helprequest",
    "solution paths": "cases_requestsolution",
    "informal checks": "cases_informalcheck",
    "contacts": "cases_contact",
    "ZRM assessments": "cases_selfrelianceassessment",
    "ZRM scores": "cases_domainscore",
    "support plans": "cases_supportplan",
    "plan actions": "cases_planaction",
    "carers": "care_carer",
    "EDIZ assessments": "care_carerstrainassessment",
    "watch contacts": "care_watchcontact",
    "signals": "care_signal",
}


@dataclass
class Run:
    label: str
    database: str
    command: str
    wall_seconds: float = 0.0
    command_seconds: str = ""
    size_bytes: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def manage(database_url: str, *args: str) -> tuple[float, str]:
    """Run manage.py with the given database; (wall seconds, stdout). Fails loudly on a non-zero exit."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "wijkkracht.settings"}
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 -- fixed argv: this interpreter and manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return seconds, result.stdout


def reported_seconds(output: str) -> str:
    match = re.search(r"Klaar in ([\d,]+) s", output)
    return match.group(1).replace(",", ".") if match else "?"


def phase_notes(output: str) -> list[str]:
    """The case-work phases generate_city reports with their own time, e.g. 'Hulpvragen sinds 2015 (4,0 s)'."""
    return [
        f"{m.group(1)}: {m.group(2).replace(',', '.')} s"
        for m in re.finditer(r"^(Hulpvragen sinds 2015|Mantelzorg, waakvlam en signalen) \(([\d,]+) s\)", output, re.M)
    ]


def pg_measure(url: str, run: Run) -> None:
    with psycopg.connect(url) as conn:
        run.size_bytes = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        for label, table in TABLES.items():
            run.rows[label] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 -- fixed names
        for table in ("people_resident", "people_household", "cases_helprequest", "cases_contact", "cases_domainscore"):
            size = conn.execute("SELECT pg_total_relation_size(%s)", [table]).fetchone()[0]
            run.notes.append(f"{table}: {mb(size)} (with indexes)")


def sqlite_measure(path: Path, run: Run) -> None:
    import sqlite3

    run.size_bytes = path.stat().st_size
    with sqlite3.connect(path) as conn:
        for label, table in TABLES.items():
            run.rows[label] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 -- fixed names


def mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def bench_pg(url: str, scale: str) -> Run:
    run = Run(f"{scale} on PostgreSQL", "PostgreSQL", f"manage.py generate_city --scale {scale}")
    fresh_database(url)
    manage(url, "migrate", "-v0")
    run.wall_seconds, output = manage(url, "generate_city", "--scale", scale)
    run.command_seconds = reported_seconds(output)
    run.notes += phase_notes(output)
    pg_measure(url, run)
    again, output = manage(url, "generate_city", "--scale", scale)
    run.notes.append(f"second call without --reset: {again:.1f} s, nothing changed: {output.strip()}")
    return run


def bench_sqlite() -> Run:
    run = Run("demo on SQLite", "SQLite", "manage.py generate_city --scale demo")
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    SQLITE_PATH.unlink(missing_ok=True)
    url = f"sqlite:///{SQLITE_PATH}"
    manage(url, "migrate", "-v0")
    run.wall_seconds, output = manage(url, "generate_city", "--scale", "demo")
    run.command_seconds = reported_seconds(output)
    run.notes += phase_notes(output)
    sqlite_measure(SQLITE_PATH, run)
    return run


def machine(url: str, load: tuple[float, float, float]) -> list[str]:
    busy = load[0] > (os.cpu_count() or 1)
    cpu, memory = cpu_model(), memory_kb()
    with psycopg.connect(url) as conn:
        pg_version = conn.execute("SHOW server_version").fetchone()[0]
    import django
    import faker

    return [
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- cores (nproc): {os.cpu_count()} ({cpu})",
        f"- memory: {memory / 1024 / 1024:.1f} GB",
        f"- system: {platform.platform()}",
        f"- load average when the benchmark started (1/5/15 min): {' / '.join(f'{x:.2f}' for x in load)}"
        + (" (above the core count: other work shared the machine, times are on the high side)" if busy else ""),
        f"- Python {platform.python_version()}, Django {django.get_version()}, Faker {faker.VERSION}, "
        f"PostgreSQL {pg_version} (default configuration), SQLite {__import__('sqlite3').sqlite_version}",
    ]


def report(runs: list[Run], url: str, argv: list[str], load: tuple[float, float, float]) -> str:
    safe_url = urlunsplit(urlsplit(url)._replace(netloc=urlsplit(url).hostname or ""))
    lines = [
        "# Benchmark: generate_city (the synthetic city)",
        "",
        "Measured with `bench/generate_city.py`. Every run starts from an empty, migrated database.",
        "Wall = the whole `manage.py` process (including Django start-up); in command = the time",
        "`generate_city` reports itself (one transaction; ids from the sequence and COPY on PostgreSQL, see",
        "`wijkkracht/synthetic/insert.py`). Since issue 4 the city includes ten years of case work (2015 up to",
        "the day of the run) and care records; the case-work rows therefore grow a little with the date.",
        "",
        "## Machine",
        "",
        *machine(url, load),
        "",
        "## Results",
        "",
        "| run | wall | in command | database size | residents | households | access grants | users |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        r = run.rows
        lines.append(
            f"| {run.label} | {run.wall_seconds:.1f} s | {run.command_seconds} s | {mb(run.size_bytes)} | "
            f"{r['residents']:,} | {r['households']:,} | {r['access grants']:,} | {r['users']:,} |"
        )
    lines += ["", "## Rows per table", ""]
    lines += ["| table | " + " | ".join(run.label for run in runs) + " |", "|---|" + "---:|" * len(runs)]
    for label in TABLES:
        lines.append(f"| {label} | " + " | ".join(f"{run.rows[label]:,}" for run in runs) + " |")
    lines += ["", "## Notes", ""]
    for run in runs:
        lines += [f"- {run.label}: {note}" for note in run.notes]
    lines += [
        "",
        "## Run again",
        "",
        "```sh",
        f".venv/bin/python bench/generate_city.py {' '.join(argv)}".rstrip(),
        "```",
        "",
        f"PostgreSQL database: `{safe_url}` (dropped and created again); SQLite file: `var/bench/`.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    load = os.getloadavg()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url", default=DEFAULT_URL, help=f"PostgreSQL, will be dropped (default {DEFAULT_URL})"
    )
    parser.add_argument("--skip-city", action="store_true", help="skip the city scale (220,000 residents)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    runs = [bench_sqlite()]
    print(f"{runs[-1].label}: {runs[-1].wall_seconds:.1f} s", flush=True)
    scales = ["demo"] if args.skip_city else ["demo", "city"]
    for scale in scales:
        runs.append(bench_pg(args.database_url, scale))
        print(f"{runs[-1].label}: {runs[-1].wall_seconds:.1f} s", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report(runs, args.database_url, sys.argv[1:], load))
    print(f"Results written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")


if __name__ == "__main__":
    main()
