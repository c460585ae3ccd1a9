"""The provisions' API: referrals and the provider's report back, ride bookings, quick desk registration."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.provisions.models import DeskQuestion

from ..conftest import login
from ..factories import CollectiveProvisionFactory, DriverFactory, HelpRequestFactory, ResourceFactory, VehicleFactory

pytestmark = pytest.mark.django_db


def post(client, name, data, *args):
    return client.post(reverse(name, args=args), data, content_type="application/json")


def test_refer_by_api_and_report_back(worker, city, resident_north):
    help_request = HelpRequestFactory(
        resident=resident_north, team=city["team_north"], taken_by=worker, status="support"
    )
    resource = ResourceFactory()
    client = login(Client(), worker)
    created = post(
        client, "api:referral-list", {"help_request": str(help_request.public_id), "resource": str(resource.public_id)}
    )
    assert created.status_code == 201 and created.json()["status"] == "sent"
    referral_id = created.json()["id"]
    bad = post(client, "api:referral-report", {"status": "declined"}, referral_id)
    assert (
        bad.status_code == 400 and bad.json()["errors"][0]["detail"] == "Schrijf op waarom de verwijzing is afgewezen."
    )
    good = post(client, "api:referral-report", {"status": "completed"}, referral_id)
    assert good.json()["status"] == "completed"
    listed = client.get(reverse("api:referral-list"), {"open": "true"}).json()
    assert listed["count"] == 0


def test_book_a_ride_by_api_a_day_ahead(city, make_user, resident_north, centre):
    staff = make_user(Role.CENTRE_STAFF, teams=[centre])
    car, driver = VehicleFactory(team=centre), DriverFactory(team=centre)
    client = login(Client(), staff)
    data = {
        "resident": str(resident_north.public_id),
        "vehicle": car.pk,
        "driver": driver.pk,
        "pickup_address": "Parisstraat 1",
        "destination": "Markt",
        "purpose": "shop",
    }
    today = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(16)))
    too_soon = post(client, "api:ride-booking-list", data | {"pickup_at": today.isoformat()})
    assert too_soon.status_code == 400 and "minstens een dag van tevoren" in too_soon.json()["detail"]
    ok = post(client, "api:ride-booking-list", data | {"pickup_at": (today + datetime.timedelta(days=1)).isoformat()})
    assert ok.status_code == 201
    assert client.get(reverse("api:ride-booking-list")).json()["count"] == 1
    assert post(client, "api:ride-booking-cancel", {}, ok.json()["id"]).json()["status"] == "cancelled"


def test_a_desk_app_registers_anonymous_questions(make_user, city):
    desk = CollectiveProvisionFactory(kind="desk", team=city["team_north"])
    volunteer = make_user(Role.VOLUNTEER)
    desk.volunteers.add(volunteer)
    client = login(Client(), volunteer)
    created = post(client, "api:question-list", {"provision": desk.pk, "topic": "taxes", "outcome": "solved"})
    assert created.status_code == 201 and created.json()["anonymous"] is True
    assert client.get(reverse("api:question-list")).json()["count"] == 1
    other = CollectiveProvisionFactory(kind="desk", team=city["team_south"])
    refused = post(client, "api:question-list", {"provision": other.pk, "topic": "taxes", "outcome": "solved"})
    assert refused.status_code == 400 and DeskQuestion.objects.count() == 1
