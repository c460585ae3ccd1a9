"""Referrals that name a resident: to a resource on the social map (from a help request), to the food bank
desk, and the city pass as a fact on the resident."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.cases.models import HelpRequest
from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.core.references import ShortReference
from wijkkracht.organisations.models import Organisation, Team
from wijkkracht.people.models import Resident
from wijkkracht.socialmap.models import Resource


class Referral(ShortReference, models.Model):
    """A worker refers a resident to a resource (``social_map_referral``); the receiving organisation reports
    back by its own login or by a one-time link."""

    class Status(models.TextChoices):
        SENT = "sent", _("verstuurd")
        ACCEPTED = "accepted", _("aangenomen")
        WAITING = "waiting", _("op de wachtlijst")
        DECLINED = "declined", _("afgewezen")
        COMPLETED = "completed", _("afgerond")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    help_request = models.ForeignKey(HelpRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    resource = models.ForeignKey(Resource, on_delete=models.PROTECT, related_name="referrals")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    referred_at = models.DateTimeField(default=timezone.now)
    note = models.CharField(_("waarom deze verwijzing"), max_length=500, blank=True)
    # The resident agreed that the provider may see their name and phone number.
    share_contact = models.BooleanField(_("naam en telefoon mogen naar de aanbieder"), default=False)
    # The provider's organisation with accounts in wijkkracht (copied from the resource when referring).
    provider_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SENT)
    status_reason = models.CharField(_("toelichting"), max_length=500, blank=True)
    status_at = models.DateTimeField(null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reported_by_link = models.BooleanField(default=False)
    # The one-time link for a provider without accounts: its nonce, cleared when used or replaced.
    link_nonce = models.CharField(max_length=40, blank=True, editable=False)
    link_created_at = models.DateTimeField(null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        team="team",
        handler="referred_by",
        organisation="provider_organisation",  # the receiving organisation's staff see what was sent to them
        fields=("resource", "status", "note"),
        permission="provisions.view_referral",
    )

    class Meta:
        ordering = ["-referred_at", "-id"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        indexes = [models.Index(fields=["provider_organisation", "status"]), models.Index(fields=["team", "status"])]

    def __str__(self):
        return f"Verwijzing {self.reference}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.SENT, self.Status.ACCEPTED, self.Status.WAITING)


class FoodBankReferral(models.Model):
    class Status(models.TextChoices):
        REFERRED = "referred", _("aangemeld")
        ADMITTED = "admitted", _("toegelaten")
        DECLINED = "declined", _("niet toegelaten")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    referred_at = models.DateTimeField(default=timezone.now)
    household_size = models.PositiveSmallIntegerField(_("personen in het huishouden"))
    reason = models.CharField(_("reden"), max_length=500)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REFERRED)
    decided_at = models.DateTimeField(null=True, blank=True)
    valid_until = models.DateField(_("toegelaten tot"), null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        team="team",
        handler="referred_by",
        fields=("food_bank", "reason", "status", "household_size"),
        permission="provisions.view_records",
    )

    class Meta:
        ordering = ["-referred_at", "-id"]
        verbose_name = _("aanmelding voedselloket")
        verbose_name_plural = _("aanmeldingen voedselloket")

    def __str__(self):
        return f"Voedselloket {str(self.public_id)[:8].upper()}"


class CityPass(models.Model):
    """The city pass (stadspas, AlkmaarPas) as a fact on the resident: seen by the teams of the neighbourhood."""

    resident = models.OneToOneField(Resident, on_delete=models.PROTECT, related_name="+")
    valid_until = models.DateField(_("geldig tot"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    personal_data = PersonalData(
        category=DataCategory.COLLECTIVE_PROVISIONS,
        resident="resident",
        fields=("city_pass",),
        permission="provisions.view_records",
    )

    class Meta:
        verbose_name = _("stadspas")
        verbose_name_plural = _("stadspassen")

    def __str__(self):
        return f"Stadspas tot {self.valid_until:%d-%m-%Y}"

    @property
    def valid(self) -> bool:
        return self.valid_until >= timezone.localdate()
