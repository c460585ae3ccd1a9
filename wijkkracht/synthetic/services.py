"""The synthetic city: the one source of demo and benchmark data.

city_generate builds an Almere-like city in one transaction: the area fixture, the covenant partners
and teams, staff with demo logins, households with residents, and access grants. Same seed, same
city. It refuses bad options before touching the database, and leaves an existing city alone unless
asked to reset it.
"""

import time
from dataclasses import dataclass, field
from typing import TextIO

from django.contrib.auth import get_user_model
from django.db import transaction

from wijkkracht.areas.models import CityPart
from wijkkracht.organisations.models import Organisation
from wijkkracht.people.models import Household, Resident

from .create_areas import areas_create
from .create_care import care_create
from .create_casework import casework_create
from .create_organisations import structure_create
from .create_population import population_create
from .create_rides import provisions_generate
from .create_staff import staff_create
from .create_volunteers import volunteering_create
from .data.areas import CITY_PARTS, DISTRICTS
from .data.organisations import SPECIALIST
from .demo import DEMO_WORKER
from .insert import gin_indexes_deferred
from .names import name_pools_build
from .options import CityOptions, city_options
from .population import city_draft
from .readme_examples import demo_notifications_create, example_surname_ensure
from .reset import city_delete
from .world import world_load


@dataclass(frozen=True)
class CitySummary:
    created: bool
    options: CityOptions
    households: int = 0
    residents: int = 0
    grants: int = 0
    seconds: float = 0.0
    casework: dict[str, int] = field(default_factory=dict)  # rows per kind of case-work record


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
        with gin_indexes_deferred(Resident):  # the trigram search index: built once after the load
            households, residents_done, grants = population_create(
                drafts=city_draft(seed=options.seed, residents=options.residents, pools=pools),
                seed=options.seed,
                total_residents=options.residents,
                neighbourhood_ids={code: n.pk for code, n in neighbourhoods.items()},
                grant_organisation_id=structure.organisations[SPECIALIST].pk,
                workers_by_neighbourhood=workers_by_neighbourhood,
                progress=lambda line: _say(stdout, line),
            )
        demo_worker = get_user_model().objects.filter(username=DEMO_WORKER).values_list("pk", flat=True).first()
        world = world_load(
            workers_by_team=staff.workers_by_team, demo_worker_id=demo_worker, residents=options.residents
        )
        phase = time.monotonic()
        casework = casework_create(seed=options.seed, world=world)
        _say(stdout, f"Hulpvragen sinds 2015 ({_seconds(phase)} s): " + _counts(casework.counts))
        phase = time.monotonic()
        care = care_create(seed=options.seed, world=world, requests=casework.requests)
        _say(stdout, f"Mantelzorg, waakvlam en signalen ({_seconds(phase)} s): " + _counts(care))
        phase = time.monotonic()
        volunteering = volunteering_create(seed=options.seed, world=world)
        _say(stdout, f"Vrijwilligers en koppelingen ({_seconds(phase)} s): " + _counts(volunteering))
        phase = time.monotonic()
        provisions = provisions_generate(seed=options.seed, world=world, requests=casework.requests)
        _say(stdout, f"Sociale kaart en collectieve voorzieningen ({_seconds(phase)} s): " + _counts(provisions))
        example_surname_ensure(seed=options.seed)  # the README's examples work in every demo city
        demo_notifications_create()
    seconds = time.monotonic() - started
    duration = _seconds(started)
    _say(
        stdout,
        f"Klaar in {duration} s: {residents_done} inwoners in {households} huishoudens, {grants} toegangen "
        f"(schaal {options.scale}, seed {options.seed}).",
    )
    return CitySummary(
        True,
        options,
        households,
        residents_done,
        grants,
        seconds,
        {**casework.counts, **care, **volunteering, **provisions},
    )


COUNT_LABELS = {
    "help requests": "hulpvragen",
    "solution paths": "oplossingsroutes",
    "informal checks": "informele afwegingen",
    "contacts": "contactmomenten",
    "assessments": "ZRM-metingen",
    "domain scores": "ZRM-scores",
    "plans": "plannen",
    "plan actions": "afspraken",
    "carers": "mantelzorgers",
    "EDIZ assessments": "EDIZ-metingen",
    "watch contacts": "waakvlamcontacten",
    "signals": "signalen",
    "volunteers": "vrijwilligers",
    "volunteer requests": "vragen om een vrijwilliger",
    "matches": "koppelingen",
    "hours entries": "urenregels",
    "social map resources": "aanbod op de sociale kaart",
    "providers": "aanbieders",
    "provisions": "voorzieningen",
    "desk sessions": "administratieve spreekuren",
    "desk questions": "vragen aan het spreekuur",
    "information point sessions": "openingen informatiepunt",
    "information point questions": "vragen aan het informatiepunt",
    "groups": "vriendenkringen",
    "group members": "hulpvragers vriendenkringen",
    "group meetings": "bijeenkomsten",
    "attendance": "aanwezigheden",
    "language tracks": "taaltrajecten",
    "language progress": "voortgangsnotities",
    "food bank referrals": "aanmeldingen Voedselloket",
    "city passes": "stadspassen",
    "vehicles": "Max-mobielen",
    "drivers": "chauffeurs",
    "rides": "ritten",
    "ride slots": "rittijden",
    "prescriptions": "welzijnsrecepten",
    "referrals": "verwijzingen sociale kaart",
}


def _seconds(since: float) -> str:
    return f"{time.monotonic() - since:.1f}".replace(".", ",")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {COUNT_LABELS.get(label, label)}" for label, n in counts.items())
