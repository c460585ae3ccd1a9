"""The once-per-page decision for one resident (``about``) lets through exactly what the list scopes do,
for every model that declares personal data, every role, and every way in (team, neighbourhood, grant)."""

import datetime

import pytest
from django.utils import timezone

from wijkkracht.access.models import AccessGrant
from wijkkracht.access.reads import scoped
from wijkkracht.access.scopes import resident_facts, resident_prefix, scope_q
from wijkkracht.accounts.roles import Role
from wijkkracht.core.personal_data import registry
from wijkkracht.people.models import Resident

from ..factories import (
    AccessGrantFactory,
    CarerFactory,
    ContactFactory,
    HelpRequestFactory,
    ResidentFactory,
    SelfRelianceAssessmentFactory,
    SignalFactory,
    SupportPlanFactory,
    WatchContactFactory,
)

pytestmark = pytest.mark.django_db
Category = AccessGrant.Category


def _records_of_both_teams(city, resident):
    """Records about ``resident`` owned by the north team and by the south team."""
    for team in (city["team_north"], city["team_south"]):
        request = HelpRequestFactory(resident=resident, team=team)
        ContactFactory(help_request=request)
        SelfRelianceAssessmentFactory(resident=resident, team=team)
        WatchContactFactory(resident=resident, team=team)
        SignalFactory(resident=resident, team=team)
        CarerFactory(carer=resident, team=team)
    SupportPlanFactory(household=resident.household, team=city["team_south"])


def _about_resident(spec):
    prefix = resident_prefix(spec)
    return prefix is not None


def _agree(user, resident):
    facts = resident_facts(user, resident)
    seen = {}
    for spec in registry():
        if not _about_resident(spec):
            continue
        mine = spec.model.objects.filter(**{f"{resident_prefix(spec)}id": resident.pk})
        by_list = set(scoped(spec, user, mine).values_list("pk", flat=True))
        by_decision = set(mine.filter(scope_q(spec, user, about=facts)).values_list("pk", flat=True))
        assert by_list == by_decision, spec.label
        seen[spec.label] = len(by_list)
    return seen


@pytest.mark.parametrize("role", [Role.WORKER, Role.TEAM_LEAD, Role.CENTRE_STAFF, Role.SPECIALIST])
def test_the_decision_for_one_resident_agrees_with_the_lists(role, make_user, city, resident_north, resident_south):
    user = make_user(role)
    for resident in (resident_north, resident_south):
        _records_of_both_teams(city, resident)
    AccessGrantFactory(resident=resident_south, organisation=user.organisation, category=Category.CARER_SUPPORT)
    for resident in (resident_north, resident_south):
        _agree(user, resident)


def test_a_worker_sees_only_their_own_teams_case_records(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    _records_of_both_teams(city, resident_north)
    seen = _agree(worker, resident_north)
    assert seen["cases.HelpRequest"] == 1
    assert seen["cases.Contact"] == 1
    assert seen["care.Signal"] == 1
    assert seen["people.Resident"] == 1


def test_a_specialist_sees_exactly_the_shared_categories(make_user, city, resident_north):
    specialist = make_user(Role.SPECIALIST)
    _records_of_both_teams(city, resident_north)
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category=Category.SUPPORT_PLAN)
    AccessGrantFactory(
        resident=resident_north, organisation=city["sst"], category=Category.CARER_SUPPORT, revoked_at=timezone.now()
    )
    seen = _agree(specialist, resident_north)
    assert seen["cases.SelfRelianceAssessment"] == 2  # a grant opens every team's records of the category
    assert seen["cases.HelpRequest"] == 0
    assert seen["care.Carer"] == 0  # revoked
    assert seen["care.Signal"] == 0  # signals are never shared


def test_an_expired_grant_and_a_merged_record_give_nothing(make_user, city, resident_north):
    specialist = make_user(Role.SPECIALIST)
    AccessGrantFactory(
        resident=resident_north, organisation=city["sst"], valid_until=timezone.now() - datetime.timedelta(days=1)
    )
    assert _agree(specialist, resident_north)["people.Resident"] == 0
    kept = ResidentFactory(household=resident_north.household)
    Resident.objects.filter(pk=resident_north.pk).update(merged_into=kept)
    resident_north.refresh_from_db()
    assert _agree(make_user(Role.WORKER), resident_north)["people.Resident"] == 0
