"""The request page in one audited call: the request, its contacts, the resident's latest ZRM and the
household's plan (goals and actions), each read through wijkkracht.access.reads by its own declaration.

The ZRM and the plan are read only where the user may see the plan category of this resident
(``may_read``); a specialist with only a help-requests grant sees the request without them. The number
of queries is fixed, however many contacts, goals or actions there are.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from wijkkracht.access.reads import may_read, page_reads, read_list
from wijkkracht.access.scopes import resident_facts
from wijkkracht.cases.models import HelpRequest, PlanAction, PlanGoal, SelfRelianceAssessment, SupportPlan

from .requests import help_request_get, request_contact_page

CONTACTS_PER_PAGE = 10


@dataclass
class RequestPage:
    help_request: HelpRequest
    contacts: object  # a Page of contacts, newest first
    plan_visible: bool = False
    latest_assessment: SelfRelianceAssessment | None = None
    plan: SupportPlan | None = None
    today: datetime.date = field(default_factory=timezone.localdate)

    @property
    def goals(self) -> list:
        return list(self.plan.goals.all()) if self.plan else []

    @property
    def open_actions(self) -> list:
        if self.plan is None:
            return []
        actions = [a for a in self.plan.actions.all() if a.done_at is None]
        for action in actions:
            action.is_overdue = action.due_date < self.today
        return actions

    @property
    def overdue_count(self) -> int:
        return sum(1 for a in self.open_actions if a.is_overdue)


def request_page(*, user, public_id, view: str, permission: str = "cases.view_case", page=1) -> RequestPage:
    """Everything the request page shows (one transaction, one audit entry per resident)."""
    with page_reads():
        help_request = help_request_get(user=user, public_id=public_id, view=view, permission=permission)
        contacts = request_contact_page(
            user=user, help_request=help_request, view=view, page=page, per_page=CONTACTS_PER_PAGE
        )
        result = RequestPage(help_request=help_request, contacts=contacts)
        about = resident_facts(user, help_request.resident)
        result.plan_visible = may_read(SupportPlan.personal_data, user, about=about)
        if result.plan_visible:
            assessments = read_list(
                SelfRelianceAssessment.personal_data,
                user=user,
                view=view,
                queryset=SelfRelianceAssessment.objects.filter(resident=help_request.resident)
                .select_related("assessed_by")
                .prefetch_related("scores")
                .order_by("-assessed_at", "-id"),
                about=about,
                fields=["zrm_levels", "strength_sources"],
                limit=1,
            )
            result.latest_assessment = assessments[0] if assessments else None
            plans = read_list(
                SupportPlan.personal_data,
                user=user,
                view=view,
                queryset=SupportPlan.objects.filter(household_id=help_request.household_id)
                .select_related("coordinator")
                .prefetch_related(
                    Prefetch("goals", queryset=PlanGoal.objects.order_by("id")),
                    Prefetch("actions", queryset=PlanAction.objects.select_related("owner_user", "goal")),
                ),
                about=about,
                fields=["summary", "coordinator", "goals", "actions"],
                limit=1,
            )
            result.plan = plans[0] if plans else None
    return result
