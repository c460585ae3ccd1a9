"""Benchmark of the audit log alone: transactions per second through ``audit_reads_record`` in ``audit_call``.

    .venv/bin/python bench/audit_chains.py [--database-url postgres://postgres@127.0.0.1:5432/wk_audit_bench]
                                           [--writers 1,4,16,64] [--entries 5,45] [--seconds 5] [--repeat 1]
                                           [--export 15000] [--baseline 3e36cd7] [--output bench/results/audit_chains.md]

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
(the databases' names must contain "bench"). Prints the tables and writes them to the results file.
"""

import argparse
import datetime
import json
import multiprocessing
import os
import platform
import subprocess  # noqa: S404 -- runs this script and git, nothing from outside
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wk_audit_bench"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "audit_chains.md"
USERS = 80


def _pct(values, p):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


# --- inside one measuring process (``_cell`` / ``_export`` / ``_setup``), with the tree on sys.path --------------


def _django(tree: str, url: str, chains: int) -> None:
    os.environ.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="wijkkracht.settings", AUDIT_CHAINS=str(chains))
    os.environ.setdefault("WIJKKRACHT_VAR_DIR", str(Path(tempfile.gettempdir()) / "wk-audit-bench-var"))
    sys.path.insert(0, tree)
    import django

    django.setup()


def _timed_lock(log: list) -> None:
    """Time every take of the chain lock (this code: ``chain.lock_chain``; before: ``services._lock_chain``)."""
    import importlib

    for module_name, name in (("wijkkracht.audit.chain", "lock_chain"), ("wijkkracht.audit.services", "_lock_chain")):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        original = getattr(module, name, None)
        if original is None:
            continue

        def timed(*args, _original=original, **kwargs):
            started = time.perf_counter()
            result = _original(*args, **kwargs)
            log.append((started, time.perf_counter() - started))
            return result

        setattr(module, name, timed)


def _reads(count: int, seed: int):
    from wijkkracht.audit.models import Basis, Purpose, Relationship
    from wijkkracht.audit.services import Read

    return [
        Read(
            subject_ref=str(uuid.UUID(int=seed * 1_000_000 + n)),
            object_type="people.Resident,cases.HelpRequest",
            category="personal_details",
            fields=("name", "birth_date", "address", "question", "status"),
            purpose=Purpose.CASE_WORK,
            basis=Basis.TEAM,
            relationship=Relationship.HANDLER,
        )
        for n in range(count)
    ]


_FORK = multiprocessing.get_context("fork")


def _writer(user_id: int, entries: int, seconds: float, go, until, out: str) -> None:
    """One writer: connect and get ready, wait for ``go``, then append for ``seconds`` (and while ``until``
    is not set, when given); the calls and lock waits go to the file ``out``."""
    from django.db import connection

    from wijkkracht.accounts.models import User
    from wijkkracht.audit.services import audit_call, audit_reads_record

    locks: list = []
    _timed_lock(locks)
    user = User.objects.get(pk=user_id)
    reads = _reads(entries, user_id)
    txs = []
    go.wait()
    stop = time.time() + seconds
    while time.time() < stop or (until is not None and not until.is_set()):
        began = time.time()
        with audit_call():
            audit_reads_record(actor=user, view="workspace:caseload", reads=reads)
        txs.append((began, time.time() - began))
    connection.close()
    Path(out).write_text(json.dumps({"txs": txs, "locks": [w for _t, w in locks]}))


def _start(target, *args):
    process = _FORK.Process(target=target, args=args, daemon=True)
    process.start()
    return process


def _writers(user_ids, entries, seconds, go, until=None) -> tuple[list, list[str]]:
    from django.db import connections

    connections.close_all()  # before forking: no connection may be shared with a child
    tmp = Path(tempfile.mkdtemp(prefix="wk-audit-bench-"))
    outs = [str(tmp / f"{n}.json") for n in range(len(user_ids))]
    return [
        _start(_writer, uid, entries, seconds, go, until, out) for uid, out in zip(user_ids, outs, strict=True)
    ], outs


def _results(processes, outs) -> list[dict]:
    for process in processes:
        process.join()
    return [json.loads(Path(out).read_text()) for out in outs]


def cell(args) -> dict:
    _django(args.tree, args.url, args.chains)
    from wijkkracht.accounts.models import User

    user_ids = list(User.objects.filter(username__startswith="bench-").order_by("pk").values_list("pk", flat=True))
    go = _FORK.Event()
    processes, outs = _writers(user_ids[: args.writers], args.entries, args.seconds, go)
    time.sleep(1.0 + args.writers * 0.02)  # every writer connected and ready
    started = time.time()
    go.set()
    results = _results(processes, outs)
    stop = started + args.seconds
    latencies = [lat for r in results for began, lat in r["txs"] if began < stop]
    locks = [w for r in results for w in r["locks"]]
    return {
        "tx": len(latencies),
        "tps": len(latencies) / args.seconds,
        "p50": _pct(latencies, 50),
        "p95": _pct(latencies, 95),
        "lock_p95": _pct(locks, 95),
    }


def _exporter(user_id: int, count: int, go, done, out: str) -> None:
    from wijkkracht.accounts.models import User
    from wijkkracht.audit.services import audit_call, audit_reads_record

    locks: list = []
    _timed_lock(locks)
    exporter = User.objects.get(pk=user_id)
    reads = _reads(count, 999)
    go.wait()
    time.sleep(1.0)
    began = time.time()
    with audit_call():
        audit_reads_record(actor=exporter, view="people:resident-export", reads=reads)
    ended, perf_end = time.time(), time.perf_counter()
    done.set()
    # From the moment the lock was taken (after any wait) to the commit.
    lock_from = ended - (perf_end - (locks[0][0] + locks[0][1])) if locks else began
    Path(out).write_text(json.dumps({"began": began, "ended": ended, "lock_from": lock_from}))


def export(args) -> dict:
    """16 writers (5 entries per call); after 1 s one call appends ``--export`` entries (the CSV export);
    the writers go on until it is done."""
    _django(args.tree, args.url, args.chains)
    from django.conf import settings
    from django.db import connections

    from wijkkracht.accounts.models import User

    user_ids = list(User.objects.filter(username__startswith="bench-").order_by("pk").values_list("pk", flat=True))
    writers = user_ids[:16]
    # On 64 chains the exporter's chain is none of the writers' (on one chain they all share it).
    chains = getattr(settings, "AUDIT_CHAINS", 1)  # the code before the chains has one
    taken = {pk % chains for pk in writers}
    exporter = next(pk for pk in user_ids[16:] if pk % chains not in taken or chains == 1)
    go, done = _FORK.Event(), _FORK.Event()
    connections.close_all()
    out = str(Path(tempfile.mkdtemp(prefix="wk-audit-bench-")) / "export.json")
    export_process = _start(_exporter, exporter, args.export, go, done, out)
    processes, outs = _writers(writers, 5, 2.0, go, until=done)
    time.sleep(1.5)
    go.set()
    results = _results([*processes, export_process], [*outs])
    ex = json.loads(Path(out).read_text())
    txs = [tx for r in results for tx in r["txs"]]
    window = [lat for began, lat in txs if began < ex["ended"] and began + lat > ex["lock_from"]]
    outside = [lat for began, lat in txs if began + lat < ex["lock_from"] or began > ex["ended"]]
    return {
        "export_s": ex["ended"] - ex["began"],
        "lock_s": ex["ended"] - ex["lock_from"],
        "others_max": max(window, default=0.0),
        "others_p95": _pct(window, 95),
        "others_p50_outside": _pct(outside, 50),
        "others_tx_during": len(window),
    }


def setup(args) -> dict:
    """Migrate, empty the audit tables, make the bench users (one per writer, plus the exporter)."""
    _django(args.tree, args.url, args.chains)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from wijkkracht.accounts.models import User

    call_command("migrate", verbosity=0)
    tables = [t for t in connection.introspection.table_names() if t.startswith("audit_")]
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY")  # noqa: S608 (bench database only)
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
    for n in range(USERS):
        User.objects.get_or_create(username=f"bench-{n:03d}", defaults={"first_name": "Bench", "last_name": str(n)})
    anchors = getattr(settings, "AUDIT_ANCHOR_PATH", None)
    if anchors is not None and anchors.exists():
        anchors.unlink()  # the bench's own file (its var directory): its anchors went with the tables
    return {"postgres": version}


def verify(args) -> dict:
    _django(args.tree, args.url, args.chains)
    from wijkkracht.audit.services import anchor_seal
    from wijkkracht.audit.verify import audit_verify

    anchor_seal()
    out = {}
    for workers in (1, 4):
        report = audit_verify(workers=workers)
        out[workers] = {"entries": report.checked, "seconds": report.seconds, "ok": report.ok}
    return out


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
    argv = [sys.executable, __file__, command, "--tree", str(tree), "--url", url, "--chains", str(chains)]
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
        exports[label] = _run("_export", tree, url, chains, export=args.export)
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
        "(E residents) and commits. `before` is the code of commit "
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
        + " | lock wait p95 ("
        + " / ".join(labels)
        + ") |",
        "|---:|---:|" + "---:|" * (2 * len(labels) + 1) + "---|",
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
                + " |"
            )
    lines += [
        "",
        f"## The export: one call with {args.export:,} entries while 16 writers (5 entries per call) go on",
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


def _subcommand() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("--tree", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--chains", type=int, default=64)
    parser.add_argument("--writers", type=int, default=1)
    parser.add_argument("--entries", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--export", type=int, default=15_000)
    args = parser.parse_args()
    result = {"_setup": setup, "_cell": cell, "_export": export, "_verify": verify}[args.command](args)
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("_"):
        _subcommand()
    else:
        main()
