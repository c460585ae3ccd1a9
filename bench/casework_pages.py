"""Benchmark of the case-work pages on a city-scale database: resident search, resident page, caseload.

    # once (a few minutes): a PostgreSQL database with the city (220,000 residents, ten years of case work)
    .venv/bin/python bench/casework_pages.py --generate
    # then, as often as you like:
    .venv/bin/python bench/casework_pages.py [--database-url postgres://postgres@127.0.0.1:5432/wk_bench_city]
                                             [--searches 240] [--pages 120] [--threads 2,4,8]
                                             [--output bench/results/casework_pages.md]

Requests go through django.test.Client, logged in as the demo worker (`wijkwerker`, password and second
factor done as tests/conftest.py `login` does), so the whole stack runs: middleware, policy, selectors,
the audit entries written in the same transaction, templates. Not measured: the network and the web
server. Times per request are wall-clock in this process; queries per page come from
CaptureQueriesContext. The concurrent run uses N threads, each with its own client and database
connection, reading resident pages: every read appends to the audit chain and so takes its lock.
Every run writes audit entries into the benchmark database (that is what a read does).
"""

import argparse
import os
import statistics
import subprocess  # noqa: S404 -- runs manage.py, nothing from outside
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the bench package, when run as a script
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wk_bench_city"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "casework_pages.md"
WORKER = "wijkwerker"
TARGET_P95_SEARCH_MS = 100
TARGET_P95_PAGE_MS = 150


def _setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate(url: str) -> None:
    """Drop and create the database (its name must contain 'bench'), migrate, generate the city."""
    from bench.environment import fresh_database

    fresh_database(url)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "wijkkracht.settings"}
    for args in (["migrate", "-v0"], ["generate_city", "--scale", "city"]):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


@dataclass
class Series:
    label: str
    url_example: str = ""
    times: list[float] = field(default_factory=list)  # seconds
    statuses: dict[int, int] = field(default_factory=dict)
    queries: list[int] = field(default_factory=list)
    sql_seconds: list[float] = field(default_factory=list)  # time inside the database, per counted request
    note: str = ""

    def add(self, seconds: float, status: int) -> None:
        self.times.append(seconds)
        self.statuses[status] = self.statuses.get(status, 0) + 1

    def pct(self, p: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000

    def sql_median(self) -> float:
        return statistics.median(self.sql_seconds) * 1000 if self.sql_seconds else 0

    def row(self) -> str:
        if not self.times:
            return f"| {self.label} | – | – | – | – | – | – | {self.note or 'not measured'} |"
        queries = f"{min(self.queries)}–{max(self.queries)}" if self.queries else "?"
        if self.queries and min(self.queries) == max(self.queries):
            queries = str(self.queries[0])
        statuses = ", ".join(f"{n}× {code}" for code, n in sorted(self.statuses.items()))
        return (
            f"| {self.label} | {len(self.times)} | {self.pct(50):.0f} ms | {self.pct(95):.0f} ms | "
            f"{max(self.times) * 1000:.0f} ms | {queries} | {self.sql_median():.0f} ms | "
            f"{statuses}{'; ' + self.note if self.note else ''} |"
        )


def logged_in_client(user):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def url_for(name: str, **kwargs) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _typo(rng: Random, word: str) -> str:
    """One typing error: two letters swapped, one dropped, or one doubled."""
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def search_queries(rng: Random, residents, count: int) -> list[tuple[str, str]]:
    """(kind, query) pairs: names with typos, whole names, postcode + house number, birth dates, BSNs."""
    from wijkkracht.people.bsn import bsn_decrypt

    with_bsn = [r for r in residents if r.bsn_encrypted]
    kinds = ("name with a typo", "first and last name", "postcode + house number", "birth date", "BSN")
    out = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        r = rng.choice(with_bsn if kind == "BSN" else residents)
        if kind == "name with a typo":
            query = _typo(rng, r.last_name)
        elif kind == "first and last name":
            query = f"{r.first_name} {r.last_name}"
        elif kind == "postcode + house number":
            query = f"{r.household.postcode} {r.household.house_number}"
        elif kind == "birth date":
            query = r.birth_date.strftime("%d-%m-%Y")
        else:
            query = bsn_decrypt(r.bsn_encrypted)
        out.append((kind, query))
    return out


def timed_get(client, url: str, series: Series, *, count_queries: bool) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if count_queries:
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            seconds = time.perf_counter() - started
        series.queries.append(len(ctx.captured_queries))
        series.sql_seconds.append(sum(float(q["time"]) for q in ctx.captured_queries))
    else:
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
    series.add(seconds, response.status_code)


def run_series(client, label: str, urls: list[str], *, warmup: int = 3) -> Series:
    series = Series(label, url_example=urls[0] if urls else "")
    for url in urls[:warmup]:
        client.get(url)
    for i, url in enumerate(urls):
        # Count the queries on every fifth request: CaptureQueriesContext itself costs a little time.
        timed_get(client, url, series, count_queries=i % 5 == 0)
    return series


def main() -> None:
    from bench.casework_concurrency import concurrent_processes, concurrent_threads

    load = os.getloadavg()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--generate", action="store_true", help="drop the database, migrate, generate the city")
    parser.add_argument("--searches", type=int, default=240, help="resident searches (at least 200)")
    parser.add_argument("--pages", type=int, default=120, help="resident pages and other pages per series")
    parser.add_argument(
        "--threads", default="2,4,8", help="worker counts (threads, then processes) for concurrent reads"
    )
    parser.add_argument("--per-thread", type=int, default=40, help="resident pages each worker reads")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    if args.generate:
        generate(args.database_url)
    _setup(args.database_url)

    from django.contrib.auth import get_user_model

    from wijkkracht.access.scopes import team_neighbourhood_ids
    from wijkkracht.cases.models import HelpRequest
    from wijkkracht.people.models import Resident

    user = get_user_model().objects.filter(username=WORKER).first()
    if user is None:
        sys.exit(f"No demo worker '{WORKER}' in this database: run with --generate first.")
    rng = Random(args.seed)
    visible = list(
        Resident.objects.filter(household__neighbourhood_id__in=team_neighbourhood_ids(user), merged_into=None)
        .select_related("household")
        .order_by("id")
    )
    with_requests = set(
        HelpRequest.objects.filter(resident__in=[r.pk for r in visible]).values_list("resident_id", flat=True)
    )
    print(f"{len(visible)} residents visible to {WORKER}, {len(with_requests)} with help requests", flush=True)
    client = logged_in_client(user)
    series: list[Series] = []

    queries = search_queries(rng, visible, max(200, args.searches))
    list_url = url_for("people:resident-list")
    if list_url:
        kinds = sorted({kind for kind, _ in queries})
        total = Series("resident search, all queries")
        per_kind = {kind: Series(f"– {kind}") for kind in kinds}
        for _, q in queries[:3]:
            client.get(f"{list_url}?{urlencode({'q': q})}")
        for i, (kind, q) in enumerate(queries):
            url = f"{list_url}?{urlencode({'q': q})}"
            timed_get(client, url, per_kind[kind], count_queries=(i // len(kinds)) % 3 == 0)
        for s in per_kind.values():
            total.times += s.times
            total.queries += s.queries
            total.sql_seconds += s.sql_seconds
            for code, n in s.statuses.items():
                total.statuses[code] = total.statuses.get(code, 0) + n
        series += [total, *per_kind.values()]
    else:
        series.append(Series("resident search", note="page people:resident-list does not exist yet"))
    print("search done", flush=True)

    rich = [r for r in visible if r.pk in with_requests]
    sample = [rng.choice(rich if i % 2 == 0 and rich else visible) for i in range(args.pages)]
    detail_urls = [u for r in sample if (u := url_for("people:resident-detail", public_id=r.public_id))]
    if detail_urls:
        series.append(run_series(client, "resident page (half with help requests)", detail_urls))
    else:
        series.append(Series("resident page", note="page people:resident-detail does not exist yet"))

    caseload = url_for("workspace:caseload")
    if caseload:
        series.append(run_series(client, "caseload (workspace)", [caseload] * args.pages))
    else:
        series.append(Series("caseload", note="page workspace:caseload does not exist yet"))

    requests = list(
        HelpRequest.objects.filter(team__memberships__user=user)
        .order_by("-received_at")
        .values_list("public_id", flat=True)[: args.pages * 3]
    )
    request_urls = [
        u
        for pid in rng.sample(requests, min(len(requests), args.pages))
        if (u := url_for("cases:request-detail", public_id=pid))
    ]
    if request_urls:
        series.append(run_series(client, "help request page", request_urls))
    else:
        series.append(Series("help request page", note="page cases:request-detail does not exist yet"))
    print("pages done", flush=True)

    concurrency = []
    if detail_urls:
        concurrency.append(concurrent_threads(user.pk, detail_urls, 1, args.per_thread))
        for n in (int(x) for x in args.threads.split(",") if x.strip()):
            concurrency.append(concurrent_threads(user.pk, detail_urls, n, args.per_thread))
            print(f"{n} threads done", flush=True)
        for n in (int(x) for x in args.threads.split(",") if x.strip()):
            concurrency.append(concurrent_processes(args.database_url, user.pk, detail_urls, n, args.per_thread))
            print(f"{n} processes done", flush=True)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report(series, concurrency, args, load))
    print(f"Results written to {args.output}")


def report(series: list[Series], concurrency: list[dict], args, load) -> str:
    from bench.casework_concurrency import SINGULAR
    from bench.environment import database_figures, machine

    safe = urlunsplit(urlsplit(args.database_url)._replace(netloc=urlsplit(args.database_url).hostname or ""))
    search = next((s for s in series if s.label.startswith("resident search") and s.times), None)
    pages = [s for s in series if s.times and not s.label.startswith(("resident search", "–"))]
    verdict = []
    if search:
        ok = search.pct(95) < TARGET_P95_SEARCH_MS
        verdict.append(
            f"- resident search p95 {search.pct(95):.0f} ms: {'meets' if ok else 'MISSES'} the goal (< {TARGET_P95_SEARCH_MS} ms)"
        )
    for s in pages:
        ok = s.pct(95) < TARGET_P95_PAGE_MS
        verdict.append(
            f"- {s.label} p95 {s.pct(95):.0f} ms: {'meets' if ok else 'MISSES'} the goal (< {TARGET_P95_PAGE_MS} ms)"
        )
    missing = [s.label for s in series if not s.times]
    lines = [
        "# Benchmark: case-work pages at city scale",
        "",
        "Measured with `bench/casework_pages.py` on the `--scale city` database (220,000 residents, ten years of",
        f"case work), logged in as the demo worker `{WORKER}` (Wijkteam Stedenwijk) through `django.test.Client`:",
        "the whole Django stack (middleware, policy, selectors, audit entries, templates), no network or web server.",
        "Goals (issue 4): resident search p95 < 100 ms; caseload and resident pages p95 < 150 ms with a bounded",
        "number of queries.",
        "",
        "## Machine",
        "",
        *machine(load),
        *database_figures(),
        "",
        "## Verdict",
        "",
        *verdict,
        *(f"- not measured: {label} (the page did not exist when this ran)" for label in missing),
        "",
        "## Single client",
        "",
        "| series | requests | p50 | p95 | max | queries per request | of which SQL (median) | answers |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
        *(s.row() for s in series),
        "",
        "Queries per request: counted with `CaptureQueriesContext` on every fifth page request and every third",
        "search of each kind (a range when it varies).",
        "",
        "## Concurrent audited reads (resident pages)",
        "",
        "Every worker has its own client and database connection and reads resident pages in a loop. Every audited",
        "read appends its entries inside a transaction (the page's own, or one per read) and takes the audit chain",
        "lock (`pg_advisory_xact_lock`) until that transaction commits: while one transaction holds it, every other",
        "audited read in the city waits. Lock wait times `chain.lock_chain` (waiting for the lock plus reading the",
        "newest hash) per take; lock held runs from a transaction's first take to its commit. Threads share one",
        "Python process and so one core (the GIL); processes are spawned, as a multi-process web server would run,",
        "and can use both cores.",
        "",
        "| workers | reads | wall | throughput | p50 | p95 | max | lock takes per read | lock wait p50 | lock wait p95 "
        "| lock wait max | lock held p50 | lock held p95 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        *(
            f"| {c['workers']} {SINGULAR[c['mode']] if c['workers'] == 1 else c['mode']} | {c['reads']} | {c['wall']:.1f} s | "
            f"{c['throughput']:.1f} reads/s | {c['p50']:.0f} ms | {c['p95']:.0f} ms | {c['max']:.0f} ms | "
            f"{c['locks_per_read']:.1f} | {c['lock_p50']:.1f} ms | {c['lock_p95']:.1f} ms | {c['lock_max']:.0f} ms | "
            f"{c['hold_p50']:.1f} ms | {c['hold_p95']:.1f} ms | "
            f"{', '.join(c['errors']) or 'none'} |"
            for c in concurrency
        ),
        "",
        "## Run again",
        "",
        "```sh",
        ".venv/bin/python bench/casework_pages.py --generate   # once: drops, migrates and generates the city",
        f".venv/bin/python bench/casework_pages.py {' '.join(sys.argv[1:]).replace('--generate', '').strip()}".rstrip(),
        "```",
        "",
        f"Database: `{safe}`. Search queries are drawn with `--seed {args.seed}` from the residents the demo",
        "worker may see: a last name with one typing error, first and last name, postcode and house number,",
        "a birth date (dd-mm-jjjj), a BSN.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
