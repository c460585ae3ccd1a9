"""Benchmark of the audit log alone: transactions per second through ``audit_reads_record`` in ``audit_call``.

    .venv/bin/python bench/audit_chains.py [--database-url postgres://postgres@127.0.0.1:5432/wk_audit_bench]
                                           [--writers 1,4,16,64] [--entries 5,45] [--seconds 5] [--repeat 1]
                                           [--export 15000] [--pace 0.2] [--baseline 3e36cd7] [--output bench/results/audit_chains.md]

One run measures, side by side on the same PostgreSQL server:

- **before**: the code of ``--baseline`` (one chain, one lock for the whole city, the old indexes), in its own
  database migrated by that code (``<name>_before``), extracted with ``git archive`` into a temporary
  directory; ``--baseline ''`` leaves it out;
- **1 chain**: this code with ``AUDIT_CHAINS=1`` (every call takes the same lock);
- **64 chains**: this code with ``AUDIT_CHAINS=64`` (the default).

Each cell: N writer processes (forked after ``django.setup()``, each with its own connection and its own
user, so on 64 chains each on its own chain), each looping ``with audit_call(): audit_reads_record(...)``
with E entries (E residents) per call, for S seconds. Then the export case: one call with 15,000 entries
while 16 writers go on, and how long those writers wait meanwhile. Every run starts from empty audit tables
(the databases' names must contain "bench"). Prints the tables and writes them to the results file. The
measuring processes are bench/audit_chains_measure.py.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess  # noqa: S404 -- runs this script and git, nothing from outside
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wk_audit_bench"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "audit_chains.md"
MEASURE = ROOT / "bench" / "audit_chains_measure.py"  # the measuring processes


# --- the orchestrator -----------------------------------------------------------------------------------


def _database(url: str, suffix: str = "") -> str:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + suffix
    if "bench" not in name:
        sys.exit(f"Refusing to use database '{name}': its name must contain 'bench'.")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def _run(command: str, tree: Path, url: str, chains: int, **extra) -> dict:
    argv = [sys.executable, str(MEASURE), command, "--tree", str(tree), "--url", url, "--chains", str(chains)]
    for key, value in extra.items():
        argv += [f"--{key.replace('_', '-')}", str(value)]
    done = subprocess.run(argv, cwd=tree, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        sys.exit(f"{command} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _baseline_tree(commit: str) -> Path:
    target = Path(tempfile.mkdtemp(prefix="wk-audit-before-"))
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True)  # noqa: S603, S607
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)  # noqa: S603, S607
    return target


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--writers", default="1,4,16,64")
    parser.add_argument("--entries", default="5,45")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--repeat", type=int, default=1, help="runs per cell, the best counts (a shared machine)")
    parser.add_argument("--export", type=int, default=15_000)
    parser.add_argument(
        "--pace", type=float, default=0.2, help="seconds between two calls of a writer during the export"
    )
    parser.add_argument("--baseline", default="3e36cd7", help="git commit of 'today' (empty: leave it out)")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
    args = parser.parse_args(argv)
    writers = [int(w) for w in args.writers.split(",")]
    entries = [int(e) for e in args.entries.split(",")]
    load = os.getloadavg()
    variants = [
        ("64 chains", ROOT, _database(args.database_url), 64),
        ("1 chain", ROOT, _database(args.database_url), 1),
    ]
    if args.baseline:
        variants.append(
            (f"before ({args.baseline})", _baseline_tree(args.baseline), _database(args.database_url, "_before"), 1)
        )
    info = {}
    for label, tree, url, chains in variants:
        info[label] = _run("_setup", tree, url, chains)
    cells: dict = {}
    for e in entries:
        for w in writers:
            for _round in range(args.repeat):  # the variants take turns, so a busy moment hits them all
                for label, tree, url, chains in variants:
                    result = _run("_cell", tree, url, chains, writers=w, entries=e, seconds=args.seconds)
                    best = cells.get((e, w, label))
                    if best is None or result["tps"] > best["tps"]:
                        cells[(e, w, label)] = best = result
                    print(
                        f"{e:>2} entries, {w:>2} writers, {label:<20} {result['tps']:8.0f} tx/s  p95 {result['p95'] * 1000:6.1f} ms",
                        flush=True,
                    )
    exports = {}
    for label, tree, url, chains in variants:
        exports[label] = _run("_export", tree, url, chains, export=args.export, pace=args.pace)
        print(f"export, {label:<20} {json.dumps(exports[label])}", flush=True)
    verified = _run("_verify", ROOT, variants[0][2], 64)
    report = _report(args, variants, writers, entries, cells, exports, verified, info, load)
    Path(args.output).write_text(report)
    print(report)


def _report(args, variants, writers, entries, cells, exports, verified, info, load) -> str:
    import django

    labels = [label for label, *_ in variants]
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark: the audit log's chains",
        "",
        f"Measured with `bench/audit_chains.py` (`--seconds {args.seconds:g} --repeat {args.repeat}`, the best of the repeats): writer processes, each with its own",
        "connection and user, looping `with audit_call(): audit_reads_record(...)`; every call appends E entries",
        "(E residents) and commits. The lock round trip takes the chain lock and reads the chain's head (and the new ids);",
        "on a busy machine it also holds the time a process waits for a core. The busiest lock held: the share of",
        "the run during which the most used chain lock was held (near 100%: that lock is what limits the writers).",
        "`before` is the code of commit "
        f"`{args.baseline or '-'}` (one chain, the old indexes) in a database migrated by it.",
        "",
        "## Machine",
        "",
        f"- date: {now}; load average at the start (1/5/15 min): {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}",
        f"- cores (nproc): {os.cpu_count()}; {platform.platform()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, {info[labels[0]]['postgres']} (default configuration), on the same machine",
        "",
        "## Transactions per second",
        "",
        "| entries per call | writers | "
        + " | ".join(f"{label} tx/s" for label in labels)
        + " | 64 chains ÷ "
        + labels[-1]
        + " | "
        + " | ".join(f"{label} p95" for label in labels)
        + " | lock round trip p95, waiting included ("
        + " / ".join(labels)
        + ") | busiest lock held ("
        + " / ".join(labels)
        + ") |",
        "|---:|---:|" + "---:|" * (2 * len(labels) + 1) + "---|---|",
    ]
    for e in entries:
        for w in writers:
            row = [cells[(e, w, label)] for label in labels]
            ratio = row[0]["tps"] / row[-1]["tps"] if row[-1]["tps"] else 0
            lines.append(
                f"| {e} | {w} | "
                + " | ".join(f"{r['tps']:,.0f}" for r in row)
                + f" | {ratio:.1f}× | "
                + " | ".join(f"{r['p95'] * 1000:.1f} ms" for r in row)
                + " | "
                + " / ".join(f"{r['lock_p95'] * 1000:.1f} ms" for r in row)
                + " | "
                + " / ".join(f"{r.get('lock_busy', 0) * 100:.0f}%" for r in row)
                + " |"
            )
    lines += [
        "",
        f"## The export: one call with {args.export:,} entries while 16 writers go on (5 entries per call, one call every {args.pace:g} s each)",
        "",
        "| variant | export call | chain lock held | other writers: slowest call during it | p95 during it | p50 otherwise |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label in labels:
        x = exports[label]
        lines.append(
            f"| {label} | {x['export_s']:.2f} s | {x['lock_s']:.2f} s | {x['others_max'] * 1000:.0f} ms | "
            f"{x['others_p95'] * 1000:.0f} ms | {x['others_p50_outside'] * 1000:.1f} ms |"
        )
    lines += ["", "## Verifying (64 chains, this run's entries)", ""]
    for workers, v in verified.items():
        rate = v["entries"] / v["seconds"] if v["seconds"] else 0
        lines.append(
            f"- {workers} worker(s): {v['entries']:,} entries in {v['seconds']:.1f} s ({rate:,.0f} entries/s), {'in orde' if v['ok'] else 'NIET in orde'}"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
