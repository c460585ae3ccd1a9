"""The case section of the resident page: requests, contacts, plan and latest ZRM, by the policy."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from wijkkracht.access.reads import page_reads
from wijkkracht.accounts.roles import Role
from wijkkracht.cases.selectors.resident import resident_case_section

from ..factories import (
    AccessGrantFactory,
    ContactFactory,
    HelpRequestFactory,
    PlanActionFactory,
    PlanGoalFactory,
    SupportPlanFactory,
)
from .helpers import count_queries, make_assessment, reads, verified

pytestmark = pytest.mark.django_db
VIEW = "people:resident-detail"


@pytest.fixture
def worker(make_user):
    return verified(make_user(Role.WORKER))


def _section(user, resident):
    return resident_case_section(user=user, resident=resident, view=VIEW)


def _section_in_a_page(user, resident):
    """As the resident page reads it: in one call (one transaction, one audit entry per resident)."""
    with page_reads():
        return _section(user, resident)


def _fill(resident, worker, n):
    """n requests (one closed), n contacts, n goals and actions, and two ZRM moments."""
    plan = getattr(resident.household, "support_plan", None) or SupportPlanFactory(
        household=resident.household, coordinator=worker
    )
    for i in range(n):
        request = HelpRequestFactory(
            resident=resident, taken_by=worker, received_at=timezone.now() - datetime.timedelta(days=i + 1)
        )
        ContactFactory(help_request=request, at=timezone.now() - datetime.timedelta(hours=i + 1))
        PlanActionFactory(plan=plan, goal=PlanGoalFactory(plan=plan))
    make_assessment(resident, by=worker, days_ago=n + 10)
    make_assessment(resident, by=worker, days_ago=n)
    return plan


def test_a_worker_sees_requests_open_first_contacts_plan_and_latest_zrm(worker, resident_north):
    closed = HelpRequestFactory(resident=resident_north, taken_by=worker, status="closed", received_at=timezone.now())
    old_open = HelpRequestFactory(
        resident=resident_north, taken_by=worker, received_at=timezone.now() - datetime.timedelta(days=30)
    )
    new_open = HelpRequestFactory(
        resident=resident_north, taken_by=worker, received_at=timezone.now() - datetime.timedelta(days=1)
    )
    for i in range(12):
        ContactFactory(help_request=new_open, at=timezone.now() - datetime.timedelta(hours=i))
    plan = SupportPlanFactory(household=resident_north.household, coordinator=worker)
    make_assessment(resident_north, by=worker, days_ago=20, level=2)
    latest = make_assessment(resident_north, by=worker, days_ago=2, level=4)

    section = _section(worker, resident_north)

    assert section["requests"] == [new_open, old_open, closed]
    assert len(section["contacts"]) == 10
    assert section["contacts"][0].at > section["contacts"][-1].at
    assert section["plan"] == plan
    assert section["latest_assessment"] == latest
    assert [row["level"] for row in section["latest_scores"]] == [4] * 13
    assert section["hidden_categories"] == []
    assert section["known_to"] is None
    assert section["can_add_request"] and section["can_work"]
    logged = set(reads(subject_ref=str(resident_north.public_id), view=VIEW).values_list("object_type", flat=True))
    assert logged == {"cases.HelpRequest", "cases.Contact", "cases.SupportPlan", "cases.SelfRelianceAssessment"}


def test_a_specialist_with_only_a_help_request_grant_sees_no_plan_and_is_told(make_user, resident_north, city, worker):
    _fill(resident_north, worker, 2)
    specialist = verified(make_user(Role.SPECIALIST))
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="personal_details")
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="help_requests")

    section = _section(specialist, resident_north)

    assert len(section["requests"]) == 2
    assert section["plan"] is None and section["latest_assessment"] is None
    assert section["hidden_categories"] == ["support_plan"]
    assert section["hidden_category_labels"] == ["plan en zelfredzaamheid (ZRM)"]
    assert not section["can_work"] and section["plan_url"] is None
    logged = set(reads(subject_ref=str(resident_north.public_id)).values_list("object_type", flat=True))
    assert not logged & {"cases.SupportPlan", "cases.SelfRelianceAssessment"}  # nothing of the plan was read
    assert {"cases.HelpRequest", "cases.Contact"} <= logged
    if section["known_to"] is not None:  # helper A's hint: who to ask
        assert section["known_to"]["coordinator"] == "Sanne de Vries"
    html = render_to_string("cases/partials/resident_section.html", {"section": section})
    assert "Niet met uw organisatie gedeeld" in html
    assert "plan en zelfredzaamheid (ZRM)" in html
    assert "Zelfredzaamheid (ZRM)</h3>" not in html
    if section["known_to"] is not None:
        assert "Wijkteam Noord" in html


def test_a_household_without_plan_offers_to_make_one(worker, resident_north):
    section = _section(worker, resident_north)
    assert section["plan"] is None and section["latest_assessment"] is None
    html = render_to_string(
        "cases/partials/resident_section.html",
        {"section": section, "perms": None, "request": RequestFactory().get("/")},
    )
    assert "Dit huishouden heeft nog geen plan." in html
    assert section["plan_url"] in html
    assert section["assessment_create_url"] in html


def test_the_section_renders_requests_plan_and_zrm(worker, resident_north):
    _fill(resident_north, worker, 2)
    html = render_to_string("cases/partials/resident_section.html", {"section": _section(worker, resident_north)})
    assert "Ik krijg brieven van de Belastingdienst" in html
    assert "Naar het plan" in html
    assert "Laatste meting" in html


def test_the_section_uses_the_same_number_of_queries_for_1_or_10_of_everything(worker, resident_north, city):
    other = type(resident_north).objects.create(
        household=resident_north.household, first_name="Karel", last_name="Bakker", birth_date=datetime.date(1960, 1, 1)
    )
    _fill(resident_north, worker, 1)
    _fill(other, worker, 10)
    _section_in_a_page(worker, resident_north)  # warm up
    one = count_queries(lambda: _section_in_a_page(worker, resident_north))
    ten = count_queries(lambda: _section_in_a_page(worker, other))
    assert ten == one
    # The user's teams (1), what the resident shares (1), requests, contacts, the plan with its counts and
    # the household it is about (3), the ZRM with scores (2), who else holds records (1), the chain head
    # and the one audit entry (2), on PostgreSQL the chain's lock (1); and the test's own savepoint (2).
    assert one <= (14 if connection.vendor == "postgresql" else 13)


def test_plan_links_for_a_help_request(worker, resident_north):
    help_request = HelpRequestFactory(resident=resident_north, taken_by=worker)

    class Perms:
        class cases:  # noqa: N801 (mirrors the template's perms.cases.work_request)
            work_request = True

    html = render_to_string("cases/partials/plan_links.html", {"help_request": help_request, "perms": Perms})
    assert f"/hulpvragen/zrm/nieuw/{resident_north.public_id}/?hulpvraag={help_request.public_id}" in html
    assert f"/hulpvragen/plan/{resident_north.household.public_id}/" in html
