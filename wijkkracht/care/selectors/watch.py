"""Pilot-light contacts (waakvlam): periodic contact with a vulnerable resident, owned by a team."""

import datetime

from django.utils import timezone

from wijkkracht.access.reads import count, read_list, read_one, read_page
from wijkkracht.access.rules import CASE_ROLES
from wijkkracht.accounts.models import User
from wijkkracht.care.models import WatchContact
from wijkkracht.cases.models import Contact
from wijkkracht.core.counting import counted, total

SPEC = WatchContact.personal_data
DUE_WITHIN_DAYS = 7
WATCH_CONTACT_FIELDS = ["kind", "at", "note", "by"]


def _watch_queryset():
    return WatchContact.objects.select_related("resident__household", "owner", "team")


def _due(*, owner=None, team=None, overdue_only: bool = False):
    today = timezone.localdate()
    qs = _watch_queryset().filter(ended_at__isnull=True).order_by("next_due", "id")
    if overdue_only:
        qs = qs.filter(next_due__lt=today)
    else:
        qs = qs.filter(next_due__lte=today + datetime.timedelta(days=DUE_WITHIN_DAYS))
    if owner is not None:
        qs = qs.filter(owner=owner)
    if team is not None:
        qs = qs.filter(team=team)
    return qs


def watch_due_page(
    *, user, view: str, team_id=None, mine: bool = False, overdue_only: bool = False, page=1, per_page: int = 25
):
    """Active pilot-light contacts due within a week (overdue first), of my teams or my own."""
    qs = _due(owner=user if mine else None, overdue_only=overdue_only)
    if team_id:
        qs = qs.filter(team_id=team_id)
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page, per_page=per_page)


def watch_due_list(*, user, view: str, owner=None, team=None, overdue_only: bool = False, limit: int = 25) -> list:
    """The same as a bounded list (my caseload: owner=me; the team board: team, overdue only)."""
    return read_list(
        SPEC, user=user, view=view, queryset=_due(owner=owner, team=team, overdue_only=overdue_only), limit=limit
    )


def watch_due_counted(
    *, user, view: str, owner=None, team=None, overdue_only: bool = False, limit: int = 25
) -> tuple[list, int]:
    """``watch_due_list`` and how many there are in all (``watch_due_count``), in one query."""
    queryset = counted(_due(owner=owner, team=team, overdue_only=overdue_only))
    rows = read_list(SPEC, user=user, view=view, queryset=queryset, limit=limit)
    return rows, total(rows)


def watch_due_count(*, user, owner=None, team=None, overdue_only: bool = False) -> int:
    """How many of those there are: a figure, not logged."""
    return count(SPEC, user, _due(owner=owner, team=team, overdue_only=overdue_only))


def watch_get(*, user, public_id, view: str, permission: str = "care.view_watch") -> WatchContact:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_watch_queryset(), permission=permission
    )


def watch_recent_contacts(*, user, watch, view: str, limit: int = 10) -> list:
    """The latest pilot-light contacts logged for the resident of a watch contact already read."""
    return read_list(
        Contact.personal_data,
        user=user,
        view=view,
        queryset=Contact.objects.filter(resident_id=watch.resident_id, context=Contact.Context.WATCH)
        .select_related("by", "resident")
        .order_by("-at", "-id"),
        fields=WATCH_CONTACT_FIELDS,
        limit=limit,
    )


def watch_owner_choices(*, team):
    """Who may own a pilot-light contact of a team: its workers and team leads (a queryset, for a form)."""
    if team is None:
        return User.objects.none()
    return User.objects.filter(memberships__team=team, role__in=CASE_ROLES, is_active=True).order_by(
        "first_name", "last_name", "id"
    )
