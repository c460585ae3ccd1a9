"""The ride service: at least a day ahead, the passenger's needs matched against car and driver, no double
booking of a car or a driver, a printable day per car and a calendar feed per driver."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.provisions.models import RideBooking, RideSlot
from wijkkracht.provisions.services.rides import ride_book, ride_cancel, slot_starts

from ..conftest import login
from ..factories import DriverFactory, VehicleFactory

pytestmark = pytest.mark.django_db


def at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def car(centre):
    return VehicleFactory(team=centre, name="Max-mobiel Noord", wheelchair=False)


@pytest.fixture
def staff(make_user, centre):
    return make_user(Role.CENTRE_STAFF, teams=[centre])


def book(car, driver, resident, by, when, **extra):
    values = {"pickup_address": "Parisstraat 1", "destination": "Huisarts De Brug", "purpose": "doctor"} | extra
    return ride_book(vehicle=car, driver=driver, resident=resident, pickup_at=when, by=by, **values)


def test_a_ride_for_today_or_the_past_is_refused_with_the_first_possible_day(car, staff, resident_north, centre):
    driver = DriverFactory(team=centre)
    for when in (at(0, 15), at(-2, 10)):
        with pytest.raises(ValidationError) as error:
            book(car, driver, resident_north, staff, when)
        assert "minstens een dag van tevoren" in error.value.message_dict["pickup_at"][0]
    assert RideBooking.objects.count() == 0


def test_the_passengers_needs_are_matched_against_car_and_driver(car, staff, resident_north, centre):
    untrained = DriverFactory(team=centre, wheelchair_trained=False, door_help=False)
    with pytest.raises(ValidationError) as error:
        book(car, untrained, resident_north, staff, at(1, 10), needs_wheelchair=True)
    assert error.value.message_dict["vehicle"] == [
        "In deze auto kan geen rolstoel mee. Kies een auto met rolstoelplek."
    ]
    assert "rolstoelvervoer" in error.value.message_dict["driver"][0]
    with pytest.raises(ValidationError, match="helpt niet tot aan de deur"):
        book(car, untrained, resident_north, staff, at(1, 10), needs_door_help=True)


def test_a_car_or_a_driver_is_never_booked_twice_for_the_same_time(car, staff, resident_north, centre, city):
    driver, other_driver = DriverFactory(team=centre), DriverFactory(team=centre)
    book(car, driver, resident_north, staff, at(1, 10), return_at=at(1, 11, 30))
    with pytest.raises(ValidationError, match="Deze auto is op dat moment al geboekt"):
        book(car, other_driver, resident_north, staff, at(1, 10, 15))
    second_car = VehicleFactory(team=centre)
    with pytest.raises(ValidationError, match="Deze chauffeur rijdt op dat moment al"):
        book(second_car, driver, resident_north, staff, at(1, 11, 30))
    book(second_car, other_driver, resident_north, staff, at(1, 10))  # another car and driver: fine
    assert RideBooking.objects.count() == 2


def test_cancelling_frees_the_car_and_driver(car, staff, resident_north, centre):
    driver = DriverFactory(team=centre)
    booking = book(car, driver, resident_north, staff, at(2, 14))
    assert RideSlot.objects.filter(booking=booking).count() == 1
    ride_cancel(booking=booking, by=staff)
    assert RideSlot.objects.count() == 0
    book(car, driver, resident_north, staff, at(2, 14))


def test_a_ride_holds_every_half_hour_it_covers():
    assert [s.strftime("%H:%M") for s in slot_starts(at(1, 10, 15), 60)] == ["10:00", "10:30", "11:00"]


def test_the_booking_page_gives_the_dutch_message_on_the_field(car, staff, resident_north, centre):
    driver = DriverFactory(team=centre)
    client = login(Client(), staff)
    today = timezone.localdate()
    body = client.post(
        reverse("provisions:ride-book", args=[resident_north.public_id]),
        {
            "vehicle": car.pk,
            "driver": driver.pk,
            "day": today.isoformat(),
            "pickup_time": "10:00",
            "duration_minutes": "30",
            "pickup_address": "Parisstraat 1",
            "destination": "Markt",
            "purpose": "shop",
        },
    ).content.decode()
    assert "minstens een dag van tevoren" in body and "Er is nog 1 ding niet goed" in body
    assert 'id="id_day_error"' in body  # on the date field itself


def test_the_days_schedule_of_a_car_lists_its_rides_in_order_for_print(car, staff, resident_north, centre):
    driver = DriverFactory(team=centre)
    book(car, driver, resident_north, staff, at(1, 14), destination="Kapper Ali")
    book(car, driver, resident_north, staff, at(1, 9), destination="Huisarts De Brug")
    page = login(Client(), staff).get(
        reverse("provisions:vehicle-day", args=[car.pk]), {"datum": at(1, 9).date().isoformat()}
    )
    body = page.content.decode()
    assert body.index("Huisarts De Brug") < body.index("Kapper Ali")
    assert "wk-no-print" in body  # the day picker does not print


def test_each_driver_has_a_calendar_feed_by_a_secret_address(car, staff, resident_north, centre):
    driver = DriverFactory(team=centre)
    book(car, driver, resident_north, staff, at(1, 10), return_at=at(1, 12))
    feed = Client().get(reverse("provisions:ride-feed", args=[driver.feed_token]))
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(feed.content).walk("VEVENT"))
    assert len(events) == 2 and resident_north.first_name in str(events[0]["SUMMARY"])
    assert resident_north.last_name not in str(events[0]["SUMMARY"])  # a first name and an initial only
    entry = AuditEvent.objects.get(view="provisions:ride-feed")
    assert (entry.actor_id, entry.basis) == (driver.user_id, "own")
    assert Client().get(reverse("provisions:ride-feed", args=["verkeerd-token"])).status_code == 404


def test_a_driver_sees_their_own_rides(car, staff, resident_north, centre):
    driver = DriverFactory(team=centre)
    book(car, driver, resident_north, staff, at(1, 10), destination="Fysiotherapie")
    body = login(Client(), driver.user).get(reverse("provisions:my-rides")).content.decode()
    assert "Fysiotherapie" in body and driver.feed_token in body
