"""The objects that fill in URL arguments, shared by the URL x role matrix and the browser tour of every page.

One record of every model that declares personal data (and of the models that hang off one: a plan's goals
and actions), found through the declarations (``PersonalData``, the same list the synthetic reset uses) and
built with the model's factory (``<Model>Factory`` in tests/factories.py), about the matrix's resident and
owned by the north team. A URL rule names its sample by model label (``public_id="cases.HelpRequest"``);
the few samples that are not such a record (a second resident to merge, a household without a plan, ...)
have a name of their own below.
"""

import datetime

from wijkkracht.access.models import AccessGrant
from wijkkracht.audit.models import Flag
from wijkkracht.core.personal_data import registry
from wijkkracht.people.models import Household, Resident
from wijkkracht.synthetic.reset import personal_data_models
from wijkkracht.volunteers.links import proposal_token

from .. import factories
from ..factories import AccessGrantFactory, ResidentFactory, UserFactory


def _spec_kwargs(model, world) -> dict:
    """What a record needs to be about the world's resident and owned by the north team, from its declaration."""
    spec = getattr(model, "personal_data", None)
    if spec is None or spec not in registry():
        return {}
    kwargs = {}
    if spec.resident and "__" not in spec.resident:
        kwargs[spec.resident] = world.resident
    if spec.household and "__" not in spec.household:
        kwargs[spec.household] = world.resident.household
    if spec.team and "__" not in spec.team:
        kwargs[spec.team] = world.city["team_north"]
    if spec.handler and "__" not in spec.handler:
        kwargs[spec.handler] = world.users["worker"]
    if spec.own and "__" not in spec.own:
        kwargs[spec.own] = world.users["volunteer"]  # the matrix's volunteer sees the record as their own
    for other in spec.others:
        if "__" not in other and other not in kwargs:
            kwargs[other] = world.partner
    return kwargs


def _build(model, world, built: dict):
    factory = getattr(factories, f"{model.__name__}Factory")
    kwargs = {
        field.name: built[field.related_model._meta.label]
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.related_model._meta.label in built
        and field.related_model not in (Resident, Household)
    }
    kwargs.update(_spec_kwargs(model, world))
    return factory(**kwargs)


def _url_value(obj):
    return getattr(obj, "public_id", None) or obj.pk


def url_samples(*, city, users: dict, resident) -> dict:
    """Share ``resident`` with the specialist organisation for every category and build every sample object."""
    for category in AccessGrant.Category.values:
        AccessGrantFactory(
            resident=resident,
            organisation=city["sst"],
            category=category,
            valid_until=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=10),
        )

    class World:
        pass

    world = World()
    # The user who sees the records with an ``own`` path as their own (a volunteer), made when not given.
    users.setdefault("volunteer", UserFactory(role="volunteer", organisation=city["amw"]))
    world.city, world.users, world.resident = city, users, resident
    world.partner = ResidentFactory(household=resident.household, first_name="Partner")
    built = {"people.Resident": resident, "people.Household": resident.household}
    built["access.AccessGrant"] = AccessGrant.objects.filter(resident=resident).order_by("id").first()
    for model in reversed(personal_data_models()):  # parents before the records that point at them
        if model._meta.label not in built:
            built[model._meta.label] = _build(model, world, built)
    samples = {label: _url_value(obj) for label, obj in built.items()}
    # The records those samples point at are samples too (a question's provision and session, a booking's car).
    for obj in built.values():
        for field in obj._meta.concrete_fields:
            target = getattr(obj, field.name) if field.is_relation else None
            if target is not None:
                samples.setdefault(target._meta.label, _url_value(target))
    samples.update(
        {
            "duplicate": ResidentFactory(
                household__neighbourhood=city["north"], first_name=resident.first_name
            ).public_id,
            # A household in the north team's neighbourhood without a plan yet: the "make a plan" page.
            "household_without_plan": ResidentFactory(household__neighbourhood=city["north"]).household.public_id,
            "grant_organisation": built["access.AccessGrant"].organisation_id,
            "user": users["worker"].pk,
            "organisation": city["amw"].pk,
            "team": city["team_north"].pk,
            "flag": Flag.objects.create(kind=Flag.Kind.BREAK_GLASS, actor_username="x", detail="test").pk,
            # The secret links of volunteering: the sample match's e-mail link and its volunteer's calendar.
            "proposal_token": proposal_token(built["volunteers.Match"]),
            "calendar_token": built["volunteers.Volunteer"].calendar_token,
        }
    )
    return samples
