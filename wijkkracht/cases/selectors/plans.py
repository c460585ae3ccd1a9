"""Reads of the household plan and the ZRM, through wijkkracht.access.reads (policy + audit log).

Both belong to the data category "plan en zelfredzaamheid" (``AccessGrant.Category.SUPPORT_PLAN``): team
roles see them for their teams' households, grant roles only with a grant for that category.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from wijkkracht.access.reads import may_read, read_list, read_one, refuse
from wijkkracht.access.scopes import resident_facts, scope_q
from wijkkracht.audit.services import audit_call
from wijkkracht.cases.models import (
    HelpRequest,
    LifeDomain,
    PlanAction,
    PlanGoal,
    SelfRelianceAssessment,
    StrengthSource,
    SupportPlan,
)
from wijkkracht.cases.models.assessments import LEVEL_LABELS
from wijkkracht.cases.services.plans import coordinator_candidates, household_colleagues
from wijkkracht.core.personal_data import DataCategory, PersonalData
from wijkkracht.people.models import Household, Resident

VIEW = "cases.view_case"
# A household without a plan yet: the teams serving its neighbourhood (or a grant for the plan category)
# may open its plan page to make one. Not registered: the household's own declaration is people's.
_PLANLESS_HOUSEHOLD = PersonalData(
    category=DataCategory.SUPPORT_PLAN,
    household="",
    fields=("address", "members"),
    permission=VIEW,
    model=Household,
)
# The resident whose ZRM is read: their name goes with the plan category (a resident who shares their
# plan and ZRM with an organisation shares whose they are).
_ZRM_RESIDENT = PersonalData(
    category=DataCategory.SUPPORT_PLAN, resident="", fields=("name",), permission=VIEW, model=Resident
)
WORK = "cases.work_request"

PLAN_FIELDS = ["address", "members", "summary", "coordinator", "goals", "actions"]
ASSESSMENT_FIELDS = ["name", "zrm_levels", "strength_sources", "note"]
HISTORY_MOMENTS = 8
INFORMAL_SOURCES = frozenset({StrengthSource.OWN_STRENGTH, StrengthSource.NETWORK})


# --- the plan ------------------------------------------------------------------------------------


def _live_members():
    return Resident.objects.filter(merged_into__isnull=True).order_by("birth_date", "id")


def _action_queryset():
    return PlanAction.objects.select_related("owner_user", "goal")


def plan_prefetches(prefix: str = "") -> list[Prefetch]:
    """Goals and actions of a plan in two queries (prefix for a plan reached through a relation)."""
    return [
        Prefetch(f"{prefix}goals", queryset=PlanGoal.objects.order_by("id")),
        Prefetch(f"{prefix}actions", queryset=_action_queryset()),
    ]


@dataclass
class PlanPage:
    """A household as its plan page shows it: the address, its members, and its plan (None if none yet)."""

    household: Household
    plan: SupportPlan | None
    members: list = field(default_factory=list)

    @property
    def open_actions(self) -> list:
        return [a for a in self.plan.actions.all() if a.done_at is None] if self.plan else []

    @property
    def done_actions(self) -> list:
        return [a for a in self.plan.actions.all() if a.done_at is not None] if self.plan else []


def plan_page(*, user, household_public_id, view: str, permission: str = VIEW) -> PlanPage:
    """The household and its plan, by the policy for the plan (its team, or a grant for the plan); every
    member is logged as read. A household without a plan: its team's members (or a grant for the plan
    category) may open the page to make one. Names of members the user may not see are left out."""
    queryset = (
        Household.objects.select_related("neighbourhood", "support_plan__coordinator", "support_plan__updated_by")
        .prefetch_related(Prefetch("residents", queryset=_live_members(), to_attr="members"))
        .prefetch_related(*plan_prefetches("support_plan__"))
    )
    with audit_call():
        plan = (
            read_list(
                SupportPlan.personal_data,
                user=user,
                view=view,
                queryset=SupportPlan.objects.filter(household__public_id=household_public_id),
                permission=permission,
                fields=PLAN_FIELDS,
            )
            or [None]
        )[0]
        if plan is None:
            household = read_one(
                _PLANLESS_HOUSEHOLD,
                user=user,
                view=view,
                lookup={"public_id": household_public_id},
                queryset=queryset.filter(support_plan__isnull=True),
                permission=permission,
                fields=PLAN_FIELDS,
            )
        else:
            household = queryset.get(pk=plan.household_id)
        members = _visible_members(user=user, view=view, household=household)
    try:
        plan = household.support_plan
    except SupportPlan.DoesNotExist:
        plan = None
    return PlanPage(household=household, plan=plan, members=members)


def support_plan_get(*, user, household_public_id, view: str, permission: str = VIEW) -> SupportPlan:
    """The plan of a household (by the household's public id); no plan, or refused: NotFoundOrForbidden."""
    queryset = (
        SupportPlan.objects.select_related("household__neighbourhood", "coordinator", "updated_by")
        .prefetch_related(Prefetch("household__residents", queryset=_live_members(), to_attr="members"))
        .prefetch_related(*plan_prefetches())
    )
    return read_one(
        SupportPlan.personal_data,
        user=user,
        view=view,
        lookup={"household__public_id": household_public_id},
        queryset=queryset,
        fields=PLAN_FIELDS,
        permission=permission,
    )


def plan_for_resident(*, user, resident, view: str, about=None) -> SupportPlan | None:
    """The plan of the resident's household, if there is one and the user may see it (logged).

    ``about`` (access.scopes.resident_facts), when the caller decided it already for this resident."""
    plans = read_list(
        SupportPlan.personal_data,
        user=user,
        view=view,
        # The resident page shows the plan's summary and how many goals and actions it has.
        queryset=SupportPlan.objects.filter(household_id=resident.household_id)
        .select_related("coordinator", "team")
        .annotate(goal_count=Count("goals", distinct=True), action_count=Count("actions", distinct=True)),
        about=about,
        fields=["summary", "coordinator", "goals", "actions"],
        limit=1,
    )
    return plans[0] if plans else None


def _visible_members(*, user, view: str, household) -> list:
    """The household's members whose names the user may see (each logged); the others are left out."""
    return read_list(
        Resident.personal_data,
        user=user,
        view=view,
        queryset=_live_members().filter(household=household),
        fields=["name", "birth_date"],
        permission="cases.view_case",
    )


def plan_colleagues(*, household):
    """Who can coordinate the plan or own an action: staff of the household's team (no resident data)."""
    return {"coordinators": coordinator_candidates(household), "colleagues": household_colleagues(household)}


# --- the ZRM ------------------------------------------------------------------------------------


@dataclass
class Cell:
    level: int | None
    level_label: str = ""
    source: str = ""
    source_label: str = ""
    change: str = ""  # "up", "down", "same", or "" for the first moment / no score

    @property
    def informal(self) -> bool:
        return self.source in INFORMAL_SOURCES


@dataclass
class DomainRow:
    domain: str
    label: str
    cells: list

    @property
    def latest(self) -> Cell | None:
        return next((c for c in reversed(self.cells) if c.level is not None), None)


@dataclass
class AssessmentHistory:
    """The ZRM over time as a table: one row per domain, one column per moment (oldest left)."""

    resident: Resident
    moments: list  # SelfRelianceAssessment, oldest first
    rows: list  # DomainRow, in ZRM order
    total: int  # all assessments ever, also those not shown
    sources: list = field(default_factory=list)  # (label, count) in the latest moment

    @property
    def latest(self):
        return self.moments[-1] if self.moments else None

    @property
    def informal_count(self) -> int:
        return sum(1 for row in self.rows if row.latest and row.latest.informal)


def _change(before: int | None, now: int | None) -> str:
    if before is None or now is None:
        return ""
    return "up" if now > before else "down" if now < before else "same"


def history_table(moments: list) -> list[DomainRow]:
    """Rows per domain, with the change against the previous moment (moments oldest first)."""
    by_moment = [{s.domain: s for s in a.scores.all()} for a in moments]
    source_labels = dict(StrengthSource.choices)
    rows = []
    for domain in LifeDomain:
        cells, previous = [], None
        for scores in by_moment:
            score = scores.get(domain.value)
            level = score.level if score else None
            cells.append(
                Cell(
                    level=level,
                    level_label=LEVEL_LABELS.get(level, ""),
                    source=score.strength_source if score else "",
                    source_label=source_labels.get(score.strength_source, "") if score else "",
                    change=_change(previous, level),
                )
            )
            previous = level if level is not None else previous
        rows.append(DomainRow(domain=domain.value, label=domain.label, cells=cells))
    return rows


def assessment_history(
    *, user, resident_public_id, view: str, limit: int = HISTORY_MOMENTS, permission: str = VIEW
) -> AssessmentHistory:
    """A resident's ZRM assessments the user may see (the latest ``limit``: their team's, or all with a
    grant for the plan category), oldest first in the table; each read logged. Refused when the user
    may see no ZRM of this resident at all."""
    spec = SelfRelianceAssessment.personal_data
    with audit_call():
        resident = read_one(
            _ZRM_RESIDENT,
            user=user,
            view=view,
            lookup={"public_id": resident_public_id},
            queryset=Resident.objects.select_related("household"),
            fields=["name"],
            permission=permission,
        )
        about = resident_facts(user, resident)
        if not may_read(spec, user, about=about):
            refuse(user=user, ref=resident_public_id, view=view)
        assessments = SelfRelianceAssessment.objects.filter(resident=resident)
        recent = read_list(
            spec,
            user=user,
            view=view,
            queryset=assessments.select_related("assessed_by", "help_request")
            .prefetch_related("scores")
            .order_by("-assessed_at", "-id"),
            about=about,
            limit=limit,
            fields=ASSESSMENT_FIELDS,
        )
        total = assessments.filter(scope_q(spec, user, about=about)).count()
    moments = list(reversed(recent))
    rows = history_table(moments)
    counts: dict[str, int] = {}
    for row in rows:
        if row.latest is not None:
            counts[row.latest.source] = counts.get(row.latest.source, 0) + 1
    sources = [(label, counts.get(value, 0)) for value, label in StrengthSource.choices]
    return AssessmentHistory(resident=resident, moments=moments, rows=rows, total=total, sources=sources)


def assessment_help_request_get(*, user, resident, public_id, view: str, permission: str = WORK):
    """The help request an assessment is made for, or a ZRM or plan page came from (it must be this
    resident's, or of this household with ``resident=None``); logged."""
    queryset = HelpRequest.objects.select_related("resident", "household")
    if resident is not None:
        queryset = queryset.filter(resident=resident)
    return read_one(
        HelpRequest.personal_data,
        user=user,
        view=view,
        lookup={"public_id": public_id},
        queryset=queryset,
        fields=["reference", "status"],
        permission=permission,
    )


def assessment_list(*, user, resident_public_id, view: str, limit: int = 50) -> tuple:
    """For the API: the resident and their latest ``limit`` assessments (newest first) with scores."""
    history = assessment_history(user=user, resident_public_id=resident_public_id, view=view, limit=limit)
    return history.resident, list(reversed(history.moments)), history.total
