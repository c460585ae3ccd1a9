"""Changing and removing a goal or an agreed action of the household plan, without overwriting a colleague."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import PlanAction, PlanGoal, SupportPlan
from wijkkracht.cases.services.plans import (
    PlanConflict,
    action_remove,
    goal_remove,
    goal_update,
)

from ..conftest import login
from ..factories import AccessGrantFactory, PlanActionFactory, PlanGoalFactory, SupportPlanFactory
from .helpers import reads, refusals

pytestmark = pytest.mark.django_db

CONFLICT = "Iemand anders heeft het plan intussen gewijzigd"


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
    return PlanGoalFactory(plan=plan, text="Post is geordend", domain="finances")


@pytest.fixture
def action(plan, goal, worker):
    return PlanActionFactory(
        plan=plan, goal=goal, text="Samen de post doornemen", owner_user=worker, due_date=datetime.date(2031, 1, 31)
    )


def url(name, plan, *args):
    return reverse(name, args=[plan.household.public_id, *args])


def goal_data(goal, *, text, domain="", version):
    prefix = f"goal-{goal.pk}"
    return {f"{prefix}-text": text, f"{prefix}-domain": domain, f"{prefix}-version": version}


def action_data(action, *, text, version, owner_user="", owner_name="", due_date="2031-02-28", goal=""):
    prefix = f"action-{action.pk}"
    return {
        f"{prefix}-text": text,
        f"{prefix}-owner_user": owner_user,
        f"{prefix}-owner_name": owner_name,
        f"{prefix}-due_date": due_date,
        f"{prefix}-goal": goal,
        f"{prefix}-version": version,
    }


def version_of(plan) -> int:
    return SupportPlan.objects.get(pk=plan.pk).version


# --- editing a goal --------------------------------------------------------------------------------


def test_a_worker_rewords_a_goal_and_the_plan_version_goes_up(worker, plan, goal):
    client = login(Client(), worker)
    edit = url("cases:goal-edit", plan, goal.pk)
    page = client.get(edit)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="Post is geordend"' in html
    assert f'name="goal-{goal.pk}-version" value="1"' in html

    response = client.post(edit, goal_data(goal, text="Rekeningen op tijd betaald", domain="finances", version=1))

    assert response.status_code == 302
    assert response["Location"] == url("cases:plan-detail", plan)
    goal.refresh_from_db()
    assert (goal.text, goal.domain) == ("Rekeningen op tijd betaald", "finances")
    plan.refresh_from_db()
    assert (plan.version, plan.updated_by) == (2, worker)
    assert "Het doel is gewijzigd." in client.get(response["Location"]).content.decode()


def test_opening_the_edit_page_is_logged_as_a_read_of_the_household(worker, plan, goal, resident_north):
    login(Client(), worker).get(url("cases:goal-edit", plan, goal.pk))
    entry = reads(view="cases:goal-edit").get()
    assert (entry.subject_ref, entry.object_type.split(",")[0]) == (str(resident_north.public_id), "cases.SupportPlan")


def test_the_plan_page_links_to_editing_and_removing_each_goal_and_action(worker, plan, goal, action):
    html = login(Client(), worker).get(url("cases:plan-detail", plan)).content.decode()
    for name, item in (
        ("cases:goal-edit", goal),
        ("cases:goal-remove", goal),
        ("cases:action-edit", action),
        ("cases:action-remove", action),
    ):
        assert url(name, plan, item.pk) in html
    assert f'hx-get="{url("cases:goal-edit", plan, goal.pk)}"' in html


def test_with_htmx_the_form_opens_in_place_and_saving_swaps_the_plan_body(worker, plan, goal):
    client = login(Client(), worker)
    edit = url("cases:goal-edit", plan, goal.pk)
    fragment = client.get(edit, HTTP_HX_REQUEST="true")
    html = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in html
    assert f'id="goal-{goal.pk}-edit"' in html and f'hx-post="{edit}"' in html

    response = client.post(edit, goal_data(goal, text="Post wekelijks open", version=1), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert response["HX-Retarget"] == "#plan-body"
    assert response["HX-Reswap"] == "outerHTML"
    body = response.content.decode()
    assert 'id="plan-body"' in body and "Post wekelijks open" in body and "<html" not in body
    assert version_of(plan) == 2


def test_an_empty_goal_is_refused_in_dutch_and_nothing_changes(worker, plan, goal):
    response = login(Client(), worker).post(
        url("cases:goal-edit", plan, goal.pk), goal_data(goal, text="  ", version=1)
    )
    assert response.status_code == 400
    assert "Beschrijf het doel." in response.content.decode()
    goal.refresh_from_db()
    assert goal.text == "Post is geordend"
    assert version_of(plan) == 1


# --- conflicts ---------------------------------------------------------------------------------------


def test_a_goal_edited_on_a_stale_page_gives_the_conflict_and_changes_nothing(worker, colleague, plan, goal):
    goal_update(goal=goal, version=1, by=colleague, text="Tekst van Bram", domain="housing")
    response = login(Client(), worker).post(
        url("cases:goal-edit", plan, goal.pk), goal_data(goal, text="Tekst van Anna", domain="finances", version=1)
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert CONFLICT in html
    assert "Tekst van Bram" in html  # the goal as saved now
    assert 'value="Tekst van Anna"' in html  # her own input, not lost
    assert f'name="goal-{goal.pk}-version" value="2"' in html  # saving again is a choice on top of version 2
    assert "Bram Visser" in html  # who saved in between
    goal.refresh_from_db()
    assert (goal.text, goal.domain) == ("Tekst van Bram", "housing")
    assert version_of(plan) == 2


def test_a_stale_edit_with_htmx_shows_the_conflict_in_the_swapped_form(worker, colleague, plan, goal):
    goal_update(goal=goal, version=1, by=colleague, text="Tekst van Bram")
    response = login(Client(), worker).post(
        url("cases:goal-edit", plan, goal.pk), goal_data(goal, text="Tekst van Anna", version=1), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200  # htmx swaps only 2xx answers
    html = response.content.decode()
    assert CONFLICT in html and "Tekst van Bram" in html and 'value="Tekst van Anna"' in html
    assert "HX-Retarget" not in response
    goal.refresh_from_db()
    assert goal.text == "Tekst van Bram"


def test_editing_a_goal_a_colleague_just_removed_keeps_the_users_text(worker, colleague, plan, goal):
    goal_remove(goal=goal, version=1, by=colleague)
    response = login(Client(), worker).post(
        url("cases:goal-edit", plan, goal.pk), goal_data(goal, text="Tekst van Anna", version=1)
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Dit doel is intussen uit het plan verwijderd." in html
    assert "Tekst van Anna" in html
    assert not PlanGoal.objects.exists()


def test_a_goal_id_of_another_plan_is_not_found(worker, plan):
    other_plan = SupportPlanFactory(coordinator=worker)
    foreign = PlanGoalFactory(plan=other_plan)
    client = login(Client(), worker)
    assert client.get(url("cases:goal-edit", plan, foreign.pk)).status_code == 404
    response = client.post(url("cases:goal-edit", plan, foreign.pk), goal_data(foreign, text="x", version=1))
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.text != "x"


# --- editing an action ----------------------------------------------------------------------------


def test_a_worker_changes_who_does_an_action_and_by_when(worker, colleague, plan, goal, action):
    client = login(Client(), worker)
    edit = url("cases:action-edit", plan, action.pk)
    html = client.get(edit).content.decode()
    assert 'value="Samen de post doornemen"' in html and 'value="2031-01-31"' in html

    response = client.post(
        edit,
        action_data(action, text="Post doornemen met dochter", owner_name="dochter", due_date="2031-03-14", version=1),
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.text, action.owner_user, action.owner_name, action.due_date, action.goal) == (
        "Post doornemen met dochter",
        None,
        "dochter",
        datetime.date(2031, 3, 14),
        None,
    )
    assert version_of(plan) == 2

    client.post(edit, action_data(action, text="Bellen", owner_user=colleague.pk, goal=goal.pk, version=2))
    action.refresh_from_db()
    assert (action.owner_user, action.owner_name, action.goal) == (colleague, "", goal)
    assert version_of(plan) == 3


def test_an_action_needs_someone_to_do_it_said_in_dutch(worker, plan, action):
    response = login(Client(), worker).post(
        url("cases:action-edit", plan, action.pk), action_data(action, text="Bellen", version=1)
    )
    assert response.status_code == 400
    assert "Vul in wie de afspraak uitvoert" in response.content.decode()
    action.refresh_from_db()
    assert action.text == "Samen de post doornemen"
    assert version_of(plan) == 1


def test_an_action_edited_on_a_stale_page_gives_the_conflict_and_changes_nothing(worker, colleague, plan, action):
    login(Client(), colleague).post(
        url("cases:action-edit", plan, action.pk),
        action_data(action, text="Versie Bram", owner_name="buurman", version=1),
    )
    response = login(Client(), worker).post(
        url("cases:action-edit", plan, action.pk),
        action_data(action, text="Versie Anna", owner_name="inwoner", version=1),
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert CONFLICT in html and "Versie Bram" in html and 'value="Versie Anna"' in html
    assert f'name="action-{action.pk}-version" value="2"' in html
    action.refresh_from_db()
    assert (action.text, action.owner_name) == ("Versie Bram", "buurman")


# --- removing ------------------------------------------------------------------------------------


def test_removing_a_goal_asks_for_confirmation_first_and_keeps_its_actions(worker, plan, goal, action):
    client = login(Client(), worker)
    remove = url("cases:goal-remove", plan, goal.pk)
    confirm = client.get(remove)
    html = confirm.content.decode()
    assert confirm.status_code == 200
    assert "Weet u zeker dat u dit doel uit het plan wilt verwijderen?" in html
    assert "De afspraak bij dit doel blijft in het plan staan, zonder doel." in html
    assert 'name="version" value="1"' in html
    assert PlanGoal.objects.filter(pk=goal.pk).exists() and version_of(plan) == 1  # asking removes nothing

    response = client.post(remove, {"version": 1})

    assert response.status_code == 302
    assert not PlanGoal.objects.filter(pk=goal.pk).exists()
    action.refresh_from_db()
    assert action.goal is None  # the agreed action stays in the plan
    assert version_of(plan) == 2
    assert "Het doel is verwijderd." in client.get(response["Location"]).content.decode()


def test_removing_an_action_asks_for_confirmation_first(worker, plan, action):
    client = login(Client(), worker)
    remove = url("cases:action-remove", plan, action.pk)
    assert "Weet u zeker dat u deze afspraak uit het plan wilt verwijderen?" in client.get(remove).content.decode()
    assert PlanAction.objects.filter(pk=action.pk).exists()
    assert client.post(remove, {"version": 1}).status_code == 302
    assert not PlanAction.objects.filter(pk=action.pk).exists()
    assert version_of(plan) == 2


def test_a_stale_removal_removes_nothing_and_asks_again(worker, colleague, plan, goal):
    goal_update(goal=goal, version=1, by=colleague, text="Tekst van Bram")
    client = login(Client(), worker)
    response = client.post(url("cases:goal-remove", plan, goal.pk), {"version": 1})
    assert response.status_code == 409
    html = response.content.decode()
    assert CONFLICT in html and "Tekst van Bram" in html
    assert 'name="version" value="2"' in html  # confirming again is a choice on top of what is saved now
    assert PlanGoal.objects.filter(pk=goal.pk).exists()
    assert version_of(plan) == 2

    assert client.post(url("cases:goal-remove", plan, goal.pk), {"version": 2}).status_code == 302
    assert not PlanGoal.objects.exists()


def test_removing_what_a_colleague_already_removed_says_so(worker, colleague, plan, action):
    action_remove(action=action, version=1, by=colleague)
    response = login(Client(), worker).post(url("cases:action-remove", plan, action.pk), {"version": 1})
    assert response.status_code == 409
    assert "Deze afspraak is al uit het plan verwijderd." in response.content.decode()


def test_the_remove_services_check_the_version(worker, colleague, plan, goal, action):
    goal_update(goal=goal, version=1, by=colleague, text="Nieuw")
    with pytest.raises(PlanConflict):
        goal_remove(goal=goal, version=1, by=worker)
    with pytest.raises(PlanConflict):
        action_remove(action=action, version="oud", by=worker)
    assert PlanGoal.objects.filter(pk=goal.pk).exists() and PlanAction.objects.filter(pk=action.pk).exists()
    action.refresh_from_db()
    assert action.goal == goal
    assert version_of(plan) == 2


# --- policy ----------------------------------------------------------------------------------------


def test_another_teams_plan_is_not_found_and_not_logged_as_read(worker, resident_south):
    plan = SupportPlanFactory(household=resident_south.household)
    goal = PlanGoalFactory(plan=plan, text="Geheim doel")
    action = PlanActionFactory(plan=plan, goal=goal)
    client = login(Client(), worker)
    pages = [
        url("cases:goal-edit", plan, goal.pk),
        url("cases:goal-remove", plan, goal.pk),
        url("cases:action-edit", plan, action.pk),
        url("cases:action-remove", plan, action.pk),
    ]
    for page in pages:
        assert client.get(page).status_code == 404
    assert client.post(pages[0], goal_data(goal, text="x", version=1)).status_code == 404
    assert client.post(pages[1], {"version": 1}).status_code == 404
    assert client.post(pages[3], {"version": 1}).status_code == 404

    assert not reads().exists()
    assert refusals(subject_ref=str(resident_south.household.public_id)).count() == 7
    goal.refresh_from_db()
    assert goal.text == "Geheim doel"
    assert PlanAction.objects.filter(pk=action.pk).exists()
    assert version_of(plan) == 1


@pytest.mark.parametrize("role", [Role.CENTRE_STAFF, Role.SPECIALIST])
def test_roles_that_may_only_look_cannot_edit_or_remove(make_user, role, plan, goal, resident_north, city):
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="support_plan")
    client = login(Client(), make_user(role))
    assert client.get(url("cases:goal-edit", plan, goal.pk)).status_code == 403
    assert client.post(url("cases:goal-remove", plan, goal.pk), {"version": 1}).status_code == 403
    assert PlanGoal.objects.filter(pk=goal.pk).exists()
    assert not reads().exists()
