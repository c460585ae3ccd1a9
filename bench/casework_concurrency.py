"""The concurrent part of bench/casework_pages.py: N threads or processes reading resident pages, with
the time spent waiting for and holding the audit chain lock."""

import threading
import time

from bench.casework_pages import _setup, logged_in_client

SINGULAR = {"threads": "thread", "processes": "process"}
_LOCAL = threading.local()


def lock_waits() -> list[float]:
    """Seconds spent in audit.chain.lock_chain, per call, in this thread."""
    return _LOCAL.__dict__.setdefault("waits", [])


def lock_holds() -> list[float]:
    """Seconds from taking the audit chain lock to the commit that releases it, per transaction, in this thread."""
    return _LOCAL.__dict__.setdefault("holds", [])


def lock_timer_install() -> None:
    """Time every take of the audit chain lock (pg_advisory_xact_lock plus reading the newest hash), and how
    long each transaction holds it (from the first take to its commit)."""
    from django.db import transaction

    from wijkkracht.audit import chain

    original = chain.lock_chain
    if getattr(original, "timed", False):
        return

    def released(acquired: float) -> None:
        lock_holds().append(time.perf_counter() - acquired)
        _LOCAL.holding = False

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            now = time.perf_counter()
            lock_waits().append(now - started)
            if not getattr(_LOCAL, "holding", False):  # the first take in this transaction
                _LOCAL.holding = True
                transaction.on_commit(lambda: released(now))

    timed.timed = True
    chain.lock_chain = timed


def _read_loop(
    user_id: int, urls: list[str], offset: int, step: int, count: int, wait
) -> tuple[list, list, list, list]:
    """Log in, warm up, wait for the start signal, read ``count`` resident pages;
    (times, lock waits, lock holds, errors)."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    errors = []
    try:
        client = logged_in_client(get_user_model().objects.get(pk=user_id))
        client.get(urls[offset % len(urls)])  # warm up this connection
        wait()
        times, locks_before, holds_before = [], len(lock_waits()), len(lock_holds())
        for i in range(count):
            _LOCAL.holding = False
            started = time.perf_counter()
            response = client.get(urls[(offset + i * step) % len(urls)])
            times.append(time.perf_counter() - started)
            if response.status_code != 200:
                errors.append(str(response.status_code))
        return times, lock_waits()[locks_before:], lock_holds()[holds_before:], errors
    except Exception as error:  # noqa: BLE001 -- reported in the results
        return [], [], [], [repr(error)]
    finally:
        connection.close()


def _process_main(database_url, user_id, urls, offset, step, count, barrier, results) -> None:
    """One reader process (spawned): its own Django, connection and client."""
    _setup(database_url)
    lock_timer_install()
    results.put(_read_loop(user_id, urls, offset, step, count, barrier.wait))


def _summary(mode: str, n: int, times: list, locks: list, holds: list, errors: list, wall: float) -> dict:
    def pct(values, q):
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000 if ordered else 0

    return {
        "mode": mode,
        "workers": n,
        "reads": len(times),
        "wall": wall,
        "throughput": len(times) / wall if wall else 0,
        "p50": pct(times, 0.5),
        "p95": pct(times, 0.95),
        "max": max(times) * 1000 if times else 0,
        "locks_per_read": len(locks) / len(times) if times else 0,
        "lock_p50": pct(locks, 0.5),
        "lock_p95": pct(locks, 0.95),
        "lock_max": max(locks) * 1000 if locks else 0,
        "hold_p50": pct(holds, 0.5),
        "hold_p95": pct(holds, 0.95),
        "errors": errors[:3],
    }


def concurrent_threads(user_id: int, urls: list[str], threads: int, per_worker: int) -> dict:
    """N threads in this process, each its own client and connection (the GIL shares one core between them)."""
    lock_timer_install()
    barrier = threading.Barrier(threads + 1)
    results = []

    def work(offset: int) -> None:
        results.append(_read_loop(user_id, urls, offset, threads, per_worker, barrier.wait))

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    barrier.wait()
    started = time.perf_counter()
    for w in workers:
        w.join()
    wall = time.perf_counter() - started
    return _summary("threads", threads, *(sum((r[i] for r in results), []) for i in range(4)), wall=wall)


def concurrent_processes(database_url: str, user_id: int, urls: list[str], processes: int, per_worker: int) -> dict:
    """N spawned processes, as a multi-process web server would run them (both cores in use)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes + 1)
    results = context.Queue()
    workers = [
        context.Process(
            target=_process_main, args=(database_url, user_id, urls, n, processes, per_worker, barrier, results)
        )
        for n in range(processes)
    ]
    for w in workers:
        w.start()
    barrier.wait(timeout=300)
    started = time.perf_counter()
    collected = [results.get(timeout=900) for _ in workers]
    wall = time.perf_counter() - started
    for w in workers:
        w.join()
    return _summary("processes", processes, *(sum((r[i] for r in collected), []) for i in range(4)), wall=wall)
