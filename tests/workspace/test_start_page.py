"""The start page per role, built from the tiles the apps register: the worker's today, the team lead's team,
a sentence for the roles whose work comes later; notifications for what needs the user."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.care.services import signal_create
from wijkkracht.cases.models import Notification
from wijkkracht.cases.services.requests import help_request_assign

from ..conftest import login
from ..factories import (
    HelpRequestFactory,
    PlanActionFactory,
    ResidentFactory,
    SupportPlanFactory,
    WatchContactFactory,
)

pytestmark = pytest.mark.django_db


def home(user) -> str:
    response = login(Client(), user).get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


def resident_in(city, **kwargs):
    return ResidentFactory(household__neighbourhood=city["north"], **kwargs)


def test_the_workers_today_each_tile_a_link(make_user, city):
    worker = make_user(Role.WORKER)
    old = HelpRequestFactory(
        resident=resident_in(city, first_name="Greet", last_name="Oud"),
        team=city["team_north"],
        taken_by=worker,
        received_at=timezone.now() - datetime.timedelta(days=40),
    )
    plan = SupportPlanFactory(household=old.household, coordinator=worker)
    PlanActionFactory(plan=plan, owner_user=worker, text="Belastingdienst bellen", due_date=datetime.date(2020, 3, 1))
    WatchContactFactory(resident=resident_in(city, first_name="Kees", last_name="Waak"), owner=worker)

    body = home(worker)

    for url in (reverse("workspace:caseload"), reverse("care:watch-list"), reverse("workspace:notification-list")):
        assert f'href="{url}' in body
    assert "Mijn hulpvragen" in body and "Greet Oud" in body and "40 dagen oud" in body
    assert reverse("cases:request-detail", args=[old.public_id]) in body
    assert "Belastingdienst bellen" in body and "01-03-2020" in body and "te laat" in body
    assert "Kees Waak" in body
    assert 'role="search"' in body  # find a resident straight from the start page


def test_recently_opened_residents_come_from_my_own_reads_and_only_while_i_may_see_them(make_user, city):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    seen = resident_in(city, first_name="Annie", last_name="Gezien")
    moved = resident_in(city, first_name="Bert", last_name="Verhuisd")
    for resident in (seen, moved):
        assert client.get(reverse("people:resident-detail", args=[resident.public_id])).status_code == 200
    body = home(worker)
    assert body.index("Bert Verhuisd") < body.index("Annie Gezien")  # newest first

    moved.household.neighbourhood = city["south"]  # another team's resident now
    moved.household.save()
    body = home(worker)
    assert "Annie Gezien" in body
    assert "Bert Verhuisd" not in body


def test_the_team_lead_sees_the_workload_per_worker_and_the_unassigned_requests(make_user, city):
    lead = make_user(Role.TEAM_LEAD, first_name="Mark", last_name="de Jong")
    busy = make_user(Role.WORKER, first_name="Bea", last_name="Druk")
    quiet = make_user(Role.WORKER, first_name="Stef", last_name="Rustig")
    for _ in range(10):
        HelpRequestFactory(resident=resident_in(city), team=city["team_north"], taken_by=busy)
    HelpRequestFactory(resident=resident_in(city), team=city["team_north"], taken_by=quiet)
    HelpRequestFactory(resident=resident_in(city), team=city["team_north"], taken_by=lead, assigned_to=None)

    body = home(lead)

    assert "Werkverdeling in Wijkteam Noord" in body
    row = body.split("Bea Druk", 1)[1].split("</tr>", 1)[0]
    assert ">10<" in row
    assert ">1<" in body.split("Stef Rustig", 1)[1].split("</tr>", 1)[0]
    assert "1 open hulpvraag zonder behandelaar" in body
    assert "Werkverdeling" not in home(busy)  # a worker does not divide the work


@pytest.mark.parametrize("role", [Role.VOLUNTEER_COORDINATOR, Role.VOLUNTEER])
def test_the_coordinator_and_the_volunteer_find_their_own_work_on_the_start_page(make_user, role):
    body = home(make_user(role))
    assert "volgende versie van wijkkracht" not in body
    assert ("Mijn koppelingen" if role == Role.VOLUNTEER else "Vrijwilligerswerk") in body


def test_a_worker_is_told_of_a_request_assigned_to_them_and_opening_it_settles_it(make_user, city):
    lead = make_user(Role.TEAM_LEAD, first_name="Mark", last_name="de Jong")
    worker = make_user(Role.WORKER)
    help_request = HelpRequestFactory(
        resident=resident_in(city, first_name="Joke", last_name="Bakker"), team=city["team_north"], taken_by=lead
    )
    help_request_assign(help_request=help_request, worker=worker, by=lead)
    help_request_assign(help_request=help_request, worker=worker, by=lead)  # no change, no second notice

    (notification,) = Notification.objects.filter(recipient=worker)
    body = home(worker)
    assert "Hulpvraag van Joke Bakker aan u toegewezen" in body and "door Mark de Jong" in body
    open_url = reverse("workspace:notification-open", args=[notification.public_id])
    assert open_url in body

    response = login(Client(), worker).get(open_url)
    assert response["Location"] == reverse("cases:request-detail", args=[help_request.public_id])
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert "Niets nieuws voor u." in home(worker)
    # Someone else's notification does not exist for them.
    assert login(Client(), lead).get(open_url).status_code == 404


def test_a_new_signal_is_told_to_the_team_and_a_notification_never_outlives_access(make_user, city):
    reporter = make_user(Role.CENTRE_STAFF)
    worker = make_user(Role.WORKER)
    lead = make_user(Role.TEAM_LEAD)
    resident = resident_in(city, first_name="Truus", last_name="Zorg")
    signal_create(source="neighbour", concern="Post stapelt zich op.", received_by=reporter, resident=resident)
    assert set(Notification.objects.values_list("recipient", flat=True)) == {worker.pk, lead.pk}
    assert "Nieuw signaal over Truus Zorg" in home(worker)

    worker.memberships.all().delete()  # left the team: what it owns, the notification included, is gone
    assert "Truus Zorg" not in home(worker)
