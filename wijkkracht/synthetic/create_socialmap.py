"""The social map of the synthetic city: providers, their places and a few hundred resources.

Each resource has its needs, life domains and languages (ISO 639-3), opening hours, the neighbourhoods it
serves, and a date of last verification: most within the year, some older, a few never checked, so the
"check before referring" warning has something to show. Bulk inserts only; the same seed gives the same map.
"""

import datetime
from dataclasses import dataclass
from random import Random

from wijkkracht.socialmap.models import Location, OpeningHours, Provider, Resource, ResourceTerm

from .data import provisions as data
from .insert import objects_insert, rows_insert
from .world import World

PER_NEIGHBOURHOOD_SHARE = 0.35  # a template "per neighbourhood" is offered in about a third of them


@dataclass
class SocialMap:
    resources: list[Resource]
    by_template: dict[str, list[Resource]]  # template name -> its resources
    by_need: dict[str, list[Resource]]  # need code -> resources with that need
    counts: dict[str, int]


def _verified(rng: Random, today: datetime.date) -> datetime.date | None:
    roll = rng.random()
    if roll < 0.08:
        return None
    if roll < 0.25:
        return today - datetime.timedelta(days=rng.randint(366, 3 * 365))
    return today - datetime.timedelta(days=rng.randint(0, 365))


def socialmap_create(*, seed: int, world: World, neighbourhoods: list, humanitas=None) -> SocialMap:
    """``neighbourhoods``: Neighbourhood objects (id, name, code); ``humanitas``: its Organisation, if any."""
    rng = Random(f"{seed}:socialmap")
    today = world.today
    providers = [
        Provider(name=name, description=description, email=f"info@{name.split()[0].lower()}.example.org")
        for name, _place, description in data.PROVIDERS
    ]
    if humanitas is not None:
        providers[0].organisation_id = humanitas.pk
    objects_insert(Provider, providers)

    locations, drafts = [], []
    for template in data.RESOURCES:
        name, provider_index, kind, needs, domains, target, min_age, max_age, free, cost, languages, spread = template
        places = [n for n in neighbourhoods if rng.random() < PER_NEIGHBOURHOOD_SHARE] if spread else [None]
        for neighbourhood in places:
            provider = providers[provider_index]
            place_kind = data.PROVIDERS[provider_index][1]
            location = None
            if neighbourhood is not None or rng.random() < 0.8:
                where = neighbourhood or rng.choice(neighbourhoods)
                location = Location(
                    name=f"{place_kind.capitalize()} {where.name}",
                    street_address=f"{rng.choice(('Marktplein', 'Kerkstraat', 'Wijkplein', 'Stationsstraat'))} {rng.randint(1, 80)}",
                    postcode=f"13{rng.randint(10, 69)} {rng.choice('ABCDEGHJKLMNPRST')}{rng.choice('ABCDEGHJKLMNPRST')}",
                    neighbourhood_id=where.pk,
                    accessibility=rng.choice(data.ACCESSIBILITY),
                )
                locations.append(location)
            title = f"{name} {neighbourhood.name}" if neighbourhood is not None else name
            drafts.append((template, neighbourhood, provider, location, title))
    objects_insert(Location, locations)

    resources, hours, terms, served = [], [], [], []
    by_template: dict[str, list[Resource]] = {}
    by_need: dict[str, list[Resource]] = {}
    for template, neighbourhood, provider, location, title in drafts:
        name, _p, kind, needs, domains, target, min_age, max_age, free, cost, languages, _spread = template
        resource = Resource(
            provider=provider,
            location=location,
            kind=kind,
            name=title[:200],
            description=f"{name}: {data.PROVIDERS[_p][2]}",
            target_group=target,
            minimum_age=min_age,
            maximum_age=max_age,
            free=free,
            cost=cost,
            capacity=rng.choice((None, None, 8, 12, 20, 30)),
            waiting_time=rng.choice(data.WAITING),
            application=rng.choice(("Bel of loop binnen.", "Aanmelden via het wijkteam.", "Zonder aanmelding welkom.")),
            phone=f"036 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            city_wide=neighbourhood is None and rng.random() < 0.7,
            last_verified_on=_verified(rng, today),
        )
        resources.append(resource)
        by_template.setdefault(name, []).append(resource)
        for need in needs:
            by_need.setdefault(need, []).append(resource)
        if neighbourhood is not None:
            served.append((resource, neighbourhood.pk))
    objects_insert(Resource, resources)
    for resource, (template, *_rest) in zip(resources, drafts, strict=True):
        _n, _p, _k, needs, domains, *_middle, languages, _spread = template
        terms += [(resource.pk, "need", code) for code in needs]
        terms += [(resource.pk, "domain", code) for code in domains]
        terms += [(resource.pk, "language", code) for code in languages]
        for weekday, opens, closes in rng.sample(data.WEEK_TIMES, rng.randint(0, 3)):
            hours.append((resource.pk, weekday, datetime.time(opens), datetime.time(closes), ""))
    rows_insert(ResourceTerm, ("resource_id", "scheme", "code"), terms)
    rows_insert(OpeningHours, ("resource_id", "weekday", "opens_at", "closes_at", "note"), hours)
    rows_insert(Resource.neighbourhoods.through, ("resource_id", "neighbourhood_id"), [(r.pk, n) for r, n in served])
    counts = {"social map resources": len(resources), "providers": len(providers)}
    return SocialMap(resources, by_template, by_need, counts)
