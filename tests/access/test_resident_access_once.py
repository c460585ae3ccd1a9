"""ResidentAccess (one decision per resident page) agrees with the scopes used for lists, case by case."""

import datetime

import pytest
from django.utils import timezone

from wijkkracht.access.models import AccessGrant
from wijkkracht.access.scopes import combined_q, resident_access, resident_scopes
from wijkkracht.accounts.roles import Role
from wijkkracht.people.models import Resident

from ..factories import AccessGrantFactory, ResidentFactory

pytestmark = pytest.mark.django_db
Category = AccessGrant.Category


def _by_scopes(user, resident) -> dict:
    found = {}
    for category in Category.values:
        for scope in resident_scopes(user, category=category):
            if Resident.objects.filter(scope.q, pk=resident.pk).exists():
                found[category] = scope.purpose
                break
    return found


def _agree(user, resident):
    decided = resident_access(user, resident).purposes
    assert decided == _by_scopes(user, resident)
    return decided


def test_a_worker_sees_every_category_of_their_teams_residents_only(make_user, resident_north, resident_south):
    worker = make_user(Role.WORKER)
    assert set(_agree(worker, resident_north)) == set(Category.values)
    assert _agree(worker, resident_south) == {}


def test_a_specialist_sees_exactly_the_shared_categories_under_the_grants_purpose(make_user, city, resident_north):
    specialist = make_user(Role.SPECIALIST)
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category=Category.SUPPORT_PLAN)
    AccessGrantFactory(
        resident=resident_north, organisation=city["sst"], category=Category.HELP_REQUESTS, purpose="case_work"
    )
    AccessGrantFactory(
        resident=resident_north,
        organisation=city["sst"],
        category=Category.CARER_SUPPORT,
        revoked_at=timezone.now(),
    )
    AccessGrantFactory(
        resident=resident_north,
        organisation=city["amw"],
        category=Category.PERSONAL_DETAILS,
    )
    assert _agree(specialist, resident_north) == {
        Category.SUPPORT_PLAN: "handover",
        Category.HELP_REQUESTS: "case_work",
    }


def test_an_expired_grant_and_a_merged_record_give_nothing(make_user, city, resident_north):
    specialist = make_user(Role.SPECIALIST)
    AccessGrantFactory(
        resident=resident_north, organisation=city["sst"], valid_until=timezone.now() - datetime.timedelta(days=1)
    )
    assert _agree(specialist, resident_north) == {}
    kept = ResidentFactory(household=resident_north.household)
    Resident.objects.filter(pk=resident_north.pk).update(merged_into=kept)
    resident_north.refresh_from_db()
    assert _agree(make_user(Role.WORKER), resident_north) == {}


def test_the_scope_filter_for_one_resident_matches_the_decision(make_user, resident_north):
    worker = make_user(Role.WORKER)
    access = resident_access(worker, resident_north)
    q = combined_q(access.scopes(Category.HELP_REQUESTS, prefix=""))
    assert list(Resident.objects.filter(q)) == [resident_north]
