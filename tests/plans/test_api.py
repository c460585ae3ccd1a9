"""The API for plans and the ZRM: same policy, same audit log, 409 on a stale plan version."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import SelfRelianceAssessment, SupportPlan

from ..api_helpers import problem_errors
from ..conftest import login
from ..factories import AccessGrantFactory, PlanActionFactory, PlanGoalFactory, SupportPlanFactory
from .helpers import DOMAINS, make_assessment, reads, refusals

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER, first_name="Anna", last_name="Jansen")


@pytest.fixture
def colleague(make_user):
    return make_user(Role.WORKER, first_name="Bram", last_name="Visser")


@pytest.fixture
def plan(resident_north, worker):
    plan = SupportPlanFactory(household=resident_north.household, coordinator=worker, summary="Eerste versie.")
    PlanActionFactory(plan=plan, goal=PlanGoalFactory(plan=plan), owner_user=None, owner_name="dochter")
    return plan


def _plan_url(plan):
    return reverse("api:plan-detail", args=[plan.household.public_id])


def _patch(client, url, body):
    return client.patch(url, body, content_type="application/json")


def test_get_a_plan_with_goals_and_actions_logged(worker, plan, resident_north):
    response = login(Client(), worker).get(_plan_url(plan))
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == 1
    assert data["summary"] == "Eerste versie."
    assert data["coordinator"]["name"] == "Anna Jansen"
    assert data["actions"][0]["owner"] == {"user": None, "name": "dochter"}
    assert len(data["goals"]) == 1
    assert reads(subject_ref=str(resident_north.public_id), view="api:plan-detail").count() == 1


def test_patch_with_a_stale_version_answers_409_and_overwrites_nothing(worker, colleague, plan):
    anna, bram = login(Client(), worker), login(Client(), colleague)
    url = _plan_url(plan)
    assert anna.get(url).json()["version"] == bram.get(url).json()["version"] == 1

    first = _patch(anna, url, {"version": 1, "summary": "Tekst van Anna."})
    assert first.status_code == 200
    assert first.json()["version"] == 2

    second = _patch(bram, url, {"version": 1, "summary": "Tekst van Bram.", "coordinator": colleague.pk})
    assert second.status_code == 409
    assert second["Content-Type"] == "application/problem+json"
    body = second.json()
    assert (body["status"], body["title"]) == (409, "Conflict")
    assert body["detail"].startswith("Iemand anders heeft het plan intussen gewijzigd")
    assert body["current"]["summary"] == "Tekst van Anna."
    assert body["current"]["version"] == 2
    plan.refresh_from_db()
    assert (plan.summary, plan.coordinator, plan.version) == ("Tekst van Anna.", worker, 2)


def test_patch_with_a_coordinator_from_another_team_is_refused_in_dutch(worker, make_user, plan, city):
    stranger = make_user(Role.WORKER, teams=[city["team_south"]])
    response = _patch(login(Client(), worker), _plan_url(plan), {"version": 1, "coordinator": stranger.pk})
    assert problem_errors(response)["coordinator"] == [
        "De regievoerder moet wijkwerker of teamleider zijn in het team van dit huishouden."
    ]
    plan.refresh_from_db()
    assert plan.version == 1


def test_the_plan_of_another_team_is_404_and_not_logged(worker, resident_south):
    plan = SupportPlanFactory(household=resident_south.household)
    client = login(Client(), worker)
    assert client.get(_plan_url(plan)).status_code == 404
    assert _patch(client, _plan_url(plan), {"version": 1, "summary": "x"}).status_code == 404
    assert not reads().exists()
    assert refusals(subject_ref=str(resident_south.household.public_id)).count() == 2
    plan.refresh_from_db()
    assert plan.version == 1


def test_a_specialist_reads_with_a_grant_but_may_not_patch(make_user, plan, resident_north, city):
    specialist = make_user(Role.SPECIALIST)
    client = login(Client(), specialist)
    assert client.get(_plan_url(plan)).status_code == 404
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="support_plan")
    assert client.get(_plan_url(plan)).status_code == 200
    assert _patch(client, _plan_url(plan), {"version": 1, "summary": "x"}).status_code == 403
    assert SupportPlan.objects.get().summary == "Eerste versie."


def test_list_and_create_assessments(worker, resident_north):
    make_assessment(resident_north, by=worker, days_ago=10, level=2)
    client = login(Client(), worker)
    url = reverse("api:assessment-list", args=[resident_north.public_id])
    scores = [{"domain": d, "level": 4, "strength_source": "network"} for d in DOMAINS]
    response = client.post(url, {"scores": scores, "note": "Via de API"}, content_type="application/json")
    assert response.status_code == 201
    assert len(response.json()["scores"]) == 13

    listing = client.get(url).json()
    assert listing["count"] == 2
    assert [a["scores"][0]["level"] for a in listing["results"]] == [4, 2]  # newest first
    assert reads(subject_ref=str(resident_north.public_id), view="api:assessment-list").exists()


def test_creating_an_assessment_with_a_missing_domain_or_level_6_saves_nothing(worker, resident_north):
    client = login(Client(), worker)
    url = reverse("api:assessment-list", args=[resident_north.public_id])
    scores = [{"domain": d, "level": 3, "strength_source": "own_strength"} for d in DOMAINS[1:]]
    response = client.post(url, {"scores": scores}, content_type="application/json")
    assert problem_errors(response)["finances"] == ["Vul voor financiën een niveau en de bron van kracht in."]
    scores = [{"domain": d, "level": 6 if d == "housing" else 3, "strength_source": "network"} for d in DOMAINS]
    assert client.post(url, {"scores": scores}, content_type="application/json").status_code == 400
    assert SelfRelianceAssessment.objects.count() == 0


def test_assessments_of_another_team_are_404_and_not_logged(worker, resident_south):
    response = login(Client(), worker).get(reverse("api:assessment-list", args=[resident_south.public_id]))
    assert response.status_code == 404
    assert not reads().exists()


def test_the_schema_documents_the_plan_and_assessment_endpoints(worker):
    response = login(Client(), worker).get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert paths["/plannen/{household_public_id}"]["patch"]["operationId"] == "plans_partial_update"
    assert paths["/inwoners/{public_id}/zrm"]["post"]["operationId"] == "assessments_create"
