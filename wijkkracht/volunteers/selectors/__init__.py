"""Reads for volunteers, requests and matches: every one through the access kernel (policy + audit)."""

from .figures import volunteer_figures  # noqa: F401
from .matches import (  # noqa: F401
    GROUPS,
    VolunteerMatchView,
    calendar_by_token,
    concerns_open,
    follow_ups_due,
    match_concerns,
    match_get,
    match_hours,
    match_page,
    my_match_get,
    my_match_page,
    my_matches,
    proposal_by_token,
)
from .matching import batch_suggestions, candidates_for  # noqa: F401
from .requests import open_requests, request_get, request_page  # noqa: F401
from .volunteers import (  # noqa: F401
    STATUSES,
    my_volunteer,
    vog_expiring,
    volunteer_counts,
    volunteer_get,
    volunteer_page,
    volunteers_at_risk,
)


def skills_active_queryset():
    """The managed list of skills (not personal data)."""
    from wijkkracht.volunteers.models import Skill

    return Skill.objects.filter(active=True).order_by("name")


def skills_all():
    from wijkkracht.volunteers.models import Skill

    return list(Skill.objects.order_by("name"))
