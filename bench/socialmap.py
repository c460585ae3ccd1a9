"""Benchmark of the social map: an HSDS import of 5,000 resources, then searches over them.

    .venv/bin/python bench/socialmap.py [--database-url postgres://postgres@127.0.0.1:5432/wk_bench_socialmap]
                                        [--resources 5000] [--searches 400] [--output bench/results/socialmap.md]

The PostgreSQL database in the URL is DROPPED and created again (its name must contain "bench") and migrated;
the city's areas (55 neighbourhoods) come from the synthetic fixture. The benchmark writes an HSDS 3.0
document of ``--resources`` services (providers, locations, needs, life domains, languages, opening hours,
neighbourhoods served), imports it with ``socialmap.hsds_import`` (schema check per row included) and
reports the time and rows per second. After an ANALYZE (fresh statistics, as autovacuum would gather them) and
twenty uncounted warm-up searches, ``--searches`` searches with random combinations of need, life
domain, neighbourhood, age, language and words: the selector (count, page, prefetches: what a page needs)
and the public HTML page through ``django.test.Client``, each with p50/p95/max and its queries.
Goal: search p95 < 50 ms with at most 10 queries.
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time
import uuid
from pathlib import Path
from random import Random
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the bench package, when run as a script

from bench.environment import fresh_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wk_bench_socialmap"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "socialmap.md"
TARGET_P95_MS = 50
TARGET_QUERIES = 10


def setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def document(rng: Random, count: int, neighbourhoods: list) -> dict:
    """An HSDS page of ``count`` services, 200 providers, a location for most."""
    from wijkkracht.socialmap.hsds import hsds_id
    from wijkkracht.socialmap.taxonomy import LANGUAGES, Kind, LifeDomain, Need

    providers = [(str(uuid.UUID(int=rng.getrandbits(128), version=4)), f"Aanbieder {i}") for i in range(200)]
    words = ("koffie", "taal", "wandelen", "administratie", "koken", "sport", "muziek", "tuin", "lezen", "digitaal")
    contents = []
    for i in range(count):
        sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        oid, provider = rng.choice(providers)
        served = rng.sample(neighbourhoods, rng.randint(0, 3))
        service = {
            "id": sid,
            "organization_id": oid,
            "name": f"{rng.choice(words).capitalize()} {i}",
            "description": f"Aanbod {i} rond {rng.choice(words)} en {rng.choice(words)}.",
            "status": "active" if rng.random() < 0.95 else "inactive",
            "assured_date": (datetime.date(2026, 1, 1) - datetime.timedelta(days=rng.randint(0, 700))).isoformat(),
            "organization": {"id": oid, "name": provider, "description": provider},
            "languages": [
                {"id": hsds_id(sid, "language", code), "service_id": sid, "name": LANGUAGES[code], "code": code}
                for code in {"nld", *rng.sample(sorted(LANGUAGES), rng.randint(0, 2))}
            ],
            "schedules": [
                {
                    "id": hsds_id(sid, "schedule", day),
                    "service_id": sid,
                    "freq": "WEEKLY",
                    "byday": day,
                    "opens_at": "09:00",
                    "closes_at": "12:00",
                }
                for day in rng.sample(["MO", "TU", "WE", "TH", "FR"], rng.randint(0, 2))
            ],
            "service_areas": [
                {
                    "id": hsds_id(sid, "area", n.code),
                    "service_id": sid,
                    "name": n.name,
                    "extent": n.code,
                    "extent_type": "text",
                }
                for n in served
            ],
            "attributes": [
                _attribute(sid, "need", "wijkkracht-behoeften", code)
                for code in rng.sample(Need.values, rng.randint(1, 3))
            ]
            + [
                _attribute(sid, "life_domain", "zrm-leefgebieden", code)
                for code in rng.sample(LifeDomain.values, rng.randint(1, 2))
            ]
            + [_attribute(sid, "kind", "wijkkracht-soort-aanbod", rng.choice(Kind.values))],
        }
        if rng.random() < 0.5:
            service["minimum_age"] = rng.choice((0, 12, 18, 55, 65))
        if not served and rng.random() < 0.3:
            service["attributes"].append(_attribute(sid, "detail", "wijkkracht-kenmerken", "hele-gemeente", "ja"))
        if rng.random() < 0.8:
            n = rng.choice(neighbourhoods)
            lid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            service["service_at_locations"] = [
                {
                    "id": hsds_id(sid, "at", lid),
                    "service_id": sid,
                    "location_id": lid,
                    "location": {
                        "id": lid,
                        "location_type": "physical",
                        "name": f"Wijkcentrum {n.name}",
                        "external_identifier": n.code,
                        "addresses": [
                            {
                                "id": hsds_id(lid, "address"),
                                "address_1": f"Wijkplein {rng.randint(1, 99)}",
                                "city": "Almere",
                                "state_province": "",
                                "postal_code": "1315 AB",
                                "country": "NL",
                                "address_type": "physical",
                            }
                        ],
                    },
                }
            ]
        contents.append(service)
    return {"contents": contents}


def _attribute(sid: str, link_type: str, taxonomy: str, code: str, value: str | None = None) -> dict:
    from wijkkracht.socialmap.hsds import hsds_id

    term = {
        "id": hsds_id("term", taxonomy, code),
        "code": code,
        "name": code,
        "description": code,
        "taxonomy": taxonomy,
    }
    found = {
        "id": hsds_id(sid, "attribute", link_type, code),
        "link_id": sid,
        "link_type": link_type,
        "taxonomy_term": term,
    }
    if value is not None:
        found["value"] = value
    return found


def percentile(times: list[float], p: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


def random_search(rng: Random, neighbourhoods: list):
    from wijkkracht.socialmap.selectors import Search
    from wijkkracht.socialmap.taxonomy import LANGUAGES, LifeDomain, Need

    found = {}
    for key, chance, value in (
        ("need", 0.7, lambda: rng.choice(Need.values)),
        ("domain", 0.3, lambda: rng.choice(LifeDomain.values)),
        ("neighbourhood", 0.6, lambda: rng.choice(neighbourhoods).pk),
        ("age", 0.4, lambda: rng.choice((8, 17, 35, 70, 84))),
        ("language", 0.3, lambda: rng.choice(sorted(LANGUAGES))),
        ("q", 0.3, lambda: rng.choice(("koffie", "taal", "wandel", "digitaal", "tuin"))),
    ):
        if rng.random() < chance:
            found[key] = value()
    return Search(**found), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--resources", type=int, default=5_000)
    parser.add_argument("--searches", type=int, default=400)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    fresh_database(args.database_url)
    setup(args.database_url)

    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from wijkkracht.socialmap.hsds_import import hsds_import
    from wijkkracht.socialmap.models import Resource
    from wijkkracht.socialmap.selectors import resource_search
    from wijkkracht.synthetic.create_areas import areas_create

    rng = Random(2026)
    neighbourhoods = sorted(areas_create().values(), key=lambda n: n.code)
    text = json.dumps(document(rng, args.resources, neighbourhoods))
    started = time.perf_counter()
    result = hsds_import(text=text)
    import_seconds = time.perf_counter() - started
    if not result.ok:
        sys.exit(f"import refused: {result.rows[:3]}")
    assert Resource.objects.count() == args.resources
    with connection.cursor() as cursor:  # fresh statistics, as autovacuum would gather them after a bulk load
        cursor.execute("ANALYZE")
    client = Client()
    for _ in range(20):  # warm-up: connection, templates, caches; not counted
        search, params = random_search(rng, neighbourhoods)
        list(resource_search(search=search))
        client.get(f"/sociale-kaart/?{urlencode(params)}")

    selector_times, selector_queries, page_times, page_queries = [], [], [], []
    for _ in range(args.searches):
        search, params = random_search(rng, neighbourhoods)
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            page = resource_search(search=search)
            [(r.needs, r.languages, list(r.opening_hours.all()), list(r.neighbourhoods.all())) for r in page]
            selector_times.append(time.perf_counter() - t)
        selector_queries.append(len(ctx))
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            response = client.get(f"/sociale-kaart/?{urlencode(params)}")
            page_times.append(time.perf_counter() - t)
        assert response.status_code == 200
        page_queries.append(len(ctx))

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    met = percentile(selector_times, 95) < TARGET_P95_MS and max(selector_queries) <= TARGET_QUERIES
    lines = [
        "# Social map benchmark",
        "",
        f"Run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} "
        f"({os.cpu_count()} cores, load average {load:.1f}), PostgreSQL, `bench/socialmap.py`.",
        "",
        "## HSDS import",
        "",
        "| resources | time | rows/s | created | rows checked against the HSDS schema |",
        "|---:|---:|---:|---:|---:|",
        f"| {args.resources} | {import_seconds:.1f} s | {args.resources / import_seconds:.0f} | {result.created} | {args.resources} |",
        "",
        f"## Search over {args.resources} resources ({args.searches} random searches)",
        "",
        "| what | p50 | p95 | max | queries | goal |",
        "|---|---:|---:|---:|---|---|",
        f"| selector (count, page of 20, prefetches) | {percentile(selector_times, 50):.1f} ms | "
        f"{percentile(selector_times, 95):.1f} ms | {max(selector_times) * 1000:.1f} ms | "
        f"{min(selector_queries)}–{max(selector_queries)} | p95 < {TARGET_P95_MS} ms, ≤ {TARGET_QUERIES} queries: "
        f"{'met' if met else 'NOT met'} |",
        f"| public page `/sociale-kaart/` (HTML, whole stack) | {percentile(page_times, 50):.1f} ms | "
        f"{percentile(page_times, 95):.1f} ms | {max(page_times) * 1000:.1f} ms | {min(page_queries)}–{max(page_queries)} | |",
        "",
        "Searches combine need (70%), life domain (30%), neighbourhood (60%), age (40%), language (30%) and a word",
        "(30%). The page's extra queries are the session and the menu's; nothing of them grows with the map.",
    ]
    args.output.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
