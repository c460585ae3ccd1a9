"""The volunteering part of the resident page: requests for a volunteer and matches, by the policy."""

from wijkkracht.access.reads import read_list
from wijkkracht.access.scopes import resident_facts
from wijkkracht.volunteers.models import Match, VolunteerRequest

from .matches import match_queryset
from .requests import request_queryset

LIMIT = 10


def resident_volunteer_section(*, user, resident, view: str, about=None) -> dict | None:
    """Open requests and matches ("matched with Henk, buddy") for a resident already read by the caller."""
    if not user.has_perm("volunteers.view_request"):
        return None
    about = about or resident_facts(user, resident)
    requests = read_list(
        VolunteerRequest.personal_data,
        user=user,
        view=view,
        queryset=request_queryset().filter(resident=resident).exclude(status=VolunteerRequest.Status.CLOSED),
        about=about,
        limit=LIMIT,
    )
    matches = read_list(
        Match.personal_data,
        user=user,
        view=view,
        queryset=match_queryset()
        .filter(resident=resident)
        .exclude(status__in=(Match.Status.SUGGESTED, Match.Status.WITHDRAWN))
        .order_by("-created_at"),
        about=about,
        limit=LIMIT,
        fields=("volunteer", "status", "started_on"),
    )
    return {
        "resident": resident,
        "requests": requests,
        "matches": matches,
        "can_add": user.has_perm("volunteers.add_request"),
    }
