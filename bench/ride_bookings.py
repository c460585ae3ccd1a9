"""Benchmark of the ride service's double-booking guard: 20 bookings of the same car and time at once.

    .venv/bin/python bench/ride_bookings.py [--database-url postgres://postgres@127.0.0.1:5432/wk_bench_rides]
                                            [--parallel 20] [--rounds 5] [--output bench/results/ride_bookings.md]

The PostgreSQL database in the URL is DROPPED and created again (its name must contain "bench") and migrated.
Each round, ``--parallel`` centre staff (each with a driver of their own, so only the car clashes) post a
booking of the same car at the same time to ``POST /api/v1/ritten`` at the same moment (a barrier), each in
its own thread with its own database connection, through the whole stack (middleware, policy, service, the
audit call's transaction). Counted: how many got 201, how many 400 with the Dutch message, and how many
bookings and slots the database holds afterwards. Exactly one may succeed per round.
"""

import argparse
import datetime
import os
import platform
import sys
import threading
import time
from pathlib import Path

from socialmap import fresh_database, percentile, setup  # bench/socialmap.py

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/wk_bench_rides"
DEFAULT_OUTPUT = ROOT / "bench" / "results" / "ride_bookings.md"


def world(parallel: int):
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from wijkkracht.accounts.models import TeamMembership
    from wijkkracht.accounts.roles import Role
    from wijkkracht.areas.models import CityPart, District, Neighbourhood
    from wijkkracht.organisations.models import Team
    from wijkkracht.people.models import Household, Resident
    from wijkkracht.provisions.models import CollectiveProvision, Driver, Vehicle

    User = get_user_model()
    part = CityPart.objects.create(name="Stad")
    district = District.objects.create(code="WK003401", name="Stedenwijk", city_part=part)
    north = Neighbourhood.objects.create(code="BU00340101", name="Stedenwijk-Noord", district=district)
    centre = Team.objects.create(name="Wijkcentrum Het Baken", kind=Team.Kind.COMMUNITY_CENTRE)
    centre.neighbourhoods.add(north)
    rides = CollectiveProvision.objects.create(kind="rides", name="Max-mobiel Het Baken", team=centre)
    car = Vehicle.objects.create(provision=rides, team=centre, name="Max-mobiel")
    staff, drivers, residents = [], [], []
    for i in range(parallel):
        user = User.objects.create(username=f"medewerker{i}", role=Role.CENTRE_STAFF)
        TeamMembership.objects.create(user=user, team=centre)
        TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        staff.append(user)
        volunteer = User.objects.create(username=f"chauffeur{i}", role=Role.VOLUNTEER)
        drivers.append(
            Driver.objects.create(
                user=volunteer,
                team=centre,
                licence_valid_until=datetime.date(2040, 1, 1),
                trained_on=datetime.date(2024, 1, 1),
            )
        )
        household = Household.objects.create(
            street="Parisstraat", house_number=i + 1, postcode="1315 AB", city="Almere", neighbourhood=north
        )
        residents.append(
            Resident.objects.create(
                household=household,
                first_name=f"Passagier{i}",
                last_name="Bakker",
                birth_date=datetime.date(1940, 1, 1),
            )
        )
    return car, staff, drivers, residents


def round_run(car, clients, drivers, residents, pickup) -> dict:
    from django.db import connection

    n = len(clients)
    barrier = threading.Barrier(n)
    answers, times = [None] * n, [0.0] * n

    def book(i):
        try:
            barrier.wait()
            t = time.perf_counter()
            response = clients[i].post(
                "/api/v1/ritten",
                {
                    "resident": str(residents[i].public_id),
                    "vehicle": car.pk,
                    "driver": drivers[i].pk,
                    "pickup_at": pickup.isoformat(),
                    "pickup_address": "Parisstraat 1, Almere",
                    "destination": "Huisartsenpraktijk De Brug",
                    "purpose": "doctor",
                },
                content_type="application/json",
            )
            times[i] = time.perf_counter() - t
            answers[i] = (response.status_code, response.json().get("detail", ""))
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"answers": answers, "times": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--parallel", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    fresh_database(args.database_url)
    setup(args.database_url)

    from django.utils import timezone

    from wijkkracht.provisions.models import RideBooking, RideSlot

    sys.path.insert(0, str(ROOT / "bench"))
    from casework_pages import logged_in_client

    car, staff, drivers, residents = world(args.parallel)
    clients = [logged_in_client(user) for user in staff]
    rows = []
    all_ok = True
    for n in range(args.rounds):
        day = timezone.localdate() + datetime.timedelta(days=2 + n)
        pickup = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
        result = round_run(car, clients, drivers, residents, pickup)
        codes = [code for code, _detail in result["answers"]]
        refused = [detail for code, detail in result["answers"] if code == 400]
        booked = RideBooking.objects.filter(vehicle=car, pickup_at=pickup).count()
        slots = RideSlot.objects.filter(vehicle=car, starts_at=pickup).count()
        dutch = sum("al geboekt" in detail for detail in refused)
        ok = codes.count(201) == 1 and booked == 1 and slots == 1 and dutch == len(refused) == args.parallel - 1
        all_ok &= ok
        rows.append(
            f"| {n + 1} | {pickup:%Y-%m-%d %H:%M} | {codes.count(201)} | {codes.count(400)} | {dutch} | "
            f"{len(codes) - codes.count(201) - codes.count(400)} | {booked} | {slots} | "
            f"{percentile(result['times'], 50):.0f} ms | {max(result['times']) * 1000:.0f} ms | {'yes' if ok else 'NO'} |"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        "# Ride bookings under concurrency",
        "",
        f"Run {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} "
        f"({os.cpu_count()} cores, load average {load:.1f}), PostgreSQL, `bench/ride_bookings.py`.",
        "",
        f"Each round: {args.parallel} parallel `POST /api/v1/ritten` for the same car at the same time (each with its own",
        "driver, so only the car clashes). The guard: unique (car, half hour) and (driver, half hour) on `RideSlot`.",
        "",
        '| round | pickup | 201 booked | 400 refused | of which "al geboekt" | other | bookings in db | slots in db | p50 | max | exactly one |',
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        *rows,
        "",
        f"Result: {'in every round exactly one booking succeeded' if all_ok else 'a round did NOT give exactly one booking'}; "
        'the others got "Deze auto is op dat moment al geboekt. Kies een andere tijd of auto." and left nothing behind.',
    ]
    args.output.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    if not all_ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
