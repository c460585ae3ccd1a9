"""The ride service: cars and drivers per centre, bookings at least a day ahead, no double booking.

A booking holds its half-hour slots (``RideSlot``) for the car and the driver: the ride out and, if asked,
the ride back. Two unique constraints refuse a second slot for the same car or driver at the same moment,
so of two bookings that arrive at once exactly one gets the slot; the other gets a Dutch message and
nothing of it is saved (tests/provisions/test_ride_concurrency.py, bench/ride_bookings.py).
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wijkkracht.accounts.roles import Role
from wijkkracht.provisions.models import SLOT_MINUTES, CollectiveProvision, Driver, RideBooking, RideSlot, Vehicle
from wijkkracht.provisions.models.rides import feed_token

from .common import clean_text, raise_if, require_member

DURATIONS = (30, 60, 90)


def slot_starts(start: datetime.datetime, minutes: int) -> list[datetime.datetime]:
    """The half hours a ride of ``minutes`` from ``start`` covers (a ride from 10:15 holds 10:00 and 10:30)."""
    first = start.replace(minute=start.minute - start.minute % SLOT_MINUTES, second=0, microsecond=0)
    end = start + datetime.timedelta(minutes=minutes)
    slots, moment = [], first
    while moment < end:
        slots.append(moment)
        moment += datetime.timedelta(minutes=SLOT_MINUTES)
    return slots


def first_bookable_day() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


@transaction.atomic
def vehicle_create(*, provision, name: str, by, plate: str = "", seats: int = 1, wheelchair=False, walker=True):
    errors = {}
    if provision.kind != CollectiveProvision.Kind.RIDES:
        errors["provision"] = _("Auto's horen bij de Max-mobiel.")
    if not clean_text(name, 100):
        errors["name"] = _("Geef de auto een naam.")
    if not 1 <= (seats or 0) <= 8:
        errors["seats"] = _("Een auto heeft 1 tot 8 zitplaatsen voor passagiers.")
    raise_if(errors)
    require_member(by, provision.team)
    return Vehicle.objects.create(
        provision=provision,
        team=provision.team,
        name=clean_text(name, 100),
        plate=clean_text(plate, 12).upper(),
        seats=seats,
        wheelchair=wheelchair,
        walker=walker,
    )


@transaction.atomic
def driver_register(
    *, user, team, licence_valid_until, by, trained_on=None, wheelchair_trained=False, door_help=True
) -> Driver:
    errors = {}
    if user.role != Role.VOLUNTEER:
        errors["user"] = _("Een chauffeur is een vrijwilliger.")
    elif Driver.objects.filter(user=user).exists():
        errors["user"] = _("Deze vrijwilliger is al chauffeur.")
    if licence_valid_until is None or licence_valid_until < timezone.localdate():
        errors["licence_valid_until"] = _("Het rijbewijs moet geldig zijn.")
    raise_if(errors)
    require_member(by, team)
    return Driver.objects.create(
        user=user,
        team=team,
        licence_valid_until=licence_valid_until,
        trained_on=trained_on,
        wheelchair_trained=wheelchair_trained,
        door_help=door_help,
    )


def _match_errors(*, vehicle, driver, day, wheelchair, walker, door_help) -> dict:
    """The passenger's needs against the car and the driver, and whether both may ride that day."""
    errors = {}
    if not vehicle.active:
        errors["vehicle"] = _("Deze auto is niet in gebruik.")
    elif wheelchair and not vehicle.wheelchair:
        errors["vehicle"] = _("In deze auto kan geen rolstoel mee. Kies een auto met rolstoelplek.")
    elif walker and not vehicle.walker:
        errors["vehicle"] = _("In deze auto kan geen rollator mee.")
    if not driver.active:
        errors["driver"] = _("Deze chauffeur is niet actief.")
    elif driver.team_id != vehicle.team_id:
        errors["driver"] = _("Deze chauffeur rijdt niet voor dit wijkcentrum.")
    elif driver.trained_on is None:
        errors["driver"] = _("Deze chauffeur heeft de chauffeurstraining nog niet gevolgd.")
    elif driver.licence_valid_until < day:
        errors["driver"] = _("Het rijbewijs van deze chauffeur is op die dag niet meer geldig.")
    elif wheelchair and not driver.wheelchair_trained:
        errors["driver"] = _("Deze chauffeur is niet getraind in rolstoelvervoer.")
    elif door_help and not driver.door_help:
        errors["driver"] = _("Deze chauffeur helpt niet tot aan de deur. Kies een andere chauffeur.")
    return errors


def _taken(vehicle, driver, starts) -> dict:
    taken = RideSlot.objects.filter(starts_at__in=starts)
    errors = {}
    if taken.filter(vehicle=vehicle).exists():
        errors["pickup_at"] = _("Deze auto is op dat moment al geboekt. Kies een andere tijd of auto.")
    elif taken.filter(driver=driver).exists():
        errors["driver"] = _("Deze chauffeur rijdt op dat moment al een andere rit.")
    return errors


@transaction.atomic
def ride_book(
    *,
    vehicle: Vehicle,
    driver: Driver,
    resident,
    pickup_at: datetime.datetime,
    pickup_address: str,
    destination: str,
    purpose: str,
    by,
    duration_minutes: int = SLOT_MINUTES,
    return_at: datetime.datetime | None = None,
    needs_wheelchair: bool = False,
    needs_walker: bool = False,
    needs_door_help: bool = False,
    note: str = "",
) -> RideBooking:
    """Book a ride; ValidationError (Dutch, per field) when it is too soon, does not fit, or is taken."""
    errors = {}
    if pickup_at is None:
        errors["pickup_at"] = _("Vul in wanneer de passagier wordt opgehaald.")
    else:
        day = timezone.localtime(pickup_at).date()
        if day < first_bookable_day():
            errors["pickup_at"] = _(
                "Een rit boekt u minstens een dag van tevoren. De eerste dag die nog kan is %(day)s."
            ) % {"day": date_format(first_bookable_day(), "l j F Y")}
        if return_at is not None:
            if return_at <= pickup_at + datetime.timedelta(minutes=duration_minutes or 0):
                errors["return_at"] = _("De terugrit moet beginnen na het einde van de heenrit.")
            elif timezone.localtime(return_at).date() != day:
                errors["return_at"] = _("De terugrit is op dezelfde dag als de heenrit.")
        errors.update(
            _match_errors(
                vehicle=vehicle,
                driver=driver,
                day=day,
                wheelchair=needs_wheelchair,
                walker=needs_walker,
                door_help=needs_door_help,
            )
        )
    if duration_minutes not in DURATIONS:
        errors["duration_minutes"] = _("Een rit duurt een half uur, een uur of anderhalf uur.")
    if not clean_text(pickup_address, 200):
        errors["pickup_address"] = _("Vul het ophaaladres in.")
    if not clean_text(destination, 200):
        errors["destination"] = _("Vul de bestemming in.")
    if purpose not in RideBooking.Purpose.values:
        errors["purpose"] = _("Kies het doel van de rit.")
    raise_if(errors)
    require_member(by, vehicle.team)
    starts = slot_starts(pickup_at, duration_minutes)
    if return_at is not None:
        starts += [s for s in slot_starts(return_at, duration_minutes) if s not in starts]
    raise_if(_taken(vehicle, driver, starts))
    booking = RideBooking.objects.create(
        vehicle=vehicle,
        driver=driver,
        resident=resident,
        team=vehicle.team,
        booked_by=by,
        pickup_at=pickup_at,
        duration_minutes=duration_minutes,
        return_at=return_at,
        pickup_address=clean_text(pickup_address, 200),
        destination=clean_text(destination, 200),
        purpose=purpose,
        needs_wheelchair=needs_wheelchair,
        needs_walker=needs_walker,
        needs_door_help=needs_door_help,
        note=clean_text(note, 300),
    )
    try:
        with transaction.atomic():
            RideSlot.objects.bulk_create(
                RideSlot(booking=booking, vehicle=vehicle, driver=driver, starts_at=s) for s in starts
            )
    except IntegrityError:
        # Another booking took the slot between our check and our insert (two bookings at once).
        raise_if(
            _taken(vehicle, driver, starts) or {"pickup_at": _("Deze auto of chauffeur is op dat moment al geboekt.")}
        )
    return booking


@transaction.atomic
def ride_cancel(*, booking: RideBooking, by) -> RideBooking:
    if booking.status != RideBooking.Status.BOOKED:
        raise_if({"__all__": _("Deze rit is niet meer geboekt.")})
    require_member(by, booking.team)
    booking.status, booking.cancelled_at = RideBooking.Status.CANCELLED, timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    booking.slots.all().delete()  # the car and the driver are free again
    return booking


@transaction.atomic
def driver_feed_renew(*, driver: Driver) -> Driver:
    """A new secret address for the driver's calendar; the old one stops working at once."""
    driver.feed_token = feed_token()
    driver.save(update_fields=["feed_token"])
    return driver
