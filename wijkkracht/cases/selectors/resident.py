"""The case section of the resident page: requests, contacts, plan and latest ZRM, by the policy.

Each part is read (and logged) only when the user may see that category of the resident's data: a team
role sees everything of their teams' residents, a grant role only the categories shared with their
organisation. What is hidden is named (``hidden_categories``) so the page can say who to ask.
The number of queries is fixed, however many requests, contacts, goals or actions there are.
"""

from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkkracht.access.known import known_to, record_owners
from wijkkracht.access.reads import may_read, read_list
from wijkkracht.access.scopes import resident_facts, user_facts
from wijkkracht.cases.models import (
    Contact,
    HelpRequest,
    LifeDomain,
    SelfRelianceAssessment,
    StrengthSource,
    SupportPlan,
)
from wijkkracht.cases.models.assessments import LEVEL_LABELS
from wijkkracht.core.personal_data import DataCategory

from .plans import plan_for_resident

Category = DataCategory
SECTION_CATEGORIES = (Category.HELP_REQUESTS, Category.SUPPORT_PLAN)
REQUEST_LIMIT = 20
CONTACT_LIMIT = 10


def _requests(*, user, resident, about, view: str) -> list:
    queryset = (
        HelpRequest.objects.filter(resident=resident)
        .select_related("assigned_to", "team")
        .annotate(
            closed_last=Case(
                When(status=HelpRequest.Status.CLOSED, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("closed_last", "-received_at", "-id")
    )
    requests = read_list(
        HelpRequest.personal_data,
        user=user,
        view=view,
        queryset=queryset,
        about=about,
        fields=["question", "status", "received_at", "assigned_to"],
        limit=REQUEST_LIMIT,
    )
    for r in requests:
        r.detail_url = reverse("cases:request-detail", args=[r.public_id])
    return requests


def _contacts(*, user, resident, about, view: str) -> list:
    return read_list(
        Contact.personal_data,
        user=user,
        view=view,
        queryset=Contact.objects.filter(resident=resident).select_related("by", "help_request").order_by("-at", "-id"),
        about=about,
        limit=CONTACT_LIMIT,
    )


def latest_scores(assessment) -> list[dict]:
    """The scores of one assessment in ZRM order, ready for a table."""
    if assessment is None:
        return []
    by_domain = {s.domain: s for s in assessment.scores.all()}
    sources = dict(StrengthSource.choices)
    rows = []
    for domain in LifeDomain:
        score = by_domain.get(domain.value)
        if score is not None:
            rows.append(
                {
                    "domain": domain.label,
                    "level": score.level,
                    "level_label": LEVEL_LABELS.get(score.level, ""),
                    "source": sources.get(score.strength_source, ""),
                    "informal": score.strength_source in (StrengthSource.OWN_STRENGTH, StrengthSource.NETWORK),
                }
            )
    return rows


def _latest_assessment(*, user, resident, about, view: str):
    found = read_list(
        SelfRelianceAssessment.personal_data,
        user=user,
        view=view,
        queryset=SelfRelianceAssessment.objects.filter(resident=resident)
        .select_related("assessed_by")
        .prefetch_related("scores")
        .order_by("-assessed_at", "-id"),
        about=about,
        fields=["zrm_levels", "strength_sources"],
        limit=1,
    )
    return found[0] if found else None


def resident_case_section(*, user, resident, view: str, about=None) -> dict | None:
    """What the resident page shows of the case work, for a resident the caller has already read.

    Keys: requests (open first, newest first), contacts (latest 10), plan (with goals and actions, or
    None), latest_assessment (with scores) and latest_scores, can_add_request, can_work (ZRM, plan),
    hidden_categories (values of the data categories of which the user sees nothing of this resident),
    hidden_category_labels, known_to (other teams that hold records about the resident, to call:
    ``{"teams": [{"name", "phone", "email"}], "coordinator": str}``, or None), page_actions and the
    links plan_url, assessment_history_url, assessment_create_url, add_request_url.
    ``about``: what the user may see of this resident (access.scopes.resident_facts), decided once.
    """
    about = about or resident_facts(user, resident)
    if not user.has_perm("cases.view_case"):
        return None
    visible = {
        Category.HELP_REQUESTS: may_read(HelpRequest.personal_data, user, about=about),
        Category.SUPPORT_PLAN: may_read(SupportPlan.personal_data, user, about=about),
    }
    hidden = [c for c in SECTION_CATEGORIES if not visible[c]]
    section = {
        "requests": [],
        "contacts": [],
        "plan": None,
        "latest_assessment": None,
        "latest_scores": [],
        "hidden_categories": hidden,
        "hidden_category_labels": [Category(c).label for c in hidden],
        "known_to": None,
        "can_add_request": visible[Category.HELP_REQUESTS] and user.has_perm("cases.add_request"),
        "can_work": visible[Category.SUPPORT_PLAN] and user.has_perm("cases.work_request"),
        "plan_url": None,
        "assessment_history_url": None,
        "assessment_create_url": None,
        "add_request_url": None,
        "page_actions": [],
    }
    if visible[Category.HELP_REQUESTS]:
        section["requests"] = _requests(user=user, resident=resident, about=about, view=view)
        section["contacts"] = _contacts(user=user, resident=resident, about=about, view=view)
        if section["can_add_request"]:
            section["add_request_url"] = reverse("cases:request-create", args=[resident.public_id])
            section["page_actions"].append({"url": section["add_request_url"], "label": _("Nieuwe hulpvraag")})
    if visible[Category.SUPPORT_PLAN]:
        section["plan"] = plan_for_resident(user=user, resident=resident, view=view, about=about)
        section["latest_assessment"] = _latest_assessment(user=user, resident=resident, about=about, view=view)
        section["latest_scores"] = latest_scores(section["latest_assessment"])
        section["plan_url"] = reverse("cases:plan-detail", args=[resident.household.public_id])
        section["assessment_history_url"] = reverse("cases:assessment-history", args=[resident.public_id])
        if section["can_work"]:
            section["assessment_create_url"] = reverse("cases:assessment-create", args=[resident.public_id])
    mine = set(user_facts(user).team_ids)
    owners = record_owners([resident.pk])[resident.pk]["teams"]
    elsewhere = {t for c in SECTION_CATEGORIES for t in owners.get(c, ())} - mine
    if hidden or elsewhere:
        section["known_to"] = known_to([resident], exclude_team_ids=mine, categories=SECTION_CATEGORIES)[resident.pk]
    return section
