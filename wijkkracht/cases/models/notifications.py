"""A notification: something that needs one user (a request assigned to them, a new signal for their team).

It names a resident, so it is personal data: read only through cases.selectors.notifications, by its
declaration. It belongs to the team of the record it points to: a user who is no longer in that team no
longer sees it, like the record itself.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

from .requests import HelpRequest


class Notification(models.Model):
    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("hulpvraag aan u toegewezen")
        SIGNAL = "signal", _("nieuw signaal voor uw team")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="notifications")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    help_request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # What it points to when that lives in an app above cases (a signal): its public id.
    target_ref = models.UUIDField(null=True, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.HELP_REQUESTS,
        resident="resident",
        team="team",
        handler="recipient",
        grants=False,
        subject_self=True,
        fields=("kind", "resident", "created_at"),
        permission="cases.view_case",
    )

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "created_at"])]

    def __str__(self):
        return f"{self.kind} {self.created_at:%Y-%m-%d}"
