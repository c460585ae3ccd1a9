"""The community centres' Max-mobiel (a car, trained volunteer drivers, rides with their slots), Welzijn op
Recept, and the referrals to the social map made from help requests; plus the orchestration of it all."""

import datetime
from random import Random

from django.contrib.auth import get_user_model
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.areas.models import Neighbourhood
from wijkkracht.organisations.models import Organisation
from wijkkracht.people.models import Household, Resident
from wijkkracht.provisions.models import Driver, Referral, RideBooking, RideSlot, Vehicle, WellbeingPrescription

from . import create_circles, create_desk
from . import create_provisions as provisions_part
from .addresses import counts_allocate
from .create_socialmap import socialmap_create
from .data import provisions as data
from .demo import DEMO_CENTRE
from .insert import objects_insert, rows_insert
from .world import World, age_on, at_most

Kind = provisions_part.Kind
RIDES_FROM = 2018  # the municipality funded the Max-mobiel from 2018 (seed)
DEMO_DRIVER, DEMO_GP, DEMO_PROVIDER = "vrijwilliger", "huisarts", "aanbieder"
# A request closed on the social-map path is referred to a resource with a need of its life domain.
NEEDS_BY_DOMAIN = {
    "finances": ("paperwork", "money", "debts"),
    "social_network": ("company",),
    "mental_health": ("mind", "company"),
    "daily_activities": ("company", "work"),
    "housing": ("housing", "care_at_home"),
    "work_education": ("work", "language"),
    "social_participation": ("company", "work", "information"),
    "domestic_relations": ("parenting",),
    "physical_health": ("health",),
    "basic_adl": ("care_at_home",),
    "instrumental_adl": ("care_at_home", "transport"),
}


def _addresses(household_ids) -> dict[int, str]:
    rows = Household.objects.filter(id__in=set(household_ids)).values_list("id", "street", "house_number", "city")
    return {pk: f"{street} {number}, {city}" for pk, street, number, city in rows}


def rides_create(*, rng: Random, world: World, centres, provisions, demo_driver_id: int | None) -> dict[str, int]:
    """One car per centre, four drivers each (the demo volunteer drives for the demo centre), rides since 2018."""
    vehicles = [
        Vehicle(
            provision_id=provisions[(c.team_id, Kind.RIDES)].pk,
            team_id=c.team_id,
            name=f"Max-mobiel {c.name.split(' ', 1)[-1]}",
            plate=f"G-{rng.randint(100, 999)}-XK",
            seats=2,
            wheelchair=i == 0,
        )
        for i, c in enumerate(centres)
    ]
    objects_insert(Vehicle, vehicles)
    User = get_user_model()
    volunteer_ids = list(
        User.objects.filter(role=Role.VOLUNTEER).exclude(pk=demo_driver_id).order_by("id").values_list("id", flat=True)
    )
    drivers_of, drivers = {}, []
    for i, centre in enumerate(centres):
        chosen = volunteer_ids[i * data.DRIVERS_PER_CAR : (i + 1) * data.DRIVERS_PER_CAR]
        if centre.name == DEMO_CENTRE and demo_driver_id is not None:
            chosen = [demo_driver_id, *chosen[1:]]
        drivers_of[centre.team_id] = [
            Driver(
                user_id=user_id,
                team_id=centre.team_id,
                licence_valid_until=world.today + datetime.timedelta(days=rng.randint(400, 3000)),
                trained_on=datetime.date(RIDES_FROM, 3, 1) + datetime.timedelta(days=rng.randint(0, 900)),
                wheelchair_trained=n % 2 == 0,
                door_help=True,
            )
            for n, user_id in enumerate(chosen)
        ]
        drivers += drivers_of[centre.team_id]
    objects_insert(Driver, drivers)
    bookings, legs = [], []
    first = datetime.date(RIDES_FROM, 1, 8)
    last = world.today + datetime.timedelta(days=data.RIDES_AHEAD_DAYS)
    per_day = data.RIDES_PER_WEEKDAY * max(world.factor, 0.15)
    for centre, vehicle in zip(centres, vehicles, strict=True):
        passengers = [r for r in centre.residents if age_on(r[2], world.today) >= 65] or centre.residents
        addresses = _addresses(r[1] for r in passengers)
        day = first
        while day <= last and drivers_of[centre.team_id]:
            if day.weekday() < 5:
                ahead = day > world.today
                count = data.RIDES_PER_WEEKDAY if ahead else int(per_day) + (rng.random() < per_day % 1)
                times = sorted(rng.sample(data.RIDE_TIMES, min(count, len(data.RIDE_TIMES))))
                free = [t for t in data.RIDE_TIMES if t not in times]
                driver = drivers_of[centre.team_id][day.toordinal() % len(drivers_of[centre.team_id])]
                for hour, minute in times:
                    passenger = rng.choice(passengers)
                    purpose = provisions_part._weighted(rng, data.RIDE_PURPOSES)
                    pickup = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
                    later = [t for t in free if t > (hour, minute)]
                    back = None
                    if later and rng.random() < 0.4:
                        chosen = rng.choice(later)
                        free.remove(chosen)
                        back = timezone.make_aware(datetime.datetime.combine(day, datetime.time(*chosen)))
                    cancelled = not ahead and rng.random() < 0.08
                    booking = RideBooking(
                        vehicle_id=vehicle.pk,
                        driver_id=driver.pk,
                        resident_id=passenger[0],
                        team_id=centre.team_id,
                        booked_by_id=rng.choice(centre.workers),
                        booked_at=at_most(pickup - datetime.timedelta(days=rng.randint(1, 10)), world.now),
                        pickup_at=pickup,
                        return_at=back,
                        pickup_address=addresses.get(passenger[1], "")[:200] or centre.name,
                        destination=rng.choice(data.RIDE_DESTINATIONS[purpose]),
                        purpose=purpose,
                        needs_wheelchair=vehicle.wheelchair and driver.wheelchair_trained and rng.random() < 0.1,
                        needs_walker=rng.random() < 0.3,
                        needs_door_help=rng.random() < 0.4,
                        status="cancelled" if cancelled else ("booked" if pickup > world.now else "done"),
                    )
                    bookings.append(booking)
                    if not cancelled:
                        legs += [(booking, pickup)] + ([(booking, back)] if back else [])
            day += datetime.timedelta(days=1)
    objects_insert(RideBooking, bookings)
    rows_insert(
        RideSlot,
        ("booking_id", "vehicle_id", "driver_id", "starts_at"),
        [(b.pk, b.vehicle_id, b.driver_id, at) for b, at in legs],
    )
    return {"vehicles": len(vehicles), "drivers": len(drivers), "rides": len(bookings), "ride slots": len(legs)}


def prescriptions_create(*, rng: Random, world: World, centres, gps: list[int], demo_gp: int | None, socialmap) -> int:
    activities = [r for need in ("company", "health", "mind") for r in socialmap.by_need.get(need, [])]
    prescriptions, chosen = [], []
    names = {}
    for year in range(2016, world.today.year + 1):
        start, span = provisions_part._year_days(year, world.today)
        volume = provisions_part._volume(data.PRESCRIPTIONS * len(centres), year, world.today, max(world.factor, 0.2))
        for centre, count in zip(centres, counts_allocate(volume, [1] * len(centres)), strict=True):
            for _ in range(count):
                patient = rng.choice(
                    [
                        r
                        for r in rng.sample(centre.residents, min(20, len(centre.residents)))
                        if age_on(r[2], start) >= 18
                    ]
                    or centre.residents
                )
                written = at_most(
                    provisions_part._moment(rng, start + datetime.timedelta(days=rng.randrange(span))), world.now
                )
                gp = demo_gp if demo_gp and rng.random() < 0.35 else rng.choice(gps)
                p = WellbeingPrescription(
                    gp_id=gp,
                    team_id=centre.team_id,
                    written_at=written,
                    patient_birth_date=patient[2],
                    reason=provisions_part._weighted(rng, data.PRESCRIPTION_REASONS),
                    resident_id=patient[0] if rng.random() < 0.7 else None,
                )
                names[id(p)] = patient[0]
                _coach(rng, world, p, rng.choice(centre.workers))
                prescriptions.append(p)
                if p.status in ("agreed", "follow_up", "closed") and activities:
                    chosen.append((p, rng.sample(activities, min(2, len(activities)))))
    people = {pk: (f"{first} {last}", phone) for pk, first, last, phone in get_resident_names(set(names.values()))}
    for p in prescriptions:
        p.patient_name, p.patient_phone = people.get(names[id(p)], ("Onbekend", ""))
        p.patient_name = p.patient_name[:150]
    objects_insert(WellbeingPrescription, prescriptions)
    rows_insert(
        WellbeingPrescription.activities.through,
        ("wellbeingprescription_id", "resource_id"),
        [(p.pk, r.pk) for p, resources in chosen for r in {r.pk: r for r in resources}.values()],
    )
    return len(prescriptions)


def get_resident_names(ids):
    return Resident.objects.filter(id__in=ids).values_list("id", "first_name", "last_name", "phone")


def _coach(rng: Random, world: World, p, coach: int) -> None:
    """How far the coach got, by the prescription's age."""
    days = (world.now - p.written_at).days
    if days < 5:
        return
    p.coach_id, p.status = coach, "contacted"
    p.contacted_at = p.written_at + datetime.timedelta(days=rng.randint(2, 5))
    p.wellbeing_before = rng.randint(3, 6)
    if days < 21:
        return
    p.status, p.activities_note = (
        "agreed",
        rng.choice(("Wekelijks naar de koffieochtend.", "Wandelgroep op dinsdag.", "")),
    )
    if days < 60:
        return
    p.status, p.follow_up_note = (
        "follow_up",
        rng.choice(("Gaat met plezier.", "Twee keer geweest, daarna gestopt.", "Heeft nieuwe contacten.")),
    )
    if days < 110:
        return
    p.status, p.closed_at = "closed", p.written_at + datetime.timedelta(days=rng.randint(90, 110))
    p.outcome = provisions_part._weighted(rng, data.PRESCRIPTION_OUTCOMES)
    change = {"fewer": rng.randint(1, 3), "same": 0, "more": -rng.randint(1, 2), "stopped": rng.randint(-1, 1)}[
        p.outcome
    ]
    p.wellbeing_after = min(10, max(1, p.wellbeing_before + change))


def referrals_create(*, rng: Random, world: World, requests, socialmap, humanitas) -> int:
    """A referral for every request closed on the social-map path, and for some requests in support now."""
    referrals = []
    humanitas_resources = [r for r in socialmap.resources if humanitas and r.provider.organisation_id == humanitas.pk]
    for d in requests:
        on_path = "social_map_referral" in d.paths
        in_support = d.status == "support" and rng.random() < 0.15
        if not (on_path or in_support) or d.pk is None:
            continue
        candidates = [
            r for need in NEEDS_BY_DOMAIN.get(d.domain, ("information",)) for r in socialmap.by_need.get(need, [])
        ]
        if humanitas_resources and rng.random() < (0.5 if in_support and not on_path else 0.15):
            candidates = humanitas_resources
        if not candidates:
            continue
        resource = rng.choice(candidates)
        referred = d.received_at + datetime.timedelta(days=rng.randint(3, 20))
        if referred > world.now:
            continue
        referral = Referral(
            resident_id=d.resident.id,
            help_request_id=d.pk,
            resource_id=resource.pk,
            team_id=d.team.id,
            referred_by_id=d.assigned_to,
            referred_at=referred,
            note=rng.choice(
                ("Zoekt contact in de buurt.", "Hulp bij de post gevraagd.", "Wil graag iets doen overdag.", "")
            ),
            share_contact=rng.random() < 0.75,
            provider_organisation_id=resource.provider.organisation_id,
        )
        if on_path:
            referral.status = rng.choices(("completed", "accepted", "declined", "waiting"), weights=(60, 20, 10, 10))[0]
            referral.status_at = at_most(referred + datetime.timedelta(days=rng.randint(2, 30)), world.now)
            referral.status_reason = "Past niet bij de doelgroep." if referral.status == "declined" else ""
            referral.reported_by_link = rng.random() < 0.5
        referrals.append(referral)
    objects_insert(Referral, referrals)
    return len(referrals)


def provisions_generate(*, seed: int, world: World, requests) -> dict[str, int]:
    """Everything of issue 11 in the synthetic city; returns the row counts per kind."""
    rng = Random(f"{seed}:provisions")
    User = get_user_model()
    demo = dict(User.objects.filter(username__in=[DEMO_DRIVER, DEMO_GP, DEMO_PROVIDER]).values_list("username", "id"))
    humanitas = Organisation.objects.filter(short_name="Humanitas").first()
    neighbourhoods = list(Neighbourhood.objects.order_by("code"))
    socialmap = socialmap_create(seed=seed, world=world, neighbourhoods=neighbourhoods, humanitas=humanitas)
    teams, centres = provisions_part.places_load(world)
    provisions = provisions_part.provisions_insert(teams=teams, centres=centres, socialmap=socialmap)
    counts = dict(socialmap.counts, provisions=len(provisions))
    sessions, questions = create_desk.desk_create(
        rng=rng, world=world, places=teams, provisions=provisions, plan=create_desk.desk_plan()
    )
    counts.update({"desk sessions": sessions, "desk questions": questions})
    if centres:
        sessions, questions = create_desk.desk_create(
            rng=rng,
            world=world,
            places=centres,
            provisions=provisions,
            plan=create_desk.info_point_plan(len(centres)),
        )
        counts.update({"information point sessions": sessions, "information point questions": questions})
    counts.update(create_circles.groups_create(rng=rng, world=world, teams=teams, provisions=provisions))
    counts.update(create_circles.language_create(rng=rng, world=world, teams=teams, provisions=provisions))
    counts["food bank referrals"] = provisions_part.food_bank_create(rng=rng, world=world, teams=teams)
    counts["city passes"] = provisions_part.city_passes_create(
        rng=rng, world=world, teams=teams, recorded_by=teams[0].workers[0]
    )
    if centres:
        counts.update(
            rides_create(
                rng=rng, world=world, centres=centres, provisions=provisions, demo_driver_id=demo.get(DEMO_DRIVER)
            )
        )
        gps = list(User.objects.filter(role=Role.GP).order_by("id").values_list("id", flat=True))
        if gps:
            counts["prescriptions"] = prescriptions_create(
                rng=rng, world=world, centres=centres, gps=gps, demo_gp=demo.get(DEMO_GP), socialmap=socialmap
            )
    counts["referrals"] = referrals_create(
        rng=rng, world=world, requests=requests, socialmap=socialmap, humanitas=humanitas
    )
    return counts
