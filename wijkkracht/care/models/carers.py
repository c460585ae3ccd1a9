"""Informal carers (mantelzorgers) and the EDIZ carer-strain questionnaire.

EDIZ (Ervaren Druk door Informele Zorg; Pot, Van Dyck & Deeg 1995): nine statements answered on a
five-point scale; "Ja!", "Ja" and "Min of meer" score 1, "Nee" and "Nee!" score 0. The total (0-9)
from 7 on is read as heavy strain (overbelasting); see wijkkracht/care/ediz.py.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident


class Carer(models.Model):
    class Referral(models.TextChoices):
        NONE = "none", _("niet doorverwezen")
        REFERRED = "referred", _("doorverwezen naar steunpunt mantelzorg")
        RECEIVED = "received", _("ontvangen door steunpunt mantelzorg")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    carer = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="caring_for")
    cared_for = models.ForeignKey(
        Resident, on_delete=models.PROTECT, null=True, blank=True, related_name="cared_for_by"
    )
    cared_for_description = models.CharField(_("voor wie (als niet bekend als inwoner)"), max_length=200, blank=True)
    relationship = models.CharField(_("relatie"), max_length=100, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"), validators=[MinValueValidator(0), MaxValueValidator(168)]
    )
    since = models.DateField(_("zorgt sinds"), null=True, blank=True)
    referral = models.CharField(_("steunpunt mantelzorg"), max_length=20, choices=Referral.choices, default="none")
    referred_at = models.DateTimeField(null=True, blank=True)
    registered_at = models.DateTimeField(default=timezone.now)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ended_at = models.DateField(null=True, blank=True)
    # The team that supports the carer (the team of the worker who registered them).
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="carers")

    personal_data = PersonalData(
        category=DataCategory.CARER_SUPPORT,
        resident="carer",
        others=("cared_for",),
        team="team",
        handler="registered_by",
        fields=("carer", "cared_for", "relationship", "hours_per_week", "since", "referral", "ediz"),
        permission="care.view_carer",
    )

    class Meta:
        verbose_name = _("mantelzorger")
        verbose_name_plural = _("mantelzorgers")
        ordering = ["-registered_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours_per_week__lte=168), name="carer_hours_max_168"),
        ]

    def __str__(self):
        return f"Mantelzorger {str(self.public_id)[:8].upper()}"

    def is_young(self, on=None) -> bool:
        """A young carer (jonge mantelzorger): under 25."""
        on = on or timezone.localdate()
        born = self.carer.birth_date
        age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
        return age < 25


class CarerStrainAssessment(models.Model):
    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="strain_assessments")
    assessed_at = models.DateTimeField(default=timezone.now)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Nine answers, 0 ("Nee!") .. 4 ("Ja!"), in the order of care/ediz.py ITEMS.
    answers = models.JSONField()
    score = models.PositiveSmallIntegerField()
    overloaded = models.BooleanField()

    class Meta:
        ordering = ["-assessed_at", "-id"]

    def __str__(self):
        return f"EDIZ {self.score}"
