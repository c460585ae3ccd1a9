"""The support plan: one household, one plan, one coordinating worker (regievoerder).

Edits are optimistically locked: every change names the ``version`` it was based on; a change based
on an older version is refused as a conflict, so a second worker never silently overwrites the first.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Household

from .assessments import LifeDomain


class SupportPlan(models.Model):
    household = models.OneToOneField(Household, on_delete=models.PROTECT, related_name="support_plan")
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="coordinated_plans",
        verbose_name=_("regievoerder"),
    )
    summary = models.TextField(_("samenvatting"), max_length=4000, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The team that holds the plan (the coordinator's team for this household).
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, related_name="support_plans")

    personal_data = PersonalData(
        category=DataCategory.SUPPORT_PLAN,
        household="household",
        team="team",
        handler="coordinator",
        fields=("summary", "coordinator", "goals", "actions"),
        permission="cases.view_case",
    )

    class Meta:
        verbose_name = _("plan")

    def __str__(self):
        return f"Plan {self.household}"


class PlanGoal(models.Model):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(pgettext_lazy("plan goal", "doel"), max_length=500)
    domain = models.CharField(_("leefgebied"), max_length=30, choices=LifeDomain.choices, blank=True)
    achieved_at = models.DateField(_("bereikt op"), null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.text[:40]


class PlanAction(models.Model):
    """An agreed action: what, who does it (a worker, the resident, someone in the network), by when."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="actions")
    goal = models.ForeignKey(PlanGoal, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions")
    text = models.CharField(_("afspraak"), max_length=500)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="plan_actions"
    )
    owner_name = models.CharField(_("wie (als het geen medewerker is)"), max_length=120, blank=True)
    due_date = models.DateField(_("uiterlijk"))
    done_at = models.DateField(_("gedaan op"), null=True, blank=True)

    personal_data = PersonalData(
        category=DataCategory.SUPPORT_PLAN,
        household="plan__household",
        team="plan__team",
        handler="owner_user",
        fields=("text", "due_date", "owner"),
        permission="cases.view_case",
    )

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["owner_user", "done_at", "due_date"])]

    def __str__(self):
        return self.text[:40]
