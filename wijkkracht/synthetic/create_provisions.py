"""The collective provisions of the synthetic city, with the seeds' figures as yardstick (data/provisions.py).

Per neighbourhood team: the administrative help desk (weekly sessions, from 2020 phone hours), the friendship
groups, language help and the food bank desk. Per community centre: the information point, Welzijn op Recept
and the Max-mobiel (create_rides.py). City passes for a share of the adults; referrals to the social map for
the requests closed on that path. Volumes follow the city's scale (``world.factor``); bulk inserts only.
"""

import datetime
from dataclasses import dataclass, field
from random import Random

from django.contrib.auth import get_user_model
from django.utils import timezone

from wijkkracht.accounts.models import TeamMembership
from wijkkracht.accounts.roles import Role
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident
from wijkkracht.provisions.models import (
    CityPass,
    CollectiveProvision,
    FoodBankReferral,
)

from .addresses import counts_allocate
from .data import casework as casework_data
from .data import provisions as data
from .insert import objects_insert, rows_insert
from .world import World, age_on, at_most

Kind = CollectiveProvision.Kind
TEAM_KINDS = (Kind.DESK, Kind.GROUPS, Kind.LANGUAGE, Kind.FOOD_BANK)
CENTRE_KINDS = (Kind.INFO_POINT, Kind.WELLBEING, Kind.RIDES)
NAMES = {
    Kind.DESK: ("Administratief spreekuur", "Administratief spreekuur"),
    Kind.GROUPS: ("Vriendenkringen", "Vriendenkringen"),
    Kind.LANGUAGE: ("Doe mee met taal", "Taalhuis"),
    Kind.FOOD_BANK: ("Voedselloket", "Voedselpakket"),
    Kind.INFO_POINT: ("Informatiepunt Voor Mekaar", "Informatiepunt Voor Mekaar"),
    Kind.WELLBEING: ("Welzijn op Recept", "Welzijn op Recept"),
    Kind.RIDES: ("Max-mobiel", "Max-mobiel"),
}


@dataclass
class Place:
    """A team or centre with the people it serves and the users who work or volunteer there."""

    team_id: int
    name: str
    residents: list  # (id, household_id, birth_date)
    workers: list[int]
    volunteers: list[int] = field(default_factory=list)
    weight: float = 1.0


def _moment(rng: Random, day: datetime.date, hours=(9, 16)) -> datetime.datetime:
    at = datetime.time(rng.randint(*hours), rng.randrange(0, 60, 5))
    return timezone.make_aware(datetime.datetime.combine(day, at))


def _weighted(rng: Random, pairs) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _year_days(year: int, today: datetime.date) -> tuple[datetime.date, int]:
    start = datetime.date(year, 1, 1)
    last = min(datetime.date(year, 12, 31), today)
    return start, (last - start).days + 1


def _volume(per_year: float, year: int, today: datetime.date, factor: float) -> int:
    volume = per_year * factor
    if year == today.year:
        volume *= (today - datetime.date(year, 1, 1)).days / 365
    return round(volume)


def places_load(world: World) -> tuple[list[Place], list[Place]]:
    """The neighbourhood teams (from the world) and the community centres, with their volunteers and staff."""
    User = get_user_model()
    volunteers: dict[int, list[int]] = {}
    staff: dict[int, list[int]] = {}
    rows = TeamMembership.objects.filter(user__role__in=[Role.VOLUNTEER, Role.CENTRE_STAFF]).order_by("id")
    for team_id, user_id, role in rows.values_list("team_id", "user_id", "user__role"):
        (volunteers if role == Role.VOLUNTEER else staff).setdefault(team_id, []).append(user_id)
    teams = [
        Place(
            t.id,
            t.name,
            [(m.id, h.id, m.birth_date) for h in t.households for m in h.members],
            t.workers,
            volunteers.get(t.id, []),
            t.residents,
        )
        for t in world.teams
    ]
    centres = []
    for centre in Team.objects.filter(kind=Team.Kind.COMMUNITY_CENTRE).order_by("name"):
        residents = list(
            Resident.objects.filter(household__neighbourhood__teams=centre)
            .order_by("id")
            .values_list("id", "household_id", "birth_date")
        )
        users = staff.get(centre.id) or list(
            User.objects.filter(role=Role.CENTRE_STAFF).values_list("id", flat=True)[:1]
        )
        if residents and users:
            centres.append(
                Place(centre.id, centre.name, residents, users, volunteers.get(centre.id, []), len(residents))
            )
    return teams, centres


def provisions_insert(
    *, teams: list[Place], centres: list[Place], socialmap
) -> dict[tuple[int, str], CollectiveProvision]:
    provisions = []
    for places, kinds in ((teams, TEAM_KINDS), (centres, CENTRE_KINDS)):
        for place in places:
            for kind in kinds:
                name, template = NAMES[kind]
                resources = socialmap.by_template.get(template, [])
                provisions.append(
                    CollectiveProvision(
                        kind=kind,
                        name=f"{name} {place.name.split(' ', 1)[-1]}",
                        team_id=place.team_id,
                        place=place.name,
                        resource_id=resources[len(provisions) % len(resources)].pk if resources else None,
                    )
                )
    objects_insert(CollectiveProvision, provisions)
    by_place = {(p.team_id, p.kind): p for p in provisions}
    links = [
        (by_place[(place.team_id, kind)].pk, user_id)
        for places, kinds in ((teams, (Kind.DESK,)), (centres, (Kind.INFO_POINT,)))
        for place in places
        for kind in kinds
        for user_id in place.volunteers
    ]
    rows_insert(CollectiveProvision.volunteers.through, ("collectiveprovision_id", "user_id"), links)
    return by_place


def food_bank_create(*, rng: Random, world: World, teams: list[Place]) -> int:
    referrals = []
    weights = [t.weight for t in teams]
    for year in range(casework_data.FIRST_YEAR, world.today.year + 1):
        start, span = _year_days(year, world.today)
        per_year = data.FOOD_BANK.get(year, data.FOOD_BANK_BEFORE if year < 2020 else data.FOOD_BANK_LATER)
        for team, count in zip(
            teams, counts_allocate(_volume(per_year, year, world.today, world.factor), weights), strict=True
        ):
            for _ in range(count):
                resident = rng.choice(team.residents)
                at = at_most(_moment(rng, start + datetime.timedelta(days=rng.randrange(span))), world.now)
                referral = FoodBankReferral(
                    resident_id=resident[0],
                    team_id=team.team_id,
                    referred_by_id=rng.choice(team.workers),
                    referred_at=at,
                    household_size=rng.choice((1, 1, 2, 3, 3, 4, 5)),
                    reason=rng.choice(data.FOOD_BANK_REASONS),
                )
                if (world.now - at).days > 10:
                    admitted = rng.random() < 0.85
                    referral.status = FoodBankReferral.Status.ADMITTED if admitted else FoodBankReferral.Status.DECLINED
                    referral.decided_at = at + datetime.timedelta(days=rng.randint(2, 10))
                    referral.valid_until = (at + datetime.timedelta(days=180)).date() if admitted else None
                referrals.append(referral)
    objects_insert(FoodBankReferral, referrals)
    return len(referrals)


def city_passes_create(*, rng: Random, world: World, teams: list[Place], recorded_by: int) -> int:
    passes, seen = [], set()
    for team in teams:
        for resident_id, _household, birth_date in team.residents:
            if (
                resident_id not in seen
                and age_on(birth_date, world.today) >= 18
                and rng.random() < data.CITY_PASS_SHARE
            ):
                seen.add(resident_id)
                passes.append(
                    (
                        resident_id,
                        world.today + datetime.timedelta(days=rng.randint(-90, 365)),
                        rng.choice(team.workers) or recorded_by,
                        world.now,
                    )
                )
    rows_insert(CityPass, ("resident_id", "valid_until", "recorded_by_id", "recorded_at"), passes)
    return len(passes)
