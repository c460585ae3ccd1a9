"""Matches: the coordinator's lists, and the volunteer's own view that shows only what they need.

A volunteer sees a match as a ``VolunteerMatchView``: the resident's first name and neighbourhood, the task
and when; the address only once the match is active. Never case notes, a BSN or a plan: the view holds
nothing else, and the audit entry names exactly these fields.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Sum
from django.utils import timezone

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.reads import log_objects, read_list, read_one, read_page, refuse, scoped
from wijkkracht.volunteers.choices import DAY_NAMES, Kind, slot_labels
from wijkkracht.volunteers.links import proposal_token_read
from wijkkracht.volunteers.models import LIVE_STATUSES, Concern, HoursEntry, Match, Volunteer

SPEC = Match.personal_data
S = Match.Status
GROUPS = {
    "suggested": (S.SUGGESTED,),
    "proposed": (S.PROPOSED, S.AGREED, S.INTRODUCED),
    "active": (S.ACTIVE,),
    "ended": (S.ENDED, S.DECLINED, S.WITHDRAWN),
}
VOLUNTEER_FIELDS = ("first_name", "neighbourhood", "task", "when", "status", "introduction_at")
ACTIVE_FIELDS = (*VOLUNTEER_FIELDS, "address")


def match_queryset():
    return Match.objects.select_related(
        "volunteer", "request", "resident__household__neighbourhood", "team", "coordinator"
    ).annotate(hours_total=Sum("hours__hours"))


def match_get(*, user, public_id, view: str, permission: str | None = None) -> Match:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=match_queryset(), permission=permission
    )


def match_page(*, user, view: str, group: str = "proposed", page=1, per_page: int = 25):
    qs = match_queryset().filter(status__in=GROUPS.get(group, GROUPS["proposed"])).order_by("-created_at", "-id")
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page, per_page=per_page)


def follow_ups_due(*, user, view: str, limit: int = 20, today=None) -> list:
    """Active matches whose "how is it going?" call is due (four weeks after the start)."""
    today = today or timezone.localdate()
    qs = match_queryset().filter(status=S.ACTIVE, follow_up_due__lte=today, follow_up_done_at__isnull=True)
    return read_list(SPEC, user=user, view=view, queryset=qs.order_by("follow_up_due", "id"), limit=limit)


def concerns_open(*, user, view: str, limit: int = 20) -> list:
    """Problems volunteers reported that no coordinator handled yet (each on a match I may see)."""
    matches = read_list(
        SPEC,
        user=user,
        view=view,
        queryset=match_queryset().filter(concerns__handled_at__isnull=True).distinct().order_by("-id"),
        limit=limit,
    )
    by_match = {m.pk: m for m in matches}
    concerns = list(
        Concern.objects.filter(match_id__in=list(by_match), handled_at__isnull=True).order_by("reported_at")
    )
    for concern in concerns:
        concern.match_read = by_match[concern.match_id]
    return concerns


def match_hours(*, match: Match, limit: int = 20) -> list:
    """The hours written on a match already read through the kernel (part of the same record)."""
    return list(HoursEntry.objects.filter(match=match)[:limit])


def match_concerns(*, match: Match) -> list:
    return list(Concern.objects.filter(match=match).select_related("handled_by"))


# --- what a volunteer sees -------------------------------------------------------------------------


@dataclass
class VolunteerMatchView:
    """A match as its volunteer may see it (nothing else is in here)."""

    public_id: str
    status: str
    status_label: str
    kind_label: str
    task: str
    when: list
    first_name: str
    neighbourhood: str
    introduction_at: datetime.datetime | None
    started_on: datetime.date | None
    weekly: str
    address: str = ""
    hours_total: float = 0
    ended_on: datetime.date | None = None
    weekly_day: int | None = None
    weekly_time: datetime.time | None = None
    hours: list = field(default_factory=list)

    @property
    def can_respond(self) -> bool:
        return self.status == S.PROPOSED

    @property
    def can_report(self) -> bool:
        return self.status in (S.INTRODUCED, S.ACTIVE)


def shows_address(match: Match) -> bool:
    return match.status == S.ACTIVE


def volunteer_view(match: Match) -> VolunteerMatchView:
    household = match.resident.household
    weekly = ""
    if match.weekly_day is not None and match.weekly_time is not None:
        weekly = f"{DAY_NAMES[match.weekly_day]} {match.weekly_time:%H:%M}"
    return VolunteerMatchView(
        public_id=str(match.public_id),
        status=match.status,
        status_label=str(match.get_status_display()),
        kind_label=str(Kind(match.request.kind).label),
        task=match.request.task,
        when=slot_labels(match.request.availability),
        first_name=match.resident.first_name,
        neighbourhood=household.neighbourhood.name,
        introduction_at=match.introduction_at,
        started_on=match.started_on,
        weekly=weekly,
        address=household.address if shows_address(match) else "",
        hours_total=float(getattr(match, "hours_total", 0) or 0),
        ended_on=match.ended_on,
        weekly_day=match.weekly_day,
        weekly_time=match.weekly_time,
    )


def _log_for_volunteer(*, user, view: str, matches: list) -> None:
    """One entry per resident, naming the fields the volunteer was shown (the address only when active)."""
    for fields, group in (
        (ACTIVE_FIELDS, [m for m in matches if shows_address(m)]),
        (VOLUNTEER_FIELDS, [m for m in matches if not shows_address(m)]),
    ):
        log_objects(SPEC, user=user, view=view, objects=group, fields=fields)


def _own(user, queryset=None):
    return scoped(SPEC, user, queryset if queryset is not None else match_queryset())


def my_matches(*, user, view: str, current: bool = True, permission: str = "volunteers.volunteer_self") -> list:
    """The volunteer's own matches: proposals and live ones (``current``), or the ended ones."""
    if not user.has_perm(permission):
        return []
    statuses = LIVE_STATUSES if current else (S.ENDED,)
    matches = list(_own(user).filter(status__in=statuses).order_by("-created_at", "-id")[:50])
    _log_for_volunteer(user=user, view=view, matches=matches)
    return [volunteer_view(m) for m in matches]


def my_match_page(*, user, view: str, page=1, per_page: int = 25):
    """The volunteer's current matches, one page (only those on it are logged), as ``VolunteerMatchView``."""
    if not user.has_perm("volunteers.volunteer_self"):
        raise NotFoundOrForbidden
    qs = _own(user).filter(status__in=LIVE_STATUSES).order_by("-created_at", "-id")
    page_obj = Paginator(qs, per_page).get_page(page)
    matches = list(page_obj.object_list)
    _log_for_volunteer(user=user, view=view, matches=matches)
    page_obj.object_list = [volunteer_view(m) for m in matches]
    return page_obj


def my_match_get(*, user, public_id, view: str) -> tuple[Match, VolunteerMatchView]:
    """One of my matches (the record, for the services, and what I may see of it), or a refusal."""
    if not user.has_perm("volunteers.volunteer_self"):
        refuse(user=user, ref=public_id, view=view)
    match = _own(user).filter(public_id=public_id).exclude(status=S.SUGGESTED).first()
    if match is None:
        refuse(user=user, ref=public_id, view=view)
    _log_for_volunteer(user=user, view=view, matches=[match])
    shown = volunteer_view(match)
    shown.hours = match_hours(match=match, limit=10)
    return match, shown


def proposal_by_token(*, token: str, view: str) -> tuple[Match, VolunteerMatchView] | None:
    """The proposal an e-mail's signed link points at, read as its volunteer; None when the link is void."""
    data = proposal_token_read(token)
    if data is None:
        return None
    volunteer = Volunteer.objects.filter(pk=data["v"]).select_related("user").first()
    if volunteer is None or volunteer.user is None:
        return None
    user = volunteer.user
    if not user.has_perm("volunteers.read_by_link"):
        return None
    match = _own(user).filter(public_id=data["m"]).first()
    if match is None:
        return None
    _log_for_volunteer(user=user, view=view, matches=[match])
    return match, volunteer_view(match)


def calendar_by_token(*, token: str, view: str) -> list | None:
    """The appointments of the volunteer whose secret calendar address this is, read as that volunteer."""
    volunteer = Volunteer.objects.filter(calendar_token=token).select_related("user").first()
    if volunteer is None or volunteer.user is None or not volunteer.user.has_perm("volunteers.read_by_link"):
        return None
    user = volunteer.user
    matches = list(_own(user).filter(status__in=(S.INTRODUCED, S.ACTIVE, S.AGREED)).order_by("id")[:50])
    _log_for_volunteer(user=user, view=view, matches=matches)
    return [volunteer_view(m) for m in matches]
