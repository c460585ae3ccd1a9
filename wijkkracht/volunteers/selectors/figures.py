"""Figures for the monitoring pages: counts only, never names (not personal data, not logged).

- mediations (matches started) per year; residents who became volunteer per year;
- active volunteers now; matches ended per reason.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from wijkkracht.volunteers.choices import END_REASONS
from wijkkracht.volunteers.models import Match, Volunteer


def volunteer_figures(*, years: int = 10, team_ids=None) -> dict:
    matches = Match.objects.filter(started_on__isnull=False)
    volunteers = Volunteer.objects.all()
    if team_ids is not None:
        matches, volunteers = matches.filter(team_id__in=team_ids), volunteers.filter(team_id__in=team_ids)
    started = dict(
        matches.annotate(year=ExtractYear("started_on")).values("year").annotate(n=Count("id")).values_list("year", "n")
    )
    became = dict(
        volunteers.filter(resident__isnull=False)
        .annotate(year=ExtractYear("registered_at"))
        .values("year")
        .annotate(n=Count("id"))
        .values_list("year", "n")
    )
    all_years = sorted(set(started) | set(became))[-years:]
    ended = dict(
        matches.filter(status=Match.Status.ENDED)
        .values("end_reason")
        .annotate(n=Count("id"))
        .values_list("end_reason", "n")
    )
    return {
        "years": [
            {"year": y, "mediations": started.get(y, 0), "became_volunteer": became.get(y, 0)} for y in all_years
        ],
        "active_volunteers": volunteers.filter(status=Volunteer.Status.ACTIVE).count(),
        "ended_by_reason": [{"reason": label, "n": ended.get(code, 0)} for code, label in END_REASONS],
    }
