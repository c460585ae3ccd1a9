"""The measuring side of bench/audit_chains.py: one subcommand per process, run with a code tree on sys.path.

    python bench/audit_chains_measure.py _setup|_cell|_export|_verify --tree DIR --url URL --chains N [...]

Prints one JSON line with the result. Not meant to be run by hand: bench/audit_chains.py runs it for each
cell, with this tree or the baseline's.
"""

import argparse
import json
import multiprocessing
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

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


def _writer(user_id: int, entries: int, seconds: float, go, until, out: str, pace: float = 0.0) -> None:
    """One writer: connect and get ready, wait for ``go``, then append for ``seconds`` (and while ``until``
    is not set, when given), one call every ``pace`` seconds (0: flat out); the calls and lock waits go to
    the file ``out``."""
    from django.db import connection

    from wijkkracht.accounts.models import User
    from wijkkracht.audit.services import audit_call, audit_reads_record

    locks: list = []
    _timed_lock(locks)
    user = User.objects.get(pk=user_id)
    reads = _reads(entries, user_id)
    txs, holds = [], []
    go.wait()
    stop = time.time() + seconds
    while time.time() < stop or (until is not None and not until.is_set()):
        began = time.time()
        with audit_call():
            audit_reads_record(actor=user, view="workspace:caseload", reads=reads)
        txs.append((began, time.time() - began))
        # How long the chain lock was held: from granted to committed.
        holds.append((began, time.perf_counter() - sum(locks[-1])) if locks else (began, 0.0))
        if pace:
            time.sleep(max(0.0, began + pace - time.time()))
    connection.close()
    Path(out).write_text(json.dumps({"user": user_id, "txs": txs, "holds": holds, "locks": [w for _t, w in locks]}))


def _start(target, *args):
    process = _FORK.Process(target=target, args=args, daemon=True)
    process.start()
    return process


def _writers(user_ids, entries, seconds, go, until=None, pace=0.0) -> tuple[list, list[str]]:
    from django.db import connections

    connections.close_all()  # before forking: no connection may be shared with a child
    tmp = Path(tempfile.mkdtemp(prefix="wk-audit-bench-"))
    outs = [str(tmp / f"{n}.json") for n in range(len(user_ids))]
    pairs = zip(user_ids, outs, strict=True)
    return [_start(_writer, uid, entries, seconds, go, until, out, pace) for uid, out in pairs], outs


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
    # The busiest chain lock's share of the time: near 100%, the lock is what limits the writers.
    from django.conf import settings

    chains = getattr(settings, "AUDIT_CHAINS", 1)
    held: dict = {}
    for r in results:
        # Each hold runs from the grant to the commit (the end of the call), counted inside the run only.
        inside = sum(
            max(0.0, min(began + lat, stop) - max(began + lat - hold, started))
            for (began, lat), (_b, hold) in zip(r["txs"], r["holds"], strict=True)
        )
        held[r["user"] % chains] = held.get(r["user"] % chains, 0.0) + inside
    return {
        "tx": len(latencies),
        "tps": len(latencies) / args.seconds,
        "p50": _pct(latencies, 50),
        "p95": _pct(latencies, 95),
        "lock_p95": _pct(locks, 95),
        "lock_busy": max(held.values(), default=0.0) / args.seconds,
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
    """16 writers (5 entries per call, one call every ``--pace`` seconds each: a busy city, not a
    saturated machine); after 1 s one call appends ``--export`` entries (the CSV export); the writers go on
    until it is done."""
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
    processes, outs = _writers(writers, 5, 2.0, go, until=done, pace=args.pace)
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
    parser.add_argument("--pace", type=float, default=0.2)
    args = parser.parse_args()
    result = {"_setup": setup, "_cell": cell, "_export": export, "_verify": verify}[args.command](args)
    print(json.dumps(result))


if __name__ == "__main__":
    _subcommand()
