"""Sample objects for the URL x role matrix: the people URLs' arguments.

``world`` has ``city`` (the conftest city), ``users`` (one per role, in the north team) and ``resident``
(resident_north, shared with the specialist organisation for every category). Return a dict of
sample name -> URL argument value, matching the ``sample`` names in access/url_policy_people.py.
"""

from wijkkracht.access.models import AccessGrant

from ..factories import RelationFactory, ResidentFactory


def samples(world) -> dict:
    resident = world.resident
    partner = ResidentFactory(household=resident.household, first_name="Partner")
    duplicate = ResidentFactory(household__neighbourhood=world.city["north"], first_name=resident.first_name)
    relation = RelationFactory(resident=resident, related=partner)
    grant = AccessGrant.objects.filter(resident=resident).order_by("id").first()
    return {
        "household": resident.household.public_id,
        "relation": relation.pk,
        "duplicate": duplicate.public_id,
        "grant": grant.pk,
        "grant_organisation": grant.organisation_id,
    }
