"""The Self-Reliance Matrix (Zelfredzaamheid-Matrix, ZRM): 13 life domains, levels 1-5, kept over time.

Per domain the worker also records where the strength comes from (the ZRM "krachtenwijzer"): the
resident's own strength, their network, or professional help, so the informal share can be read per domain.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkkracht.core.life_domains import LifeDomain
from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Household, Resident

from .requests import HelpRequest

LEVEL_LABELS = {
    1: _("acute problematiek"),
    2: _("niet zelfredzaam"),
    3: _("beperkt zelfredzaam"),
    4: _("voldoende zelfredzaam"),
    5: _("volledig zelfredzaam"),
}


class StrengthSource(models.TextChoices):
    OWN_STRENGTH = "own_strength", _("eigen kracht")
    NETWORK = "network", _("netwerk")
    PROFESSIONAL = "professional", _("professionele hulp")


class SelfRelianceAssessment(models.Model):
    """One ZRM assessment of a household member at one moment; earlier ones are kept to show change."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="assessments")
    resident = models.ForeignKey(Resident, on_delete=models.PROTECT, related_name="assessments")
    help_request = models.ForeignKey(
        HelpRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="assessments"
    )
    assessed_at = models.DateTimeField(_("datum"), default=timezone.now)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("toelichting"), max_length=2000, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="assessments")

    personal_data = PersonalData(
        category=DataCategory.SUPPORT_PLAN,
        resident="resident",
        team="team",
        handler="assessed_by",
        fields=("zrm_levels", "strength_sources", "note"),
        permission="cases.view_case",
    )

    class Meta:
        verbose_name = _("zelfredzaamheidsmeting (ZRM)")
        ordering = ["-assessed_at", "-id"]

    def __str__(self):
        return f"ZRM {self.assessed_at:%Y-%m-%d}"


class DomainScore(models.Model):
    assessment = models.ForeignKey(SelfRelianceAssessment, on_delete=models.CASCADE, related_name="scores")
    domain = models.CharField(_("leefgebied"), max_length=30, choices=LifeDomain.choices)
    level = models.PositiveSmallIntegerField(_("niveau"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    strength_source = models.CharField(_("kracht komt van"), max_length=20, choices=StrengthSource.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "domain"], name="domain_score_unique"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="domain_score_level_1_5"),
        ]
        ordering = ["id"]

    def __str__(self):
        return f"{self.domain}: {self.level}"

    @property
    def level_label(self):
        return LEVEL_LABELS.get(self.level, "")
