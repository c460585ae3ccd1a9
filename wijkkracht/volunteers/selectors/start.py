"""The start-page tiles: the coordinator's work and the volunteer's matches (core.registries)."""

from django.utils import timezone

from wijkkracht.access.reads import count
from wijkkracht.volunteers.models import Concern, Match, VolunteerRequest

from .matches import my_matches
from .volunteers import volunteers_at_risk


def coordinator_tile(*, request) -> dict | None:
    user = request.user
    if not user.has_perm("volunteers.coordinate"):
        return None
    today = timezone.localdate()
    spec = Match.personal_data
    return {
        "open_requests": count(
            VolunteerRequest.personal_data, user, VolunteerRequest.objects.filter(status=VolunteerRequest.Status.OPEN)
        ),
        "suggested": count(spec, user, Match.objects.filter(status=Match.Status.SUGGESTED)),
        "waiting": count(spec, user, Match.objects.filter(status=Match.Status.PROPOSED)),
        "follow_ups": count(
            spec,
            user,
            Match.objects.filter(status=Match.Status.ACTIVE, follow_up_due__lte=today, follow_up_done_at__isnull=True),
        ),
        "concerns": count(
            spec, user, Match.objects.filter(pk__in=Concern.objects.filter(handled_at__isnull=True).values("match_id"))
        ),
        "at_risk": len(volunteers_at_risk(user=user, view="core:home", limit=50)),
    }


def volunteer_tile(*, request) -> dict | None:
    user = request.user
    if not user.has_perm("volunteers.volunteer_self"):
        return None
    matches = my_matches(user=user, view="core:home")
    return {
        "proposals": [m for m in matches if m.can_respond],
        "live": [m for m in matches if not m.can_respond],
    }
