"""Goals and agreed actions of a plan one by one through the API: the same services, the same version rule.

Every change names the plan version it was based on; each answer is the plan as saved now, with the version the
next change names. A stale version answers 409 with the plan as saved now and changes nothing.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import PlanAction, PlanGoal, SupportPlan

from ..api_helpers import PROBLEM_JSON, problem_errors
from ..conftest import login
from ..factories import AccessGrantFactory, PlanActionFactory, PlanGoalFactory, ResidentFactory, SupportPlanFactory
from .helpers import reads

pytestmark = pytest.mark.django_db

CONFLICT = "Iemand anders heeft het plan intussen gewijzigd"
TODAY = timezone.localdate


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER, first_name="Anna", last_name="Jansen")


@pytest.fixture
def colleague(make_user):
    return make_user(Role.WORKER, first_name="Bram", last_name="Visser")


@pytest.fixture
def plan(resident_north, worker):
    return SupportPlanFactory(household=resident_north.household, coordinator=worker, summary="Eerste versie.")


@pytest.fixture
def goal(plan):
    return PlanGoalFactory(plan=plan, text="Post is geordend.", domain="finances")


@pytest.fixture
def action(plan, goal, worker):
    return PlanActionFactory(plan=plan, goal=goal, owner_user=worker, text="Samen naar het spreekuur.")


@pytest.fixture
def anna(worker):
    return login(Client(), worker)


def url(name, plan, *args):
    return reverse(f"api:{name}", args=[plan.household.public_id, *args])


def send(client, method, path, body=None):
    return getattr(client, method)(path, body, content_type="application/json")


def version(plan) -> int:
    return SupportPlan.objects.get(pk=plan.pk).version


# --- goals ------------------------------------------------------------------------------------------


def test_a_worker_adds_a_goal_and_gets_the_plan_with_its_new_version(anna, plan):
    response = send(anna, "post", url("plan-goals", plan), {"version": 1, "text": "Schulden op een rij", "domain": ""})
    assert response.status_code == 201
    body = response.json()
    assert body["version"] == 2
    (added,) = body["goals"]
    assert (added["text"], added["domain"], added["achieved_at"]) == ("Schulden op een rij", "", None)
    assert response["Location"] == url("plan-goal-detail", plan, added["id"])
    assert anna.get(response["Location"]).json() == added


def test_changing_a_goal_changes_only_what_the_body_names(anna, plan, goal):
    response = send(anna, "patch", url("plan-goal-detail", plan, goal.pk), {"version": 1, "text": "Post geordend"})
    assert response.status_code == 200
    assert response.json()["version"] == 2
    goal.refresh_from_db()
    assert (goal.text, goal.domain) == ("Post geordend", "finances")


def test_a_goal_is_marked_reached_on_a_day_and_that_can_be_undone(anna, plan, goal):
    path = url("plan-goal-achieve", plan, goal.pk)
    yesterday = TODAY() - datetime.timedelta(days=1)
    assert send(anna, "post", path, {"version": 1, "achieved_at": yesterday.isoformat()}).status_code == 200
    assert PlanGoal.objects.get(pk=goal.pk).achieved_at == yesterday
    undone = send(anna, "post", path, {"version": 2, "achieved": False})
    assert undone.json()["goals"][0]["achieved_at"] is None
    future = send(anna, "post", path, {"version": 3, "achieved_at": (TODAY() + datetime.timedelta(days=1)).isoformat()})
    assert problem_errors(future) == {"achieved_at": ["Een doel kan niet in de toekomst bereikt zijn."]}
    assert version(plan) == 3


def test_removing_a_goal_keeps_the_actions_under_it(anna, plan, goal, action):
    response = anna.delete(url("plan-goal-detail", plan, goal.pk) + "?version=1")
    assert response.status_code == 200
    body = response.json()
    assert (body["version"], body["goals"]) == (2, [])
    assert body["actions"][0]["goal"] is None
    assert PlanAction.objects.get(pk=action.pk).goal is None


def test_goal_input_is_checked_field_by_field_in_dutch(anna, plan, goal):
    empty = send(anna, "post", url("plan-goals", plan), {"text": " ", "domain": "sport"})
    assert problem_errors(empty) == {
        "version": ["Dit veld is vereist."],
        "text": ["Beschrijf het doel."],
        "domain": ["Kies een bestaand leefgebied."],
    }
    too_long = send(anna, "patch", url("plan-goal-detail", plan, goal.pk), {"version": 1, "text": "x" * 501})
    assert problem_errors(too_long) == {"text": ["Het doel is te lang (hoogstens 500 tekens)."]}
    no_version = anna.delete(url("plan-goal-detail", plan, goal.pk))
    assert problem_errors(no_version) == {"version": ["Dit veld is vereist."]}
    assert no_version.json()["errors"][0]["parameter"] == "version"
    assert (version(plan), PlanGoal.objects.get(pk=goal.pk).text) == (1, "Post is geordend.")


# --- agreed actions ---------------------------------------------------------------------------------


def test_a_worker_agrees_an_action_with_a_colleague_under_a_goal(anna, plan, goal, colleague):
    due = TODAY() + datetime.timedelta(days=14)
    body = {"version": 1, "text": "Bellen met Plangroep", "due_date": due.isoformat(), "owner_user": colleague.pk}
    response = send(anna, "post", url("plan-actions", plan), {**body, "goal": goal.pk})
    assert response.status_code == 201
    (added,) = response.json()["actions"]
    assert added["owner"] == {"user": {"id": colleague.pk, "name": "Bram Visser"}, "name": ""}
    assert (added["goal"], added["due_date"]) == (goal.pk, due.isoformat())
    assert response["Location"] == url("plan-action-detail", plan, added["id"])
    assert anna.get(response["Location"]).json() == added


def test_action_input_is_checked_field_by_field_in_dutch(anna, plan, make_user, city):
    other_plan_goal = PlanGoalFactory(plan=SupportPlanFactory())
    stranger = make_user(Role.WORKER, teams=[city["team_south"]])
    path = url("plan-actions", plan)
    shape = send(anna, "post", path, {"version": 1, "due_date": "morgen"})
    assert problem_errors(shape) == {"text": ["Beschrijf de afspraak."], "due_date": ["Vul een geldige datum in."]}
    lookups = send(
        anna,
        "post",
        path,
        {"version": 1, "text": "x", "due_date": "2030-01-01", "owner_user": 0, "goal": other_plan_goal.pk},
    )
    assert problem_errors(lookups) == {
        "owner_user": ["Deze collega werkt niet in het team van dit huishouden."],
        "goal": ["Dit doel hoort niet bij dit plan."],
    }
    both = send(anna, "post", path, {"version": 1, "text": "x", "due_date": "2030-01-01", "owner_user": stranger.pk})
    assert problem_errors(both) == {"owner_user": ["Deze collega werkt niet in het team van dit huishouden."]}
    nobody = send(anna, "post", path, {"version": 1, "text": "x", "due_date": "2030-01-01"})
    assert "Vul in wie de afspraak uitvoert" in problem_errors(nobody)["owner_name"][0]
    assert (version(plan), PlanAction.objects.count()) == (1, 0)


def test_naming_someone_else_as_owner_clears_the_colleague_and_keeps_the_rest(anna, plan, action):
    response = send(anna, "patch", url("plan-action-detail", plan, action.pk), {"version": 1, "owner_name": "dochter"})
    assert response.status_code == 200
    action.refresh_from_db()
    assert (action.owner_user, action.owner_name, action.text) == (None, "dochter", "Samen naar het spreekuur.")
    assert action.goal is not None


def test_an_action_is_marked_done_reopened_and_removed(anna, plan, action):
    done = send(anna, "post", url("plan-action-done", plan, action.pk), {"version": 1})
    assert done.json()["actions"][0]["done_at"] == TODAY().isoformat()
    reopened = send(anna, "post", url("plan-action-done", plan, action.pk), {"version": 2, "done": False})
    assert reopened.json()["actions"][0]["done_at"] is None
    removed = anna.delete(url("plan-action-detail", plan, action.pk) + "?version=3")
    assert (removed.status_code, removed.json()["version"], removed.json()["actions"]) == (200, 4, [])


# --- the version rule -------------------------------------------------------------------------------

STALE = [
    ("post", "plan-goals", None, {"text": "Nieuw doel"}),
    ("patch", "plan-goal-detail", "goal", {"text": "Anders"}),
    ("post", "plan-goal-achieve", "goal", {}),
    ("delete", "plan-goal-detail", "goal", None),
    ("post", "plan-actions", None, {"text": "Nieuw", "due_date": "2030-01-01", "owner_name": "inwoner"}),
    ("patch", "plan-action-detail", "action", {"text": "Anders"}),
    ("post", "plan-action-done", "action", {}),
    ("delete", "plan-action-detail", "action", None),
]


@pytest.mark.parametrize(("method", "name", "item", "body"), STALE)
def test_a_change_on_a_stale_version_answers_409_with_the_plan_as_saved(
    anna, colleague, plan, goal, action, method, name, item, body
):
    bram = login(Client(), colleague)
    assert (
        send(
            bram,
            "patch",
            reverse("api:plan-detail", args=[plan.household.public_id]),
            {"version": 1, "summary": "Van Bram."},
        ).status_code
        == 200
    )
    path = url(name, plan, *([{"goal": goal, "action": action}[item].pk] if item else []))
    response = (
        anna.delete(path + "?version=1") if method == "delete" else send(anna, method, path, {**body, "version": 1})
    )
    assert (response.status_code, response["Content-Type"]) == (409, PROBLEM_JSON)
    problem = response.json()
    assert (problem["title"], problem["code"]) == ("Conflict", "conflict")
    assert problem["detail"].startswith(CONFLICT)
    assert (problem["current"]["version"], problem["current"]["summary"]) == (2, "Van Bram.")
    goal.refresh_from_db()
    action.refresh_from_db()
    assert (goal.text, goal.achieved_at, action.text, action.done_at) == (
        "Post is geordend.",
        None,
        "Samen naar het spreekuur.",
        None,
    )
    assert (PlanGoal.objects.count(), PlanAction.objects.count(), version(plan)) == (1, 1, 2)


def test_a_goal_removed_since_the_callers_version_is_a_conflict_and_never_there_is_404(anna, colleague, plan, goal):
    bram = login(Client(), colleague)
    assert bram.delete(url("plan-goal-detail", plan, goal.pk) + "?version=1").status_code == 200
    path = url("plan-goal-detail", plan, goal.pk)
    stale = send(anna, "patch", path, {"version": 1, "text": "Mijn tekst"})
    assert stale.status_code == 409
    assert stale.json()["current"]["goals"] == []
    assert send(anna, "patch", path, {"version": 2, "text": "Mijn tekst"}).status_code == 404
    assert send(anna, "post", url("plan-goal-achieve", plan, goal.pk), {"version": 2}).status_code == 404


# --- who may, and what is logged --------------------------------------------------------------------


def test_a_goal_of_another_households_plan_answers_exactly_like_an_absent_one_and_logs_nothing(anna, plan, city):
    foreign = PlanGoalFactory(
        plan=SupportPlanFactory(household=ResidentFactory(household__neighbourhood=city["south"]).household)
    )
    refused = send(anna, "patch", url("plan-goal-detail", plan, foreign.pk), {"version": 1, "text": "x"})
    absent = send(anna, "patch", url("plan-goal-detail", plan, 999999), {"version": 1, "text": "x"})
    assert refused.status_code == absent.status_code == 404
    assert refused.json().pop("instance") != absent.json().pop("instance")
    assert {k: v for k, v in refused.json().items() if k != "instance"} == {
        k: v for k, v in absent.json().items() if k != "instance"
    }
    assert anna.get(url("plan-goal-detail", plan, foreign.pk)).status_code == 404
    assert not reads().exists()  # the own plan was read to look, but a refused call logs no read
    assert PlanGoal.objects.get(pk=foreign.pk).text == "Post is geordend en rekeningen worden betaald."


def test_another_teams_plan_answers_404_to_every_operation_and_changes_nothing(anna, resident_south):
    plan = SupportPlanFactory(household=resident_south.household)
    goal = PlanGoalFactory(plan=plan)
    absent_household = reverse("api:plan-goals", args=["00000000-0000-4000-8000-000000000000"])
    expected = send(anna, "post", absent_household, {"version": 1, "text": "x"}).json()
    for method, name, item, body in STALE[:4]:
        path = url(name, plan, *([goal.pk] if item else []))
        response = (
            anna.delete(path + "?version=1") if method == "delete" else send(anna, method, path, {**body, "version": 1})
        )
        assert response.status_code == 404, name
        assert {**response.json(), "instance": ""} == {**expected, "instance": ""}
    assert not reads().exists()
    assert (version(plan), PlanGoal.objects.get(pk=goal.pk).text) == (1, goal.text)


@pytest.mark.parametrize(
    ("role", "grant", "read", "write"),
    [
        (Role.SPECIALIST, True, 200, 403),  # a grant for the plan: reads, never changes
        (Role.SPECIALIST, False, 404, 403),  # no grant: the plan is not there for them
        (Role.CENTRE_STAFF, False, 200, 403),  # the team's community centre sees the plan, does not work it
        (Role.VOLUNTEER, False, 403, 403),  # the wrong role altogether
    ],
)
def test_roles_that_may_not_work_the_plan_cannot_change_a_goal(
    make_user, role, grant, read, write, plan, goal, city, resident_north
):
    if grant:
        AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="support_plan")
    client = login(Client(), make_user(role))
    assert client.get(url("plan-goal-detail", plan, goal.pk)).status_code == read
    assert (
        send(client, "patch", url("plan-goal-detail", plan, goal.pk), {"version": 1, "text": "x"}).status_code == write
    )
    assert send(client, "post", url("plan-goals", plan), {"version": 1, "text": "x"}).status_code == write
    assert client.delete(url("plan-goal-detail", plan, goal.pk) + "?version=1").status_code == write
    assert (version(plan), PlanGoal.objects.count()) == (1, 1)


def test_a_change_logs_one_read_per_household_member(anna, plan, goal, resident_north):
    partner = ResidentFactory(household=resident_north.household)
    assert (
        send(anna, "patch", url("plan-goal-detail", plan, goal.pk), {"version": 1, "text": "Nieuw"}).status_code == 200
    )
    logged = reads(view="api:plan-goal-detail")
    assert sorted(logged.values_list("subject_ref", flat=True)) == sorted(
        [str(resident_north.public_id), str(partner.public_id)]
    )
    assert "goals" in logged.first().fields


def test_the_schema_documents_each_goal_and_action_operation(anna):
    paths = anna.get(reverse("api:schema")).json()["paths"]
    goal = paths["/plannen/{household_public_id}/doelen/{goal_id}"]
    assert {m: goal[m]["operationId"] for m in ("get", "patch", "delete")} == {
        "get": "plans_goals_retrieve",
        "patch": "plans_goals_partial_update",
        "delete": "plans_goals_destroy",
    }
    assert {"400", "403", "404", "409"} <= set(goal["patch"]["responses"])
    assert paths["/plannen/{household_public_id}/doelen"]["post"]["responses"]["201"]
    assert (
        paths["/plannen/{household_public_id}/afspraken/{action_id}/gedaan"]["post"]["operationId"]
        == "plans_actions_done"
    )
    assert [p["name"] for p in goal["delete"]["parameters"] if p["in"] == "query"] == ["version"]
