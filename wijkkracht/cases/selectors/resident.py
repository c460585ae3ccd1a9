"""The case section of the resident page: requests, contacts, plan and latest ZRM, by the policy.

Each part is read (and logged) only when the user may see that category of the resident's data: a team
role sees everything of their teams' residents, a grant role only the categories shared with their
organisation. What is hidden is named (``hidden_categories``) so the page can say who to ask.
The number of queries is fixed, however many requests, contacts, goals or actions there are.
"""

from django.db.models import Case, IntegerField, Value, When
from django.urls import NoReverseMatch, reverse

from wijkkracht.access import selectors as access_selectors
from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.models import AccessGrant
from wijkkracht.access.reads import read_list
from wijkkracht.access.scopes import ResidentAccess, resident_access
from wijkkracht.cases.models import Contact, HelpRequest, LifeDomain, SelfRelianceAssessment, StrengthSource
from wijkkracht.cases.models.assessments import LEVEL_LABELS

from .plans import plan_for_resident

Category = AccessGrant.Category
SECTION_CATEGORIES = (Category.HELP_REQUESTS, Category.SUPPORT_PLAN)
REQUEST_LIMIT = 20
CONTACT_LIMIT = 10


def url_or_none(name: str, *args) -> str | None:
    """A URL that may not exist (yet): pages of other parts link only when they are there."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _requests(*, user, resident, access, view: str) -> list:
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
        user=user,
        permission="cases.view_case",
        queryset=queryset,
        scopes=access.scopes(Category.HELP_REQUESTS),
        subject=lambda r: [str(resident.public_id)],
        object_type="cases.HelpRequest",
        fields=["question", "status", "received_at", "assigned_to"],
        view=view,
        limit=REQUEST_LIMIT,
    )
    for r in requests:
        r.detail_url = url_or_none("cases:request-detail", r.public_id)
    return requests


def _contacts(*, user, resident, access, view: str) -> list:
    return read_list(
        user=user,
        permission="cases.view_case",
        queryset=Contact.objects.filter(resident=resident).select_related("by", "help_request").order_by("-at", "-id"),
        scopes=access.scopes(Category.HELP_REQUESTS),
        subject=lambda c: [str(resident.public_id)],
        object_type="cases.Contact",
        fields=["kind", "at", "note", "by"],
        view=view,
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


def _latest_assessment(*, user, resident, access, view: str):
    found = read_list(
        user=user,
        permission="cases.view_case",
        queryset=SelfRelianceAssessment.objects.filter(resident=resident)
        .select_related("assessed_by")
        .prefetch_related("scores")
        .order_by("-assessed_at", "-id"),
        scopes=access.scopes(Category.SUPPORT_PLAN),
        subject=lambda a: [str(resident.public_id)],
        object_type="cases.SelfRelianceAssessment",
        fields=["zrm_levels", "strength_sources"],
        view=view,
        limit=1,
    )
    return found[0] if found else None


def resident_case_section(*, user, resident, view: str, access: ResidentAccess | None = None) -> dict:
    """What the resident page shows of the case work, for a resident the caller has already read.

    Keys: requests (open first, newest first), contacts (latest 10), plan (with goals and actions, or
    None), latest_assessment (with scores) and latest_scores, can_add_request, can_work (ZRM, plan),
    hidden_categories (values of AccessGrant.Category the user may not see for this resident),
    hidden_category_labels, known_to (when something is hidden: access.selectors.resident_known_to's
    ``{"teams": [{"name", "phone", "email"}], "coordinator": str}``, or None), and the links plan_url, assessment_history_url, assessment_create_url, add_request_url.
    """
    access = access or resident_access(user, resident)
    may_view = user.has_perm("cases.view_case")
    visible = {c: may_view and access.may_see(c) for c in SECTION_CATEGORIES}
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
    }
    if visible[Category.HELP_REQUESTS]:
        section["requests"] = _requests(user=user, resident=resident, access=access, view=view)
        section["contacts"] = _contacts(user=user, resident=resident, access=access, view=view)
        if section["can_add_request"]:
            section["add_request_url"] = url_or_none("cases:request-create", resident.public_id)
    if visible[Category.SUPPORT_PLAN]:
        section["plan"] = plan_for_resident(user=user, resident=resident, view=view, access=access)
        section["latest_assessment"] = _latest_assessment(user=user, resident=resident, access=access, view=view)
        section["latest_scores"] = latest_scores(section["latest_assessment"])
        section["plan_url"] = reverse("cases:plan-detail", args=[resident.household.public_id])
        section["assessment_history_url"] = reverse("cases:assessment-history", args=[resident.public_id])
        if section["can_work"]:
            section["assessment_create_url"] = reverse("cases:assessment-create", args=[resident.public_id])
    if hidden:
        known_to = getattr(access_selectors, "resident_known_to", None)
        if known_to is not None:
            try:
                section["known_to"] = known_to(user=user, resident=resident, view=view)
            except NotFoundOrForbidden:  # the resident's own details are not shared either
                section["known_to"] = None
    return section
