"""A logged contact with a resident: a visit, call, walk-in or message, with a short note."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

from .requests import HelpRequest


class Contact(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", _("huisbezoek")
        CALL = "call", _("telefoongesprek")
        WALK_IN = "walk_in", _("inloop")
        MESSAGE = "message", _("bericht")

    class Context(models.TextChoices):
        HELP_REQUEST = "help_request", _("hulpvraag")
        WATCH = "watch", _("waakvlamcontact")
        OTHER = "other", _("overig")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="contacts")
    help_request = models.ForeignKey(
        HelpRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="contacts"
    )
    context = models.CharField(max_length=20, choices=Context.choices, default=Context.HELP_REQUEST)
    kind = models.CharField(_("soort contact"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("wanneer"), default=timezone.now)
    note = models.TextField(_("korte notitie"), max_length=1000, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The team whose record this is: the request's team, or the pilot-light contact's.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="contacts")

    personal_data = PersonalData(
        category=DataCategory.HELP_REQUESTS,
        resident="resident",
        team="team",
        handler="by",
        fields=("kind", "at", "note", "by"),
        permission="cases.view_case",
    )

    class Meta:
        verbose_name = _("contactmoment")
        verbose_name_plural = _("contactmomenten")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["resident", "at"])]

    def __str__(self):
        return f"Contact {self.kind} {self.at:%Y-%m-%d}"
