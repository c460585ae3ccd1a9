"""Benchmark of the worker's pages at city scale, each beside a bare view of the same rows, in one run.

    # once (a few minutes): a PostgreSQL database with the city (its name must contain 'bench')
    .venv/bin/python bench/pages.py --generate
    # then, as often as you like:
    .venv/bin/python bench/pages.py [--database-url postgres://postgres@127.0.0.1:5432/wk_bench_city]
                                    [--seconds 12] [--repeats 3] [--connections 8] [--workers 4]
                                    [--output bench/results/pages.md]

Two gunicorn servers with the same number of sync workers serve the city database: the app (bench/settings.py,
the whole production stack: session, second factor, policy, one audited transaction per request) and the
bare views (bench/bare_views.py: the same rows with select_related/prefetch, rendered with the same
templates, without policy, audit, session or transaction). wrk (Debian's package, installed when missing
and running as root) drives each page at ``--connections`` connections on both servers in turn, ``--repeats``
times, then a mixed worker load, then one connection per page (single-client p50). Queries per page are
counted with CaptureQueriesContext through django.test.Client (the app, with the persona's session) and
through the bare URLconf. Every request to the app writes its audit entries into the benchmark database.
"""

import argparse
import datetime
import os
import signal
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import pages_load, pages_personas, pages_report  # noqa: E402
from bench.casework_pages import generate  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wk_bench_city"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "pages.md"


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


# What every page of the app runs whatever it shows: the session, the user with their second factor, the
# transaction, and the audit chain's lock, head and append (and the session's activity, every 30 s).
INFRASTRUCTURE = ("django_session", "otp_totp_totpdevice", 'FROM "accounts_user"', "audit_auditevent", "pg_advisory")
TRANSACTION = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def is_infrastructure(sql: str) -> bool:
    return sql.startswith(TRANSACTION) or any(part in sql.split(" WHERE ")[0] for part in INFRASTRUCTURE)


def count_queries(people, page: str, *, bare: bool, sample: int = 12) -> dict:
    """SQL statements per request (CaptureQueriesContext), for up to ``sample`` requests of the page: all of
    them, and those that read the page's own data (not the session, user, transaction or audit append)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from bench import bare_settings

    counts, data = [], []
    overrides = {"ROOT_URLCONF": bare_settings.ROOT_URLCONF, "MIDDLEWARE": bare_settings.MIDDLEWARE} if bare else {}
    with override_settings(**overrides):
        client = Client()
        for line in pages_personas.lines(people, page, bare=bare)[:sample]:
            path, _, cookie = line.partition("\t")
            headers = {"cookie": cookie} if cookie else {}
            client.get(path, headers=headers)  # warm: the same request once before it is counted
            with CaptureQueriesContext(connection) as ctx:
                answer = client.get(path, headers=headers)
            if answer.status_code != 200:
                sys.exit(f"{path} answered {answer.status_code}")
            counts.append(len(ctx.captured_queries))
            data.append(sum(not is_infrastructure(q["sql"]) for q in ctx.captured_queries))
    return {"all": counts, "data": data}


def median_run(runs: list[dict]) -> dict:
    """The run with the median requests/s, with the spread of all runs."""
    ordered = sorted(runs, key=lambda r: r["rps"])
    mid = dict(ordered[len(ordered) // 2])
    mid["rps_min"], mid["rps_max"] = ordered[0]["rps"], ordered[-1]["rps"]
    mid["p95_min"], mid["p95_max"] = min(r["p95"] for r in runs), max(r["p95"] for r in runs)
    mid["not_ok"] = sum(r["not_ok"] + r["socket_errors"] for r in runs)
    return mid


def main() -> None:
    load_start = os.getloadavg()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # so the servers are stopped too
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--generate", action="store_true", help="drop the database, migrate, generate the city")
    parser.add_argument("--seconds", type=float, default=12, help="length of each wrk run")
    parser.add_argument("--repeats", type=int, default=3, help="runs per page and server (alternating)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--personas", type=int, default=8, help="workers of different teams to act as")
    parser.add_argument("--single-seconds", type=float, default=10, help="length of each single-client run")
    parser.add_argument("--port", type=int, default=8731, help="the app's port; the bare server takes the next")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--label", default="", help="a name for this run in the results (e.g. 'before')")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    if args.generate:
        generate(args.database_url)
    pages_load.ensure_wrk()
    _setup(args.database_url)
    started = datetime.datetime.now(datetime.UTC)

    people = pages_personas.personas(count=args.personas, residents_each=24, searches_each=15, seed=args.seed)
    print(f"{len(people)} personas: {', '.join(p.username for p in people)}", flush=True)
    pages = [*pages_personas.PAGES, "mixed worker load"]

    def requests_for(page: str, bare: bool) -> list[str]:
        if page == "mixed worker load":
            return pages_personas.mixed_lines(people, bare=bare)
        return pages_personas.lines(people, page, bare=bare)

    queries = {
        page: {"app": count_queries(people, page, bare=False), "bare": count_queries(people, page, bare=True)}
        for page in pages_personas.PAGES
    }
    print("queries counted", flush=True)
    from django.db import connections

    connections.close_all()

    app = pages_load.Server("app", "bench.settings", args.port, args.database_url, args.workers)
    bare = pages_load.Server("bare", "bench.bare_settings", args.port + 1, args.database_url, args.workers)
    loaded, single = {}, {}
    try:
        for server in (app, bare):
            server.start()
        for page in pages_personas.PAGES:  # the requests answer 200, and every worker has warmed up
            for server, is_bare in ((app, False), (bare, True)):
                pages_load.check(server, requests_for(page, is_bare))
                pages_load.wrk(server, requests_for(page, is_bare), connections=args.workers, seconds=2)
        for page in pages:
            runs = {"app": [], "bare": []}
            for _ in range(args.repeats):
                for name, server, is_bare in (("app", app, False), ("bare", bare, True)):
                    runs[name].append(
                        pages_load.wrk(
                            server, requests_for(page, is_bare), connections=args.connections, seconds=args.seconds
                        )
                    )
            loaded[page] = {name: median_run(r) for name, r in runs.items()}
            print(f"{page}: {pages_report.brief(loaded[page])}", flush=True)
        for page in pages_personas.PAGES:
            single[page] = {
                name: pages_load.wrk(server, requests_for(page, is_bare), connections=1, seconds=args.single_seconds)
                for name, server, is_bare in (("app", app, False), ("bare", bare, True))
            }
            print(f"{page} single client: {pages_report.brief(single[page])}", flush=True)
    finally:
        app.stop()
        bare.stop()

    report = pages_report.Report(
        label=args.label,
        args=args,
        started=started,
        load_start=load_start,
        load_end=os.getloadavg(),
        people=[p.username for p in people],
        loaded=loaded,
        single=single,
        queries=queries,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report.markdown())
    args.output.with_suffix(".json").write_text(report.json())
    print(report.tables())
    print(f"Results written to {args.output} (and {args.output.with_suffix('.json').name})")
    print(f"median 1-min load during the runs: {statistics.median(report.loads()):.2f}")


if __name__ == "__main__":
    main()
