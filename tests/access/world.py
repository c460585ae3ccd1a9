"""The objects that fill in URL arguments, shared by the URL x role matrix and the browser tour of every page."""

import datetime
from types import SimpleNamespace

from wijkkracht.access.models import AccessGrant
from wijkkracht.audit.models import Flag

from ..factories import AccessGrantFactory
from . import samples_care, samples_cases, samples_people, samples_plans, samples_workspace


def url_samples(*, city, users: dict, resident) -> dict:
    """Share ``resident`` with the specialist organisation for every category and build every sample object."""
    for category in AccessGrant.Category.values:
        AccessGrantFactory(
            resident=resident,
            organisation=city["sst"],
            category=category,
            valid_until=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=10),
        )
    world = SimpleNamespace(city=city, users=users, resident=resident)
    samples = {
        "resident": resident.public_id,
        "user": users["worker"].pk,
        "organisation": city["amw"].pk,
        "team": city["team_north"].pk,
        "flag": Flag.objects.create(kind=Flag.Kind.BREAK_GLASS, actor_username="x", detail="test").pk,
    }
    for area in (samples_people, samples_cases, samples_plans, samples_care, samples_workspace):
        samples.update(area.samples(world))
    return samples
