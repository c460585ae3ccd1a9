"""The ride service (Max-mobiel): a small electric car per community centre, trained volunteer drivers, rides
booked at least a day ahead. No car and no driver is booked twice for the same time: every booking holds
its time slots (``RideSlot``), and the database refuses a second slot for the same car or driver at the same
moment (two unique constraints, the same on SQLite and PostgreSQL), also when two bookings arrive at once."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.core.references import ShortReference
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

from .provisions import CollectiveProvision

SLOT_MINUTES = 30


def feed_token() -> str:
    return secrets.token_urlsafe(24)


class Vehicle(models.Model):
    provision = models.ForeignKey(CollectiveProvision, on_delete=models.CASCADE, related_name="vehicles")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("naam"), max_length=100)
    plate = models.CharField(_("kenteken"), max_length=12, blank=True)
    seats = models.PositiveSmallIntegerField(_("zitplaatsen voor passagiers"), default=1)
    wheelchair = models.BooleanField(_("rolstoel kan mee"), default=False)
    walker = models.BooleanField(_("rollator kan mee"), default=True)
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("auto")
        verbose_name_plural = _("auto's")

    def __str__(self):
        return self.name


class Driver(models.Model):
    """A trained volunteer driver (a user with the role volunteer). Where issue 10's volunteer record meets
    this one: ``user`` (screening and availability belong to the volunteer record)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="driver")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    licence_valid_until = models.DateField(_("rijbewijs geldig tot"))
    trained_on = models.DateField(_("chauffeurstraining gevolgd op"), null=True, blank=True)
    wheelchair_trained = models.BooleanField(_("mag rolstoelvervoer doen"), default=False)
    door_help = models.BooleanField(_("helpt tot aan de deur"), default=True)
    active = models.BooleanField(_("actief"), default=True)
    # The secret part of the driver's calendar-feed address; a new one makes the old address stop working.
    feed_token = models.CharField(max_length=64, unique=True, default=feed_token, editable=False)

    class Meta:
        verbose_name = _("chauffeur")
        verbose_name_plural = _("chauffeurs")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class RideBooking(ShortReference, models.Model):
    class Purpose(models.TextChoices):
        DOCTOR = "doctor", _("huisarts of tandarts")
        HOSPITAL = "hospital", _("ziekenhuis of fysiotherapie")
        HAIRDRESSER = "hairdresser", _("kapper")
        FAMILY = "family", _("familie of vrienden")
        SHOP = "shop", _("winkel of markt")
        ACTIVITY = "activity", _("activiteit in de wijk")
        OTHER = "other", _("anders")

    class Status(models.TextChoices):
        BOOKED = "booked", _("geboekt")
        CANCELLED = "cancelled", _("geannuleerd")
        DONE = "done", _("gereden")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vehicle = models.ForeignKey(Vehicle, on_delete=models.PROTECT, related_name="bookings")
    driver = models.ForeignKey(Driver, on_delete=models.PROTECT, related_name="bookings")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(default=timezone.now)
    pickup_at = models.DateTimeField(_("ophalen om"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur van de rit (minuten)"), default=SLOT_MINUTES)
    return_at = models.DateTimeField(_("terugrit om"), null=True, blank=True)
    pickup_address = models.CharField(_("ophaaladres"), max_length=200)
    destination = models.CharField(_("bestemming"), max_length=200)
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices)
    needs_wheelchair = models.BooleanField(_("rolstoel"), default=False)
    needs_walker = models.BooleanField(_("rollator"), default=False)
    needs_door_help = models.BooleanField(_("hulp tot aan de deur"), default=False)
    note = models.CharField(_("opmerking voor de chauffeur"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BOOKED)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        team="team",
        handler="booked_by",
        own="driver__user",  # the driver sees the rides they drive
        fields=("pickup_at", "pickup_address", "destination", "purpose", "needs"),
        permission="provisions.view_records",
    )

    class Meta:
        ordering = ["pickup_at", "id"]
        verbose_name = _("rit")
        verbose_name_plural = _("ritten")
        indexes = [models.Index(fields=["vehicle", "pickup_at"]), models.Index(fields=["driver", "pickup_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(return_at__isnull=True) | models.Q(return_at__gt=models.F("pickup_at")),
                name="ride_return_after_pickup",
            ),
        ]

    def __str__(self):
        return f"Rit {str(self.public_id)[:8].upper()}"


class RideSlot(models.Model):
    """A half hour a booking holds a car and a driver. The unique constraints are the double-booking guard."""

    booking = models.ForeignKey(RideBooking, on_delete=models.CASCADE, related_name="slots")
    vehicle = models.ForeignKey(Vehicle, on_delete=models.CASCADE, related_name="+")
    driver = models.ForeignKey(Driver, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vehicle", "starts_at"], name="ride_slot_vehicle_once"),
            models.UniqueConstraint(fields=["driver", "starts_at"], name="ride_slot_driver_once"),
        ]

    def __str__(self):
        return f"{self.vehicle} {self.starts_at:%Y-%m-%d %H:%M}"
