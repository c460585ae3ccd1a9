"""What the case-work generators need to know about the city just made: teams, workers, households.

Read once from the database after the population is in (one query for 220,000 residents), in a fixed
order, so that the same seed draws the same requests for the same people.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from django.utils import timezone

from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

CITY_RESIDENTS = 220_000
DEMO_RESIDENTS = 2_000
DEMO_FACTOR = 0.055  # demo scale: about 150 requests a year city-wide, so the demo has something to show


@dataclass(slots=True)
class Member:
    id: int
    birth_date: date


@dataclass(slots=True)
class HouseholdInfo:
    id: int
    members: list[Member] = field(default_factory=list)


@dataclass
class TeamInfo:
    id: int
    name: str
    workers: list[int]
    households: list[HouseholdInfo]

    @property
    def residents(self) -> int:
        return sum(len(h.members) for h in self.households)


@dataclass
class World:
    teams: list[TeamInfo]  # neighbourhood teams with residents, in name order
    demo_worker_id: int | None
    demo_team_id: int | None
    now: datetime
    factor: float  # share of the city-scale volumes

    @property
    def today(self) -> date:
        return timezone.localtime(self.now).date()


def scale_factor(residents: int) -> float:
    """1.0 at 220,000 residents; demo scale (2,000) gets a boosted 0.055 so each team has a few cases a year."""
    boosted = min(residents, DEMO_RESIDENTS) * DEMO_FACTOR / DEMO_RESIDENTS
    return max(residents / CITY_RESIDENTS, boosted)


def world_load(*, workers_by_team: dict[int, list[int]], demo_worker_id: int | None, residents: int) -> World:
    team_of_neighbourhood = dict(
        Team.neighbourhoods.through.objects.filter(team__kind=Team.Kind.NEIGHBOURHOOD_TEAM).values_list(
            "neighbourhood_id", "team_id"
        )
    )
    households: dict[int, HouseholdInfo] = {}
    by_team: dict[int, list[HouseholdInfo]] = {}
    rows = Resident.objects.order_by("id").values_list(
        "id", "household_id", "birth_date", "household__neighbourhood_id"
    )
    for resident_id, household_id, birth_date, neighbourhood_id in rows.iterator(chunk_size=20_000):
        household = households.get(household_id)
        if household is None:
            household = households[household_id] = HouseholdInfo(household_id)
            team_id = team_of_neighbourhood.get(neighbourhood_id)
            if team_id is not None:
                by_team.setdefault(team_id, []).append(household)
        household.members.append(Member(resident_id, birth_date))
    teams = [
        TeamInfo(team.pk, team.name, list(workers_by_team.get(team.pk, [])), by_team[team.pk])
        for team in Team.objects.filter(pk__in=by_team).order_by("name")
        if workers_by_team.get(team.pk)
    ]
    demo_team_id = None
    if demo_worker_id is not None:
        demo_team_id = next((t.id for t in teams if demo_worker_id in t.workers), None)
    return World(teams, demo_worker_id, demo_team_id, timezone.now(), scale_factor(residents))


def age_on(birth_date: date, on: date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def office_moment(rng: Random, day: date) -> datetime:
    """A moment during office hours on that day (weekends moved to the Friday before)."""
    if day.weekday() >= 5:
        day -= timedelta(days=day.weekday() - 4)
    moment = time(rng.randint(8, 16), rng.randrange(0, 60, 5))
    return timezone.make_aware(datetime.combine(day, moment))


def at_most(moment: datetime, limit: datetime) -> datetime:
    return moment if moment <= limit else limit
