"""The results of the page benchmark (bench/pages.py): tables, the goals of issue 8, the results file."""

import json
import sys
from dataclasses import asdict, dataclass

from bench.environment import database_figures, machine

# Issue 8, measured before the access kernel: the mixed worker load ran at 14-19 requests/s, p95 370-1,260 ms.
BASELINE_MIXED_RPS = 19
BASELINE_MIXED_P95 = 370
GOAL_RATIO = 1.3
GOAL_QUERIES = 10
GOAL_SINGLE_P50 = 40
SINGLE_P50_PAGES = ("resident page", "Mijn werk")


def brief(pair: dict) -> str:
    app, bare = pair["app"], pair["bare"]
    return (
        f"app {app['rps']:.1f} req/s p50 {app['p50']:.0f} ms p95 {app['p95']:.0f} ms; "
        f"bare {bare['rps']:.1f} req/s p50 {bare['p50']:.0f} ms p95 {bare['p95']:.0f} ms; "
        f"ratio {bare['rps'] / app['rps'] if app['rps'] else 0:.2f}"
    )


def _range(values: list[int]) -> str:
    return str(values[0]) if min(values) == max(values) else f"{min(values)}–{max(values)}"


@dataclass
class Report:
    label: str
    args: object
    started: object
    load_start: tuple
    load_end: tuple
    people: list
    loaded: dict
    single: dict
    queries: dict

    def loads(self) -> list[float]:
        runs = [r for pair in (*self.loaded.values(), *self.single.values()) for r in pair.values()]
        return [r["load"] for r in runs] or [0.0]

    def loaded_table(self) -> list[str]:
        rows = [
            f"| page ({self.args.connections} connections) | app req/s | bare req/s | bare ÷ app | app p50 / p95 "
            "| bare p50 / p95 | load (1 min) | not 200 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for page, pair in self.loaded.items():
            app, bare = pair["app"], pair["bare"]
            rows.append(
                f"| {page} | {app['rps']:.1f} ({app['rps_min']:.1f}–{app['rps_max']:.1f}) "
                f"| {bare['rps']:.1f} ({bare['rps_min']:.1f}–{bare['rps_max']:.1f}) "
                f"| {bare['rps'] / app['rps']:.2f}× | {app['p50']:.0f} / {app['p95']:.0f} ms "
                f"| {bare['p50']:.0f} / {bare['p95']:.0f} ms | {app['load']:.1f} | {app['not_ok'] + bare['not_ok']} |"
            )
        return rows

    def cpu_table(self) -> list[str]:
        """CPU per request at the same load: gunicorn workers (Python) and PostgreSQL backends, in ms."""
        rows = [
            "| page | app: Python + database | bare: Python + database | app ÷ bare |",
            "|---|---:|---:|---:|",
        ]
        for page, pair in self.loaded.items():
            app, bare = pair["app"], pair["bare"]
            a, b = app.get("cpu_app", 0) + app.get("cpu_db", 0), bare.get("cpu_app", 0) + bare.get("cpu_db", 0)
            rows.append(
                f"| {page} | {app.get('cpu_app', 0):.1f} + {app.get('cpu_db', 0):.1f} = {a:.1f} ms "
                f"| {bare.get('cpu_app', 0):.1f} + {bare.get('cpu_db', 0):.1f} = {b:.1f} ms | {a / b if b else 0:.2f}× |"
            )
        return rows

    def single_table(self) -> list[str]:
        rows = [
            "| page (1 connection) | app p50 | bare p50 | app ÷ bare | app p95 | queries: app (page data) "
            "| queries: bare | load |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for page, pair in self.single.items():
            app, bare = pair["app"], pair["bare"]
            q = self.queries[page]
            rows.append(
                f"| {page} | {app['p50']:.1f} ms | {bare['p50']:.1f} ms | {app['p50'] / bare['p50']:.2f}× "
                f"| {app['p95']:.0f} ms | {_range(q['app']['all'])} ({_range(q['app']['data'])}) "
                f"| {_range(q['bare']['all'])} | {app['load']:.1f} |"
            )
        return rows

    def verdict(self) -> list[str]:
        out = []
        for page, pair in self.loaded.items():
            app, bare = pair["app"], pair["bare"]
            ratio = bare["rps"] / app["rps"]
            cpu_bare = bare.get("cpu_app", 0) + bare.get("cpu_db", 0)
            cpu = (app.get("cpu_app", 0) + app.get("cpu_db", 0)) / cpu_bare if cpu_bare else 0
            met = "met" if ratio <= GOAL_RATIO else "NOT met"
            out.append(
                f"- {page}: {ratio:.2f}× its bare view in requests/s at {self.args.connections} connections "
                f"({met}: ≤ {GOAL_RATIO}×); {cpu:.2f}× its CPU per request"
            )
        for page, q in self.queries.items():
            every, data = q["app"]["all"], q["app"]["data"]
            met = "met" if max(every) <= GOAL_QUERIES else "NOT met"
            met_data = "met" if max(data) <= GOAL_QUERIES else "NOT met"
            out.append(
                f"- {page}: {max(every)} SQL statements at most ({met}: ≤ {GOAL_QUERIES}), of which {max(data)} read "
                f"the page's data ({met_data}); {_range(every)} over the requests counted"
            )
        for page in SINGLE_P50_PAGES:
            if page in self.single:
                p50 = self.single[page]["app"]["p50"]
                met = "met" if p50 <= GOAL_SINGLE_P50 else "NOT met"
                out.append(f"- {page}: single-client p50 {p50:.0f} ms ({met}: ≤ {GOAL_SINGLE_P50} ms)")
        if "mixed worker load" in self.loaded:
            app = self.loaded["mixed worker load"]["app"]
            met = "met" if app["rps"] >= 2 * BASELINE_MIXED_RPS and app["p95"] <= BASELINE_MIXED_P95 else "NOT met"
            out.append(
                f"- mixed worker load: {app['rps']:.1f} req/s at p95 {app['p95']:.0f} ms ({met}: ≥ "
                f"{2 * BASELINE_MIXED_RPS} req/s, twice the issue's 14–19, at p95 ≤ {BASELINE_MIXED_P95} ms)"
            )
        return out

    def tables(self) -> str:
        return "\n".join([*self.loaded_table(), "", *self.cpu_table(), "", *self.single_table(), "", *self.verdict()])

    def markdown(self) -> str:
        a = self.args
        command = " ".join(x for x in sys.argv[1:] if x != "--generate")
        return "\n".join(
            [
                f"# Benchmark: the worker's pages beside bare views{f' ({self.label})' if self.label else ''}",
                "",
                "Measured with `bench/pages.py` on the `--scale city` PostgreSQL database: two gunicorn servers with",
                f"{a.workers} sync workers each, the app (the whole stack: session, second factor, policy, one audited",
                "transaction per request) and the bare views (the same rows with select_related/prefetch, the same",
                "templates; no policy, audit, session or transaction). wrk drives both in turn with the same settings,",
                f"{a.repeats} runs of {a.seconds:.0f} s per page and server, alternating; the tables give the run with",
                "the median requests/s and, in brackets, the lowest and highest. Requests rotate over the personas'",
                f"pages ({', '.join(self.people)}).",
                "",
                "## Machine",
                "",
                *machine(self.load_start),
                f"- load average when the benchmark ended (1/5/15 min): {' / '.join(f'{x:.2f}' for x in self.load_end)}",
                *database_figures(),
                "",
                f"## {a.connections} connections per page",
                "",
                *self.loaded_table(),
                "",
                "CPU per request in the same runs (the run with the median requests/s), from /proc: the gunicorn",
                "workers and the PostgreSQL backends of the benchmark database. Less sensitive to other work on the",
                "machine than the times: what a page costs, wherever it waits.",
                "",
                *self.cpu_table(),
                "",
                "## One connection per page, and queries",
                "",
                *self.single_table(),
                "",
                "Queries: SQL statements per request, BEGIN/COMMIT included, counted with CaptureQueriesContext over",
                "twelve requests of each page (a range when they differ: a household with or without a plan, the",
                "session's activity written every 30 s). In brackets: those that read the page's own data, i.e. all",
                "but the session, the user with their second factor, BEGIN/COMMIT and the audit chain's lock, head",
                "and append, which every page of the app runs.",
                "",
                "## Goals (issue 8)",
                "",
                *self.verdict(),
                "",
                "## Run again",
                "",
                "```sh",
                ".venv/bin/python bench/pages.py --generate   # once: drops, migrates and generates the city",
                f".venv/bin/python bench/pages.py {command}".rstrip(),
                "```",
                "",
            ]
        )

    def json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if k != "args"}
        data["args"] = {k: str(v) for k, v in vars(self.args).items()}
        return json.dumps(data, indent=1, default=str)
