"""One rule for a stale plan version, the same on the pages and in the API (wijkkracht/cases/conflicts.py)."""

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.conflicts import plan_conflict, version_from
from wijkkracht.cases.models import PlanAction, PlanGoal, SupportPlan
from wijkkracht.cases.services.plans import PlanConflict, goal_update

from ..conftest import login
from ..factories import PlanActionFactory, PlanGoalFactory, SupportPlanFactory
from .helpers import reads

pytestmark = pytest.mark.django_db

CONFLICT = "Iemand anders heeft het plan intussen gewijzigd"


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER, first_name="Anna", last_name="Jansen")


@pytest.fixture
def plan(resident_north, worker):
    plan = SupportPlanFactory(household=resident_north.household, coordinator=worker, summary="Eerste versie.")
    SupportPlan.objects.filter(pk=plan.pk).update(version=3)
    plan.refresh_from_db()
    return plan


def url(name, plan, *args):
    return reverse(name, args=[plan.household.public_id, *args])


# --- the rule ---------------------------------------------------------------------------------------


def test_a_change_on_the_current_version_may_be_written(plan):
    assert plan_conflict(plan=plan, version=3) is None


def test_a_change_that_names_no_version_is_a_conflict_with_the_plan_as_saved(plan):
    conflict = plan_conflict(plan=plan, version=None)
    assert isinstance(conflict, PlanConflict)
    assert conflict.current == plan
    assert conflict.message.startswith(CONFLICT)


@pytest.mark.parametrize("version", [1, 2])
def test_an_item_missing_since_an_older_version_was_removed_in_between(plan, version):
    assert isinstance(plan_conflict(plan=plan, version=version, item_found=False), PlanConflict)


@pytest.mark.parametrize("version", [None, 3, 4])
def test_an_item_missing_from_the_version_the_user_saw_was_never_there(plan, version):
    with pytest.raises(Http404):
        plan_conflict(plan=plan, version=version, item_found=False)


@pytest.mark.parametrize(("sent", "version"), [("3", 3), (3, 3), ("", None), (None, None), ("drie", None)])
def test_the_version_a_request_names(sent, version):
    assert version_from(sent) == version


# --- the pages follow it ----------------------------------------------------------------------------


def test_a_done_click_without_a_version_changes_nothing_and_shows_the_plan_as_saved(worker, plan):
    action = PlanActionFactory(plan=plan, owner_user=worker)
    response = login(Client(), worker).post(url("cases:plan-action-done", plan, action.pk), {})
    assert response.status_code == 409
    assert CONFLICT in response.content.decode()
    action.refresh_from_db()
    assert action.done_at is None
    assert SupportPlan.objects.get(pk=plan.pk).version == 3


def test_a_removal_without_a_version_removes_nothing_and_asks_again(worker, plan):
    goal = PlanGoalFactory(plan=plan, text="Post is geordend")
    response = login(Client(), worker).post(url("cases:goal-remove", plan, goal.pk), {})
    assert response.status_code == 409
    html = response.content.decode()
    assert CONFLICT in html and "Post is geordend" in html and 'name="version" value="3"' in html
    assert PlanGoal.objects.filter(pk=goal.pk).exists()


def test_editing_an_action_that_never_was_in_the_plan_is_not_found(worker, plan):
    data = {f"action-999999-{field}": value for field, value in {"text": "x", "version": "3"}.items()}
    assert login(Client(), worker).post(url("cases:action-edit", plan, 999999), data).status_code == 404
    data["action-999999-version"] = "2"  # a page of before the last change: removed since, so a conflict
    assert login(Client(), worker).post(url("cases:action-edit", plan, 999999), data).status_code == 409
    assert not PlanAction.objects.exists()


def test_a_stale_edit_rereads_the_plan_once_and_logs_that_read(worker, make_user, plan, resident_north):
    goal = PlanGoalFactory(plan=plan, text="Post is geordend")
    goal.plan = plan
    goal_update(goal=goal, version=3, by=make_user(Role.WORKER), text="Tekst van Bram")
    client = login(Client(), worker)
    before = reads(subject_ref=str(resident_north.public_id), view="cases:goal-edit").count()
    prefix = f"goal-{goal.pk}"
    response = client.post(
        url("cases:goal-edit", plan, goal.pk), {f"{prefix}-text": "Mijn tekst", f"{prefix}-version": "3"}
    )
    assert response.status_code == 409
    assert "Tekst van Bram" in response.content.decode() and "Mijn tekst" in response.content.decode()
    # the read before the change and the read of the plan as saved now, shown beside the user's text:
    # one call, so one entry for this resident
    assert reads(subject_ref=str(resident_north.public_id), view="cases:goal-edit").count() == before + 1
