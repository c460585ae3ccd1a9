"""Volunteers: the coordinator's lists (by status, at risk of dropping out, VOG expiring) and the volunteer's own record."""

import datetime

from django.db.models import Count, Max, Q
from django.utils import timezone

from wijkkracht.access.reads import read_list, read_one, read_page
from wijkkracht.access.scopes import scope_q
from wijkkracht.volunteers.models import LIVE_STATUSES, VOG_VALID_YEARS, Volunteer

SPEC = Volunteer.personal_data
STATUSES = Volunteer.Status.choices
AT_RISK_WEEKS = 8
VOG_WARN_DAYS = 56


def volunteer_queryset():
    return Volunteer.objects.select_related("team", "neighbourhood", "user").prefetch_related("skills")


def volunteer_get(*, user, public_id, view: str, permission: str | None = None) -> Volunteer:
    return read_one(
        SPEC,
        user=user,
        view=view,
        lookup={"public_id": public_id},
        queryset=volunteer_queryset(),
        permission=permission,
    )


def volunteer_page(*, user, view: str, status: str = "", page=1, per_page: int = 25):
    qs = volunteer_queryset().annotate(live=Count("matches", filter=Q(matches__status__in=LIVE_STATUSES)))
    if status:
        qs = qs.filter(status=status)
    return read_page(
        SPEC,
        user=user,
        view=view,
        queryset=qs.order_by("first_name", "last_name", "id"),
        page=page,
        per_page=per_page,
        fields=("name", "postcode", "status", "vog"),
    )


def my_volunteer(*, user, view: str) -> Volunteer | None:
    """The volunteer record of the logged-in volunteer (their own), or None."""
    found = read_list(
        SPEC,
        user=user,
        view=view,
        queryset=volunteer_queryset().filter(user=user),
        limit=1,
        permission="volunteers.volunteer_self",
    )
    return found[0] if found else None


def _years_back(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def vog_lapse_window(today: datetime.date, days: int) -> tuple[datetime.date, datetime.date]:
    """VOGs issued in this range lapse between ``today`` and ``today + days``."""
    return _years_back(today, VOG_VALID_YEARS), _years_back(today + datetime.timedelta(days=days), VOG_VALID_YEARS)


def vog_expiring(*, user, view: str, days: int = VOG_WARN_DAYS, limit: int = 20, today=None) -> list:
    today = today or timezone.localdate()
    start, end = vog_lapse_window(today, days)
    qs = volunteer_queryset().filter(status=Volunteer.Status.ACTIVE, vog_issued_on__gte=start, vog_issued_on__lte=end)
    return read_list(
        SPEC, user=user, view=view, queryset=qs.order_by("vog_issued_on"), limit=limit, fields=("name", "vog")
    )


def volunteers_at_risk(*, user, view: str, weeks: int = AT_RISK_WEEKS, limit: int = 20, today=None) -> list:
    """Who may drop out: paused, VOG lapsing, or active without a match for ``weeks`` weeks."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(weeks=weeks)
    start, end = vog_lapse_window(today, VOG_WARN_DAYS)
    qs = volunteer_queryset().annotate(
        live=Count("matches", filter=Q(matches__status__in=LIVE_STATUSES)),
        last_end=Max("matches__ended_on"),
    )
    idle = Q(status=Volunteer.Status.ACTIVE, live=0) & (
        Q(last_end__lt=since) | Q(last_end__isnull=True, status_changed_at__date__lt=since)
    )
    lapsing = Q(status=Volunteer.Status.ACTIVE, vog_issued_on__gte=start, vog_issued_on__lte=end)
    qs = qs.filter(idle | lapsing | Q(status=Volunteer.Status.PAUSED)).order_by("status_changed_at", "id")
    found = read_list(SPEC, user=user, view=view, queryset=qs, limit=limit, fields=("name", "status", "vog"))
    for v in found:
        if v.status == Volunteer.Status.PAUSED:
            v.risk = "paused"
        elif v.vog_issued_on and start <= v.vog_issued_on <= end:
            v.risk = "vog"
        else:
            v.risk = "idle"
    return found


def volunteer_counts(*, user) -> dict:
    """Volunteers I may see per status: a figure, not personal data, not logged."""
    if not user.has_perm(SPEC.permission):
        return {}
    rows = Volunteer.objects.filter(scope_q(SPEC, user)).values("status").annotate(n=Count("id"))
    counts = {value: 0 for value, _label in STATUSES}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
