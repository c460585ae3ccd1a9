"""The synthetic city: the one source of demo and benchmark data.

city_generate builds an Almere-like city in one transaction: the area fixture, the covenant partners
and teams, staff with demo logins, households with residents, and access grants. Same seed, same
city. It refuses bad options before touching the database, and leaves an existing city alone unless
asked to reset it.
"""

import time
from dataclasses import dataclass
from typing import TextIO

from django.db import transaction

from wijkkracht.areas.models import CityPart
from wijkkracht.organisations.models import Organisation
from wijkkracht.people.models import Household

from .create_areas import areas_create
from .create_organisations import structure_create
from .create_population import population_create
from .create_staff import staff_create
from .data.areas import CITY_PARTS, DISTRICTS
from .data.organisations import SPECIALIST
from .names import name_pools_build
from .options import CityOptions, city_options
from .population import city_draft
from .reset import city_delete


@dataclass(frozen=True)
class CitySummary:
    created: bool
    options: CityOptions
    households: int = 0
    residents: int = 0
    grants: int = 0
    seconds: float = 0.0


def city_exists() -> bool:
    """Whether a city (areas, organisations or households) is already in the database."""
    return CityPart.objects.exists() or Organisation.objects.exists() or Household.objects.exists()


def _say(stdout: TextIO | None, message: str) -> None:
    if stdout is not None:
        stdout.write(message + "\n")


def city_generate(
    *,
    scale: object = None,
    seed: object = None,
    residents: object = None,
    reset: bool = False,
    stdout: TextIO | None = None,
) -> CitySummary:
    """Generate the city; SyntheticCityError (Dutch message, nothing changed) on bad options."""
    options = city_options(scale=scale, seed=seed, residents=residents)
    if city_exists() and not reset:
        count = Household.objects.count()
        _say(
            stdout,
            f"De stad bestaat al ({count} huishoudens); er is niets veranderd. Gebruik --reset om opnieuw te beginnen.",
        )
        return CitySummary(created=False, options=options)

    started = time.monotonic()
    with transaction.atomic():
        if reset:
            city_delete()
            _say(stdout, "Bestaande stad gewist.")
        pools = name_pools_build(seed=options.seed)
        neighbourhoods = areas_create()
        _say(stdout, f"Gebieden: {len(CITY_PARTS)} stadsdelen, {len(DISTRICTS)} wijken, {len(neighbourhoods)} buurten.")
        structure = structure_create(neighbourhoods=neighbourhoods)
        staff = staff_create(seed=options.seed, pools=pools, structure=structure, residents=options.residents)
        _say(
            stdout,
            f"Organisaties: {len(structure.organisations)}, teams: {len(structure.teams)}, gebruikers: {staff.users}.",
        )
        workers_by_neighbourhood = {
            neighbourhood_id: staff.workers_by_team.get(team.pk, [])
            for neighbourhood_id, team in structure.team_for_neighbourhood.items()
        }
        households, residents_done, grants = population_create(
            drafts=city_draft(seed=options.seed, residents=options.residents, pools=pools),
            seed=options.seed,
            total_residents=options.residents,
            neighbourhood_ids={code: n.pk for code, n in neighbourhoods.items()},
            grant_organisation_id=structure.organisations[SPECIALIST].pk,
            workers_by_neighbourhood=workers_by_neighbourhood,
            progress=lambda line: _say(stdout, line),
        )
    seconds = time.monotonic() - started
    duration = f"{seconds:.1f}".replace(".", ",")
    _say(
        stdout,
        f"Klaar in {duration} s: {residents_done} inwoners in {households} huishoudens, {grants} toegangen "
        f"(schaal {options.scale}, seed {options.seed}).",
    )
    return CitySummary(True, options, households, residents_done, grants, seconds)
