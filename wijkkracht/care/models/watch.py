"""A pilot-light contact (waakvlamcontact): periodic contact with a vulnerable resident, on a schedule."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident


class WatchContact(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="watch_contacts")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="watch_contacts")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="watch_contacts", verbose_name=_("eigenaar")
    )
    interval_weeks = models.PositiveSmallIntegerField(
        _("elke hoeveel weken"), validators=[MinValueValidator(1), MaxValueValidator(52)]
    )
    reason = models.CharField(_("waarom"), max_length=500, blank=True)
    next_due = models.DateField(_("volgend contact"))
    last_contact_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.HELP_REQUESTS,
        resident="resident",
        team="team",
        handler="owner",
        fields=("owner", "interval_weeks", "reason", "next_due", "last_contact_at"),
        permission="care.view_watch",
    )

    class Meta:
        verbose_name = _("waakvlamcontact")
        verbose_name_plural = _("waakvlamcontacten")
        ordering = ["next_due", "id"]
        indexes = [models.Index(fields=["team", "ended_at", "next_due"]), models.Index(fields=["owner", "next_due"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(interval_weeks__gte=1, interval_weeks__lte=52), name="watch_interval_1_52"
            )
        ]

    def __str__(self):
        return f"Waakvlam {str(self.public_id)[:8].upper()}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None
