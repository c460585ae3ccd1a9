"""Twenty bookings of the same car and time at once, on PostgreSQL: exactly one gets it, the others a Dutch
message, and nothing of theirs is saved. Real requests in parallel threads, each with its own connection.
Marked postgres_only: on SQLite every write transaction is serialised, so there is nothing to race (the
sequential double-booking tests in test_rides.py run on both databases)."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.provisions.models import RideBooking, RideSlot

from ..conftest import login
from ..factories import DriverFactory, ResidentFactory, TeamFactory, UserFactory, VehicleFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]
PARALLEL = 20


def test_twenty_parallel_bookings_of_one_car_and_slot_give_exactly_one_ride(city):
    centre = TeamFactory(name="Wijkcentrum Noord", kind="community_centre", neighbourhoods=[city["north"]])
    car = VehicleFactory(team=centre)
    drivers = [DriverFactory(team=centre) for _ in range(PARALLEL)]  # a different driver each: only the car clashes
    staff = [UserFactory(role=Role.CENTRE_STAFF, teams=[centre]) for _ in range(PARALLEL)]
    residents = [ResidentFactory(household__neighbourhood=city["north"]) for _ in range(PARALLEL)]
    pickup = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=2), datetime.time(10))
    )
    clients = [login(Client(), user) for user in staff]
    barrier = threading.Barrier(PARALLEL)
    answers = [None] * PARALLEL

    def book(i):
        try:
            barrier.wait()
            response = clients[i].post(
                reverse("api:ride-booking-list"),
                {
                    "resident": str(residents[i].public_id),
                    "vehicle": car.pk,
                    "driver": drivers[i].pk,
                    "pickup_at": pickup.isoformat(),
                    "pickup_address": "Parisstraat 1",
                    "destination": "Huisarts",
                    "purpose": "doctor",
                },
                content_type="application/json",
            )
            answers[i] = (response.status_code, response.json())
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(i,)) for i in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    codes = sorted(code for code, _body in answers)
    assert codes == [201] + [400] * (PARALLEL - 1)
    refused = [body for code, body in answers if code == 400]
    assert all("al geboekt" in body["detail"] for body in refused)
    assert RideBooking.objects.count() == 1 and RideSlot.objects.count() == 1
