"""The household plan: one household, one plan, one coordinator; two workers never overwrite each other."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import PlanAction, PlanGoal, SupportPlan
from wijkkracht.cases.services.plans import (
    PlanConflict,
    action_add,
    action_done,
    goal_achieve,
    goal_add,
    support_plan_create,
    support_plan_update,
)

from ..conftest import login
from ..factories import (
    AccessGrantFactory,
    PlanActionFactory,
    PlanGoalFactory,
    ResidentFactory,
    SupportPlanFactory,
)
from .helpers import count_queries, reads, refusals

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER, first_name="Anna", last_name="Jansen")


@pytest.fixture
def colleague(make_user):
    return make_user(Role.WORKER, first_name="Bram", last_name="Visser")


@pytest.fixture
def plan(resident_north, worker):
    return SupportPlanFactory(household=resident_north.household, coordinator=worker, summary="Eerste versie.")


def _url(name, plan_or_household, *args):
    household = getattr(plan_or_household, "household", plan_or_household)
    return reverse(name, args=[household.public_id, *args])


# --- creating --------------------------------------------------------------------------------------


def test_a_worker_makes_the_plan_of_a_household(worker, resident_north):
    client = login(Client(), worker)
    url = _url("cases:plan-create", resident_north.household)
    assert client.get(url).status_code == 200
    response = client.post(url, {"summary": "Rust in de financiën.", "coordinator": worker.pk})
    assert response.status_code == 302
    plan = SupportPlan.objects.get(household=resident_north.household)
    assert (plan.coordinator, plan.summary, plan.version, plan.updated_by) == (
        worker,
        "Rust in de financiën.",
        1,
        worker,
    )


def test_a_household_has_one_plan_a_second_is_refused(worker, plan):
    with pytest.raises(ValidationError) as error:
        support_plan_create(household=plan.household, coordinator=worker, by=worker, summary="Nog een plan")
    assert "Dit huishouden heeft al een plan: één huishouden, één plan." in error.value.messages
    assert SupportPlan.objects.count() == 1


def test_the_create_page_sends_to_the_existing_plan(worker, plan):
    response = login(Client(), worker).get(_url("cases:plan-create", plan))
    assert response.status_code == 302
    assert response["Location"] == _url("cases:plan-detail", plan)


def test_the_coordinator_must_be_a_worker_or_team_lead_of_the_households_team(make_user, worker, resident_north, city):
    household = resident_north.household
    other_team = make_user(Role.WORKER, teams=[city["team_south"]])
    centre = make_user(Role.CENTRE_STAFF)
    for coordinator in (other_team, centre):
        with pytest.raises(ValidationError) as error:
            support_plan_create(household=household, coordinator=coordinator, by=worker)
        assert error.value.message_dict["coordinator"] == [
            "De regievoerder moet wijkwerker of teamleider zijn in het team van dit huishouden."
        ]
    assert SupportPlan.objects.count() == 0
    lead = make_user(Role.TEAM_LEAD)
    assert support_plan_create(household=household, coordinator=lead, by=worker).coordinator == lead


def test_the_plan_page_offers_only_team_colleagues_as_coordinator(worker, make_user, resident_north, city):
    make_user(Role.WORKER, teams=[city["team_south"]], first_name="Zuid", last_name="Collega")
    page = login(Client(), worker).get(_url("cases:plan-create", resident_north.household)).content.decode()
    assert "Anna Jansen" in page
    assert "Zuid Collega" not in page


# --- optimistic locking --------------------------------------------------------------------------


def test_two_workers_the_second_gets_a_conflict_and_overwrites_nothing(worker, colleague, plan):
    mine = SupportPlan.objects.get(pk=plan.pk)
    theirs = SupportPlan.objects.get(pk=plan.pk)
    assert mine.version == theirs.version == 1

    support_plan_update(plan=mine, version=1, by=worker, summary="Tekst van Anna.", coordinator=worker)
    with pytest.raises(PlanConflict) as conflict:
        support_plan_update(plan=theirs, version=1, by=colleague, summary="Tekst van Bram.", coordinator=colleague)

    assert "Iemand anders heeft het plan intussen gewijzigd" in conflict.value.message
    assert conflict.value.current.summary == "Tekst van Anna."
    assert conflict.value.current.version == 2
    assert isinstance(conflict.value, ValidationError)
    plan.refresh_from_db()
    assert (plan.summary, plan.coordinator, plan.version, plan.updated_by) == ("Tekst van Anna.", worker, 2, worker)


def test_on_the_page_the_second_worker_sees_both_versions_and_keeps_his_input(worker, colleague, plan):
    anna, bram = login(Client(), worker), login(Client(), colleague)
    url = _url("cases:plan-edit", plan)
    assert 'name="version" value="1"' in anna.get(url).content.decode()
    assert 'name="version" value="1"' in bram.get(url).content.decode()

    assert anna.post(url, {"summary": "Tekst van Anna.", "coordinator": worker.pk, "version": 1}).status_code == 302
    response = bram.post(url, {"summary": "Tekst van Bram.", "coordinator": colleague.pk, "version": 1})

    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft het plan intussen gewijzigd" in html
    assert "Tekst van Anna." in html  # what is saved now
    assert "Tekst van Bram." in html  # his own input, still in the form
    assert 'name="version" value="2"' in html  # saving again is a deliberate choice on top of version 2
    assert "Anna Jansen" in html
    plan.refresh_from_db()
    assert (plan.summary, plan.version) == ("Tekst van Anna.", 2)

    # He decides his text is right and saves on top of version 2.
    assert bram.post(url, {"summary": "Tekst van Bram.", "coordinator": colleague.pk, "version": 2}).status_code == 302
    plan.refresh_from_db()
    assert (plan.summary, plan.coordinator, plan.version) == ("Tekst van Bram.", colleague, 3)


def test_goals_and_actions_also_carry_the_version(worker, plan):
    goal = goal_add(plan=plan, version=1, by=worker, text="Post op orde", domain="finances")
    assert plan.version == 2
    action = action_add(
        plan=plan,
        version=2,
        by=worker,
        text="Samen de post doornemen",
        due_date=timezone.localdate(),
        owner_name="dochter",
        goal=goal,
    )
    action_done(action=action, version=3, by=worker)
    goal_achieve(goal=goal, version=4, by=worker)
    plan.refresh_from_db()
    assert plan.version == 5
    with pytest.raises(PlanConflict):
        goal_add(plan=plan, version=4, by=worker, text="Te laat")
    assert PlanGoal.objects.count() == 1
    action.refresh_from_db()
    goal.refresh_from_db()
    assert action.done_at == timezone.localdate() and goal.achieved_at == timezone.localdate()


def test_an_action_needs_exactly_one_owner_and_a_date(worker, colleague, plan, make_user, city):
    with pytest.raises(ValidationError) as error:
        action_add(plan=plan, version=1, by=worker, text="Bellen", due_date=None)
    assert "Vul in wie de afspraak uitvoert" in error.value.message_dict["owner_name"][0]
    assert error.value.message_dict["due_date"] == ["Vul in wanneer de afspraak uiterlijk gedaan moet zijn."]
    with pytest.raises(ValidationError) as error:
        action_add(
            plan=plan,
            version=1,
            by=worker,
            text="Bellen",
            due_date=timezone.localdate(),
            owner_user=colleague,
            owner_name="inwoner",
        )
    assert error.value.message_dict["owner_name"] == ["Kies een collega óf vul een naam in, niet allebei."]
    stranger = make_user(Role.WORKER, teams=[city["team_south"]])
    with pytest.raises(ValidationError) as error:
        action_add(plan=plan, version=1, by=worker, text="Bellen", due_date=timezone.localdate(), owner_user=stranger)
    assert error.value.message_dict["owner_user"] == ["Deze collega werkt niet in het team van dit huishouden."]
    plan.refresh_from_db()
    assert plan.version == 1 and PlanAction.objects.count() == 0


# --- the plan page ---------------------------------------------------------------------------------


def test_the_plan_page_shows_goals_and_actions_and_logs_every_member(worker, plan, resident_north):
    partner = ResidentFactory(household=resident_north.household, first_name="Karel")
    goal = PlanGoalFactory(plan=plan, text="Post is geordend")
    PlanActionFactory(
        plan=plan,
        goal=goal,
        owner_user=None,
        owner_name="dochter",
        text="Helpt met de post",
        due_date=datetime.date(2031, 3, 14),
    )
    response = login(Client(), worker).get(_url("cases:plan-detail", plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Post is geordend" in html and "Helpt met de post" in html and "dochter" in html
    assert "14-03-2031" in html  # dd-mm-jjjj, as every date
    assert "Anna Jansen" in html  # the coordinator
    logged = set(reads(view="cases:plan-detail").values_list("subject_ref", flat=True))
    assert logged == {str(resident_north.public_id), str(partner.public_id)}
    assert reads(view="cases:plan-detail").first().object_type == "cases.SupportPlan,people.Resident"


def test_a_worker_adds_a_goal_and_an_action_and_marks_it_done(worker, plan):
    client = login(Client(), worker)
    response = client.post(
        _url("cases:plan-goal-add", plan),
        {"goal-text": "Meer contact in de buurt", "goal-domain": "social_network", "goal-version": 1},
    )
    assert response.status_code == 302
    goal = PlanGoal.objects.get()
    response = client.post(
        _url("cases:plan-action-add", plan),
        {
            "action-text": "Naar de vriendenkring",
            "action-owner_name": "inwoner",
            "action-due_date": "2031-01-31",
            "action-goal": goal.pk,
            "action-version": 2,
        },
    )
    assert response.status_code == 302
    action = PlanAction.objects.get()
    assert (action.owner_name, action.goal, action.due_date) == ("inwoner", goal, datetime.date(2031, 1, 31))
    response = client.post(_url("cases:plan-action-done", plan, action.pk), {"version": 3}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="plan-body"' in response.content.decode()
    assert "<html" not in response.content.decode()  # only the body, for htmx
    action.refresh_from_db()
    assert action.done_at == timezone.localdate()
    plan.refresh_from_db()
    assert plan.version == 4


def test_an_action_without_owner_is_refused_on_the_page_in_dutch(worker, plan):
    response = login(Client(), worker).post(
        _url("cases:plan-action-add", plan),
        {"action-text": "Bellen", "action-due_date": "2031-01-31", "action-version": 1},
    )
    assert response.status_code == 400
    assert "Vul in wie de afspraak uitvoert" in response.content.decode()
    assert PlanAction.objects.count() == 0


def test_a_goal_added_on_a_stale_page_is_kept_in_the_form(worker, colleague, plan):
    goal_add(plan=plan, version=1, by=colleague, text="Doel van Bram")
    response = login(Client(), worker).post(
        _url("cases:plan-goal-add", plan), {"goal-text": "Doel van Anna", "goal-version": 1}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Iemand anders heeft het plan intussen gewijzigd" in html
    assert "Doel van Bram" in html  # the plan as saved now
    assert 'value="Doel van Anna"' in html  # her own input, not lost
    assert 'name="goal-version" value="2"' in html
    assert list(PlanGoal.objects.values_list("text", flat=True)) == ["Doel van Bram"]


def test_a_stale_done_click_via_htmx_shows_the_conflict_in_the_body(worker, colleague, plan):
    action = PlanActionFactory(plan=plan)
    goal_add(plan=plan, version=1, by=colleague, text="Doel van Bram")
    response = login(Client(), worker).post(
        _url("cases:plan-action-done", plan, action.pk), {"version": 1}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Iemand anders heeft het plan intussen gewijzigd" in response.content.decode()
    action.refresh_from_db()
    assert action.done_at is None


def test_a_household_without_plan_shows_a_way_to_start_one(worker, resident_north):
    html = login(Client(), worker).get(_url("cases:plan-detail", resident_north.household)).content.decode()
    assert "Dit huishouden heeft nog geen plan." in html
    assert _url("cases:plan-create", resident_north.household) in html


# --- policy ----------------------------------------------------------------------------------------


def test_the_plan_of_another_team_is_not_found_and_not_logged_as_read(worker, resident_south):
    plan = SupportPlanFactory(household=resident_south.household)
    client = login(Client(), worker)
    for name in ("cases:plan-detail", "cases:plan-edit"):
        assert client.get(_url(name, plan)).status_code == 404
    assert client.post(_url("cases:plan-goal-add", plan), {"goal-text": "x", "goal-version": 1}).status_code == 404
    assert not reads().exists()
    assert refusals(subject_ref=str(resident_south.household.public_id)).count() == 3
    assert PlanGoal.objects.count() == 0


def test_a_specialist_needs_a_support_plan_grant_and_may_only_look(make_user, plan, resident_north, city):
    specialist = make_user(Role.SPECIALIST)
    client = login(Client(), specialist)
    url = _url("cases:plan-detail", plan)
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="personal_details")
    assert client.get(url).status_code == 404
    assert not reads().exists()

    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="support_plan", purpose="handover")
    response = client.get(url)
    assert response.status_code == 200
    assert "Doel toevoegen" not in response.content.decode()
    assert reads(subject_ref=str(resident_north.public_id)).get().purpose == "handover"
    assert client.post(_url("cases:plan-goal-add", plan), {"goal-text": "x", "goal-version": 1}).status_code == 403


# --- query counts ----------------------------------------------------------------------------------


def test_the_plan_page_uses_a_fixed_number_of_queries(worker, plan, resident_north):
    client = login(Client(), worker)
    url = _url("cases:plan-detail", plan)
    PlanGoalFactory(plan=plan)
    PlanActionFactory(plan=plan)
    client.get(url)  # warm up (session, content types)
    few = count_queries(lambda: client.get(url))
    for _ in range(9):
        goal = PlanGoalFactory(plan=plan)
        PlanActionFactory(plan=plan, goal=goal)
        PlanActionFactory(plan=plan, owner_user=None, owner_name="buurman")
    ResidentFactory.create_batch(3, household=resident_north.household)
    many = count_queries(lambda: client.get(url))
    assert many == few
