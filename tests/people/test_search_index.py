"""PostgreSQL keeps each resident's neighbourhood copy in step with the household, for the search index.

On SQLite the copy is not kept (the column stays empty): the search there does not use it.
"""

import pytest
from django.db import connection

from wijkkracht.people.models import Household, Resident

from ..factories import ResidentFactory

pytestmark = pytest.mark.django_db


def _copy(resident) -> int | None:
    return Resident.objects.values_list("neighbourhood_id", flat=True).get(pk=resident.pk)


def _expected(neighbourhood) -> int | None:
    return neighbourhood.pk if connection.vendor == "postgresql" else None


def test_a_new_resident_gets_the_neighbourhood_of_their_household(city):
    resident = ResidentFactory(household__neighbourhood=city["north"])
    assert _copy(resident) == _expected(city["north"])


def test_moving_a_resident_or_the_household_moves_the_copy(city):
    resident = ResidentFactory(household__neighbourhood=city["north"])
    other = ResidentFactory(household__neighbourhood=city["south"])
    Resident.objects.filter(pk=resident.pk).update(household=other.household)
    assert _copy(resident) == _expected(city["south"])
    Household.objects.filter(pk=other.household_id).update(neighbourhood=city["north"])
    assert _copy(resident) == _expected(city["north"])
    assert _copy(other) == _expected(city["north"])
