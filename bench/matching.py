"""Benchmark of volunteer matching: the batch assignment, and one-by-one candidates on a city-scale database.

    # batch only (no database): growth from 200 × 1,000 to 2,000 × 10,000, against greedy and the exact solver
    .venv/bin/python bench/matching.py --skip-candidates
    # once (about two minutes): a PostgreSQL database with the city (5,000 volunteers, ten years of matches)
    .venv/bin/python bench/matching.py --generate
    # then everything, as often as you like:
    .venv/bin/python bench/matching.py [--database-url postgres://postgres@127.0.0.1:5432/wk_bench_volunteers]
                                       [--requests 200] [--output bench/results/matching.md]

Batch: random instances (wijkkracht/volunteers/instances.py, the synthetic city's mix of kinds, skills,
languages, availability and VOGs, spread at Almere's density); per size the median of three runs of building
the candidate graph (KD-tree prefilter, hard rules, scores) and of solving it (SciPy's LAPJVsp on the sparse
graph), the greedy baseline on the same graph, and the exact dense solver (linear_sum_assignment) on small
instances. One-by-one: ``candidates_for`` for requests of the city, as a coordinator of every team and as
the demo coordinator, timed in this process with the audit entry written (the page's call), queries counted.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess  # noqa: S404 -- runs manage.py, nothing from outside
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wk_bench_volunteers"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "matching.md"
SIZES = [(200, 1_000), (500, 2_500), (1_000, 5_000), (2_000, 10_000)]
SMALL = [(8, 12), (20, 60), (40, 150), (80, 300)]
SMALL_SEEDS = 10
TARGET_BATCH_S = 5.0
TARGET_P95_MS = 200
TARGET_QUERIES = 10


def _engine():
    # The engine is pure NumPy/SciPy; Django is set up only to import the package.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from wijkkracht.volunteers import instances, matching

    return instances, matching


def batch_rows() -> list[dict]:
    instances, matching = _engine()
    rows = []
    for n_req, n_vol in SIZES:
        req, vol = instances.random_instance(n_req, n_vol, seed=n_vol)
        build, solve, greedy_s = [], [], []
        for _ in range(3):
            t0 = time.perf_counter()
            cands = matching.candidates(req, vol)
            t1 = time.perf_counter()
            best = matching.optimal(cands, len(req), vol)
            t2 = time.perf_counter()
            base = matching.greedy(cands, vol)
            t3 = time.perf_counter()
            build.append(t1 - t0)
            solve.append(t2 - t1)
            greedy_s.append(t3 - t2)
        rows.append(
            {
                "size": f"{n_req:,} × {n_vol:,}",
                "pairs": len(cands),
                "dense": n_req * n_vol,
                "build": statistics.median(build),
                "solve": statistics.median(solve),
                "greedy_s": statistics.median(greedy_s),
                "matched": len(best),
                "greedy_matched": len(base),
                "total": best.total,
                "greedy_total": base.total,
            }
        )
    return rows


def exact_rows() -> list[dict]:
    instances, matching = _engine()
    rows = []
    for n_req, n_vol in SMALL:
        equal, gaps, greedy_gaps = 0, [], []
        for seed in range(SMALL_SEEDS):
            req, vol = instances.random_instance(n_req, n_vol, seed=seed)
            cands = matching.candidates(req, vol)
            best = matching.optimal(cands, len(req), vol).total
            exact = matching.exact_dense(cands, len(req), vol).total
            base = matching.greedy(cands, vol).total
            equal += abs(best - exact) < 1e-6
            gaps.append(exact - best)
            greedy_gaps.append(exact - base)
        rows.append(
            {
                "size": f"{n_req} × {n_vol}",
                "equal": f"{equal} / {SMALL_SEEDS}",
                "max_gap": max(gaps),
                "greedy_gap": statistics.mean(greedy_gaps),
            }
        )
    return rows


def generate(url: str) -> None:
    """Drop and create the database (its name must contain 'bench'), migrate, generate the city."""
    from bench.environment import fresh_database

    fresh_database(url)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env)  # noqa: S603
    subprocess.run([*manage, "generate_city", "--scale", "city"], check=True, env=env)  # noqa: S603


def candidate_rows(url: str, n_requests: int) -> tuple[list[dict], dict]:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wijkkracht.accounts.models import TeamMembership, User
    from wijkkracht.accounts.roles import Role
    from wijkkracht.audit.services import audit_call
    from wijkkracht.organisations.models import Team
    from wijkkracht.volunteers.models import Volunteer, VolunteerRequest
    from wijkkracht.volunteers.selectors import candidates_for, request_get

    city_wide, _ = User.objects.get_or_create(
        username="bench-coordinator", defaults={"role": Role.VOLUNTEER_COORDINATOR, "first_name": "Bench"}
    )
    for team in Team.objects.all():
        TeamMembership.objects.get_or_create(user=city_wide, team=team)
    city_wide.is_verified = lambda: True  # past the second factor, as after a login
    demo = User.objects.get(username="coordinator")
    demo.is_verified = lambda: True
    facts = {"volunteers": Volunteer.objects.count(), "active": Volunteer.objects.filter(status="active").count()}
    rows = []
    for label, user in (("coordinator of every team", city_wide), ("demo coordinator (2 teams)", demo)):
        team_ids = list(TeamMembership.objects.filter(user=user).values_list("team_id", flat=True))
        ids = list(
            VolunteerRequest.objects.filter(team_id__in=team_ids)
            .order_by("?")
            .values_list("public_id", flat=True)[:n_requests]
        )
        times, cpu, queries, found = [], [], [], []
        for public_id in ids:
            with CaptureQueriesContext(connection) as captured:
                started, started_cpu = time.perf_counter(), time.process_time()
                with audit_call():
                    req = request_get(user=user, public_id=public_id, view="bench:candidates")
                    result = candidates_for(user=user, request=req, view="bench:candidates")
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            # Transaction control (BEGIN, COMMIT) is no query of the page's own.
            queries.append(sum(1 for q in captured if q["sql"] not in ("BEGIN", "COMMIT")))
            found.append(len(result["candidates"]))
        times.sort()
        cpu.sort()
        rows.append(
            {
                "who": label,
                "n": len(times),
                "p50": statistics.median(times),
                "p95": times[int(0.95 * (len(times) - 1))],
                "max": times[-1],
                "cpu_p95": cpu[int(0.95 * (len(cpu) - 1))],
                "queries": max(queries),
                "with_candidates": sum(1 for f in found if f),
            }
        )
    return rows, facts


def _machine() -> list[str]:
    import numpy
    import scipy

    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- date: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"- cores (nproc): {os.cpu_count()}",
        f"- system: {platform.platform()}",
        f"- load average when the benchmark started (1/5/15 min): {load}",
        f"- Python {platform.python_version()}, NumPy {numpy.__version__}, SciPy {scipy.__version__}",
    ]


def report(batch, exact, candidates, facts) -> str:
    lines = ["# Benchmark: volunteer matching", "", "Measured with `bench/matching.py` (see its docstring).", ""]
    lines += ["## Machine", "", *_machine(), "", "## Batch: optimal assignment on the sparse candidate graph", ""]
    lines += [
        "| requests × volunteers | candidate pairs (of dense) | build graph | solve (LAPJVsp) | build + solve "
        "| greedy | matched (greedy) | total score | greedy total | optimal vs greedy |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in batch:
        gain = 100 * (r["total"] - r["greedy_total"]) / r["greedy_total"] if r["greedy_total"] else 0
        lines.append(
            f"| {r['size']} | {r['pairs']:,} ({100 * r['pairs'] / r['dense']:.1f}%) | {r['build']:.2f} s "
            f"| {r['solve']:.2f} s | **{r['build'] + r['solve']:.2f} s** | {r['greedy_s']:.2f} s "
            f"| {r['matched']:,} ({r['greedy_matched']:,}) | {r['total']:,.1f} | {r['greedy_total']:,.1f} "
            f"| +{gain:.2f}% |"
        )
    big = batch[-1]
    ok = big["build"] + big["solve"] < TARGET_BATCH_S and all(r["total"] >= r["greedy_total"] - 1e-6 for r in batch)
    lines += [
        "",
        f"Target: 2,000 × 10,000 built and solved in under {TARGET_BATCH_S:.0f} s, at least as good as "
        f"greedy: **{'met' if ok else 'NOT met'}**.",
        "",
    ]
    lines += [
        "## Exact on small instances",
        "",
        f"Per size {SMALL_SEEDS} random instances: the sparse optimum "
        "against `linear_sum_assignment` on the full dense matrix (the exact optimum).",
        "",
    ]
    lines += ["| size | equal to exact | largest gap | greedy's mean gap to exact |", "|---|---:|---:|---:|"]
    lines += [f"| {r['size']} | {r['equal']} | {r['max_gap']:.6f} | {r['greedy_gap']:.2f} |" for r in exact]
    if candidates:
        lines += [
            "",
            "## One by one: candidates for a request at city scale",
            "",
            f"PostgreSQL, `generate_city --scale city`: {facts['volunteers']:,} volunteers "
            f"({facts['active']:,} active). Per request, in one call as a page is: the request read through the kernel, "
            "its candidates with their reasons, and the audit entry written; queries without BEGIN and COMMIT.",
            "",
        ]
        lines += [
            "| coordinator | requests | p50 | p95 | max | p95 CPU of this process | queries (max) | with candidates |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in candidates:
            lines.append(
                f"| {r['who']} | {r['n']} | {r['p50']:.1f} ms | **{r['p95']:.1f} ms** | {r['max']:.1f} ms "
                f"| {r['cpu_p95']:.1f} ms | {r['queries']} | {r['with_candidates']} |"
            )
        verdicts = [
            f"{r['who']}: **{'met' if r['p95'] < TARGET_P95_MS and r['queries'] <= TARGET_QUERIES else 'NOT met'}**"
            for r in candidates
        ]
        lines += [
            "",
            f"Target: p95 under {TARGET_P95_MS} ms with at most {TARGET_QUERIES} queries. " + "; ".join(verdicts) + ".",
            "Wall times include waiting for the CPU: compare the load average above with the machine's 2 cores.",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--generate", action="store_true", help="(re)create the city-scale database first")
    parser.add_argument("--skip-candidates", action="store_true", help="only the batch part (no database)")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
    args = parser.parse_args()
    if args.generate:
        generate(args.database_url)
    if not args.skip_candidates:
        os.environ["DATABASE_URL"] = args.database_url
    candidates, facts = ([], {}) if args.skip_candidates else candidate_rows(args.database_url, args.requests)
    text = report(batch_rows(), exact_rows(), candidates, facts)
    Path(args.output).write_text(text)
    print(text)


if __name__ == "__main__":
    main()
