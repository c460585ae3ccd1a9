"""Ride bookings through the kernel: the centre's bookings (team scope), a car's day, a driver's own rides
(scope ``own``) and the driver's calendar feed."""

import datetime

from django.utils import timezone

from wijkkracht.access.reads import read_list, read_one, read_page
from wijkkracht.provisions.models import RideBooking

SPEC = RideBooking.personal_data
DAY_LIMIT = 60
FEED_DAYS_BACK, FEED_DAYS_AHEAD = 7, 60
# What a driver sees of a passenger: enough to pick them up and help them, nothing more.
DRIVER_FIELDS = ("name", "pickup_at", "pickup_address", "destination", "needs")


def _queryset():
    return RideBooking.objects.select_related("vehicle", "driver__user", "resident__household", "booked_by")


def booking_get(*, user, public_id, view: str, permission: str = "provisions.view_records") -> RideBooking:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_queryset(), permission=permission
    )


def booking_page(*, user, view: str, upcoming: bool = True, page=1):
    qs = _queryset().filter(status=RideBooking.Status.BOOKED)
    if upcoming:
        qs = qs.filter(pickup_at__gte=timezone.now() - datetime.timedelta(hours=2))
    return read_page(SPEC, user=user, view=view, queryset=qs.order_by("pickup_at", "id"), page=page)


def _day_bounds(day: datetime.date):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def vehicle_day(*, user, vehicle, day: datetime.date, view: str) -> list[RideBooking]:
    """The car's rides of one day, in order (the printable schedule)."""
    start, end = _day_bounds(day)
    qs = _queryset().filter(vehicle=vehicle, status=RideBooking.Status.BOOKED, pickup_at__gte=start, pickup_at__lt=end)
    return read_list(SPEC, user=user, view=view, queryset=qs.order_by("pickup_at", "id"), limit=DAY_LIMIT)


def driver_rides(*, user, view: str, days_ahead: int = 30) -> list[RideBooking]:
    """The rides the logged-in driver drives (scope ``own``), from today."""
    start, _end = _day_bounds(timezone.localdate())
    qs = _queryset().filter(
        driver__user=user,
        status=RideBooking.Status.BOOKED,
        pickup_at__gte=start,
        pickup_at__lt=start + datetime.timedelta(days=days_ahead),
    )
    return read_list(
        SPEC,
        user=user,
        view=view,
        queryset=qs.order_by("pickup_at", "id"),
        limit=200,
        fields=DRIVER_FIELDS,
        permission="provisions.drive",
    )


def feed_rides(*, driver, view: str) -> list[RideBooking]:
    """The driver's rides for the calendar feed, read as the driver (whose secret address opened it)."""
    start, _end = _day_bounds(timezone.localdate() - datetime.timedelta(days=FEED_DAYS_BACK))
    qs = _queryset().filter(
        driver=driver,
        status=RideBooking.Status.BOOKED,
        pickup_at__gte=start,
        pickup_at__lt=start + datetime.timedelta(days=FEED_DAYS_BACK + FEED_DAYS_AHEAD),
    )
    return read_list(
        SPEC,
        user=driver.user,
        view=view,
        queryset=qs.order_by("pickup_at", "id"),
        limit=500,
        fields=DRIVER_FIELDS,
        permission="provisions.ride_feed",
    )
