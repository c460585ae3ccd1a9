"""Starting a plan from a help request: its first goal and agreed action in the same save, back to the
request; a due date in the past is a warning to confirm, and a late action is marked late."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import PlanAction, SupportPlan

from ..conftest import login
from ..factories import HelpRequestFactory, PlanActionFactory, SupportPlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER, first_name="Anna", last_name="Jansen")


@pytest.fixture
def help_request(city, worker, resident_north):
    return HelpRequestFactory(resident=resident_north, team=city["team_north"], taken_by=worker, status="support")


def start_url(help_request):
    household = help_request.household.public_id
    return reverse("cases:plan-create", args=[household]) + f"?hulpvraag={help_request.public_id}"


def soon():
    return (timezone.localdate() + datetime.timedelta(days=10)).isoformat()


def test_a_plan_starts_with_its_first_goal_and_action_and_goes_back_to_the_request(worker, help_request):
    client = login(Client(), worker)
    page = client.get(start_url(help_request)).content.decode()
    assert f"Hulpvraag {help_request.reference}" in page  # breadcrumbs: Inwoners › name › Hulpvraag › Plan maken
    response = client.post(
        start_url(help_request),
        {
            "coordinator": worker.pk,
            "goal_text": "Zelfstandig blijven wonen",
            "action_text": "Thuiszorg aanvragen",
            "action_owner_user": worker.pk,
            "action_due": soon(),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:request-detail", args=[help_request.public_id]) + "#plan"
    plan = SupportPlan.objects.get()
    action = plan.actions.get()
    assert (plan.goals.get().text, action.text, action.owner_user, action.goal.text) == (
        "Zelfstandig blijven wonen",
        "Thuiszorg aanvragen",
        worker,
        "Zelfstandig blijven wonen",
    )
    body = client.get(reverse("cases:request-detail", args=[help_request.public_id])).content.decode()
    assert "Thuiszorg aanvragen" in body


def test_an_action_without_a_date_saves_nothing_at_all(worker, help_request):
    response = login(Client(), worker).post(
        start_url(help_request),
        {"coordinator": worker.pk, "goal_text": "Doel", "action_text": "Iets doen", "action_owner_user": worker.pk},
    )
    assert response.status_code == 400
    assert "Vul in wanneer de afspraak uiterlijk gedaan moet zijn." in response.content.decode()
    assert not SupportPlan.objects.exists()


def test_a_due_date_in_the_past_is_a_warning_to_confirm(worker, resident_north):
    plan = SupportPlanFactory(household=resident_north.household, coordinator=worker)
    client = login(Client(), worker)
    url = reverse("cases:plan-action-add", args=[plan.household.public_id])
    data = {
        "action-text": "Belastingdienst bellen",
        "action-owner_user": worker.pk,
        "action-due_date": "2020-03-01",
        "action-version": plan.version,
    }
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Deze datum (01-03-2020) ligt in het verleden. Klopt dat?" in html
    assert 'name="action-confirm_past"' in html and 'type="checkbox"' in html
    assert not PlanAction.objects.exists()

    client.post(url, {**data, "action-confirm_past": "on"})
    assert PlanAction.objects.get().due_date == datetime.date(2020, 3, 1)


def test_a_late_action_is_marked_late_on_the_plan(worker, resident_north):
    plan = SupportPlanFactory(household=resident_north.household, coordinator=worker)
    PlanActionFactory(
        plan=plan, owner_user=worker, text="Te laat", due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    html = login(Client(), worker).get(reverse("cases:plan-detail", args=[plan.household.public_id])).content.decode()
    assert html.split("Te laat", 1)[1].split("</li>", 1)[0].count("te laat") == 1
