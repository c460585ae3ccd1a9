from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.audit.models import Purpose
from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Organisation


class AccessGrantQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(revoked_at__isnull=True, valid_from__lte=at, valid_until__gte=at)


class AccessGrant(models.Model):
    """A resident's data shared with another organisation, for one purpose, until a date.

    Staff outside the resident's own teams see the resident only through an active grant.
    The grant records its ground: the resident's consent or a legal ground.
    """

    class Ground(models.TextChoices):
        CONSENT = "consent", _("toestemming van de inwoner")
        LEGAL = "legal", _("wettelijke grondslag")

    # What is shared: one grant per category, so a resident can share their details but not their plan.
    Category = DataCategory

    # The access module sits below people: the resident is named by label, not imported.
    resident = models.ForeignKey("people.Resident", on_delete=models.CASCADE, related_name="access_grants")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="access_grants")
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices)
    category = models.CharField(
        _("gegevens"), max_length=30, choices=Category.choices, default=Category.PERSONAL_DETAILS
    )
    ground = models.CharField(_("grondslag"), max_length=20, choices=Ground.choices)
    # For a legal ground: the article or decision it rests on; for consent: how it was given.
    basis_note = models.CharField(_("toelichting grondslag"), max_length=250, blank=True)
    valid_from = models.DateTimeField(default=timezone.now)
    valid_until = models.DateTimeField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, null=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    objects = AccessGrantQuerySet.as_manager()

    # Which organisations a resident shares with is personal data too (shown on the resident page).
    personal_data = PersonalData(
        category=DataCategory.PERSONAL_DETAILS,
        resident="resident",
        fields=("consent",),
        permission="people.view_resident",
    )

    class Meta:
        indexes = [models.Index(fields=["organisation", "category", "purpose"])]

    def __str__(self):
        return f"{self.resident} → {self.organisation} ({self.purpose})"
