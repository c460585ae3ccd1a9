"""The worker's overviews: my caseload and the team board. Reads through wijkkracht.access.reads.

Every list is bounded (``LIMIT``) and counted in the query that reads it (``core.counting``: window
counts over everything in the user's scope), so the number of queries is the same for a team with two
requests as for one with two hundred.
"""

import datetime

from django.db.models import Avg, Count, F, Min, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.access.reads import page_reads, read_list
from wijkkracht.access.scopes import scope_q
from wijkkracht.care import selectors as care_selectors
from wijkkracht.cases.models import HelpRequest, PlanAction
from wijkkracht.cases.services.requests import assignable_workers
from wijkkracht.core.counting import counted, total, totals

# Bounded lists: enough for one screen on a phone; counts tell how many more there are.
LIMIT = 15
CASELOAD_REQUESTS = 30
BOARD_COLUMN = 10
OLD_AFTER_DAYS = 28
ACTIONS_WITHIN_DAYS = 14
OPEN_STATUSES = [s for s in HelpRequest.Status.values if s != HelpRequest.Status.CLOSED]
REQUEST_FIELDS = ["question", "status", "received_at", "assigned_to"]
ACTION_FIELDS = ["text", "due_date", "owner"]


REQUESTS = HelpRequest.personal_data


def _requests(*, user, view: str, queryset, limit: int = LIMIT, permission: str) -> list:
    today = timezone.localdate()
    rows = read_list(
        REQUESTS,
        user=user,
        view=view,
        queryset=queryset.select_related("resident__household", "assigned_to").order_by("received_at", "id"),
        fields=REQUEST_FIELDS,
        permission=permission,
        limit=limit,
    )
    for req in rows:
        req.age_days = (today - timezone.localtime(req.received_at).date()).days
        req.is_old = req.age_days >= OLD_AFTER_DAYS
    return rows


def _group(rows, counts) -> list[dict]:
    return [
        {
            "status": status,
            "label": label,
            "count": counts.get(status, 0),
            "requests": [r for r in rows if r.status == status],
        }
        for status, label in HelpRequest.Status.choices
        if status in OPEN_STATUSES
    ]


@page_reads()  # one transaction for all reads of the page, audit entries appended together at its end
def caseload(*, user, view: str) -> dict:
    """My open requests by status (oldest first, with age), my next plan actions, my pilot-light contacts due."""
    today = timezone.localdate()
    mine = counted(
        HelpRequest.objects.filter(assigned_to=user, status__in=OPEN_STATUSES),
        **{status: Q(status=status) for status in OPEN_STATUSES},
    )
    rows = _requests(user=user, view=view, queryset=mine, permission="cases.view_caseload", limit=CASELOAD_REQUESTS)
    counts = totals(rows, OPEN_STATUSES)
    actions = read_list(
        PlanAction.personal_data,
        user=user,
        view=view,
        permission="cases.view_caseload",
        queryset=PlanAction.objects.filter(
            owner_user=user,
            done_at__isnull=True,
            due_date__lte=today + datetime.timedelta(days=ACTIONS_WITHIN_DAYS),
        )
        .select_related("plan__household", "goal")
        .prefetch_related("plan__household__residents")
        .order_by("due_date", "id"),
        fields=ACTION_FIELDS,
        limit=LIMIT,
    )
    for action in actions:
        action.is_overdue = action.due_date < today
        residents = list(action.plan.household.residents.all())
        action.first_resident = residents[0] if residents else None
    watch, watch_count = [], 0
    if user.has_perm("care.view_watch"):
        watch, watch_count = care_selectors.watch_due_counted(user=user, view=view, owner=user, limit=LIMIT)
    return {
        "today": today,
        "columns": _group(rows, counts),
        "request_total": sum(counts.values()),
        "request_shown": len(rows),
        "actions": actions,
        "watch": watch,
        "watch_count": watch_count,
        "show_watch": user.has_perm("care.view_watch"),
        "old_after_days": OLD_AFTER_DAYS,
    }


def _columns(*, user, view: str, open_requests) -> tuple[list, dict]:
    """The oldest ``BOARD_COLUMN`` open requests of each status and how many there are per status (one
    query: a row number and a count per status, over the requests in the user's scope)."""
    by_status = {"partition_by": [F("status")], "order_by": [F("received_at").asc(), F("id").asc()]}
    queryset = open_requests.annotate(
        wk_rank=Window(RowNumber(), **by_status), wk_in_status=Window(Count("pk"), partition_by=[F("status")])
    ).filter(wk_rank__lte=BOARD_COLUMN)
    rows = _requests(user=user, view=view, queryset=queryset, permission="cases.view_team_board", limit=None)
    return rows, {r.status: r.wk_in_status for r in rows}


@page_reads()
def team_board(*, user, view: str, team) -> dict:
    """One team's open requests per status (counts and the oldest of each), unassigned requests,
    overdue pilot-light contacts and new signals."""
    today = timezone.localdate()
    open_requests = HelpRequest.objects.filter(team=team, status__in=OPEN_STATUSES)
    rows, counts = _columns(user=user, view=view, open_requests=open_requests)
    columns = [
        {
            "status": status,
            "label": label,
            "count": counts.get(status, 0),
            "requests": [r for r in rows if r.status == status],
        }
        for status, label in HelpRequest.Status.choices
        if status in OPEN_STATUSES
    ]
    unassigned = _requests(
        user=user,
        view=view,
        queryset=counted(open_requests.filter(assigned_to__isnull=True)),
        permission="cases.view_team_board",
        limit=BOARD_COLUMN,
    )
    overdue_watch, overdue_watch_count = care_selectors.watch_due_counted(
        user=user, view=view, team=team, overdue_only=True, limit=LIMIT
    )
    new_signals, new_signal_count = care_selectors.signal_new_counted(
        user=user, view=view, team=team, limit=BOARD_COLUMN
    )
    return {
        "today": today,
        "team": team,
        "columns": columns,
        "request_total": sum(counts.values()),
        "unassigned": unassigned,
        "unassigned_count": total(unassigned),
        "overdue_watch": overdue_watch,
        "overdue_watch_count": overdue_watch_count,
        "new_signals": new_signals,
        # The board shows how many signals are new (the signal list has every status).
        "signal_counts": {care_selectors.SIGNAL_NEW: new_signal_count} if new_signal_count else {},
        "old_after_days": OLD_AFTER_DAYS,
    }


def team_workload(*, user, team) -> list[dict]:
    """Per worker of the team: open requests, how many are old, the age of the oldest. Figures about the
    team's work, not about residents: one aggregate query, not logged."""
    if not user.has_perm("cases.distribute_work"):
        return []
    today = timezone.localdate()
    old_before = timezone.now() - datetime.timedelta(days=OLD_AFTER_DAYS)
    rows = (
        HelpRequest.objects.filter(team=team, status__in=OPEN_STATUSES, assigned_to__isnull=False)
        .filter(scope_q(REQUESTS, user))
        .values("assigned_to")
        .annotate(n=Count("id"), old=Count("id", filter=Q(received_at__lte=old_before)), oldest=Min("received_at"))
    )
    by_worker = {row["assigned_to"]: row for row in rows}
    workload = []
    for worker in assignable_workers(team):
        row = by_worker.get(worker.pk, {})
        oldest = row.get("oldest")
        workload.append(
            {
                "worker": worker,
                "open": row.get("n", 0),
                "old": row.get("old", 0),
                "oldest_days": (today - timezone.localtime(oldest).date()).days if oldest else None,
            }
        )
    return sorted(workload, key=lambda w: (-w["open"], w["worker"].get_full_name()))


def unassigned_count(*, user, team) -> int:
    """How many open requests of the team have no worker yet: a figure, not logged."""
    qs = HelpRequest.objects.filter(team=team, status__in=OPEN_STATUSES, assigned_to__isnull=True)
    return qs.filter(scope_q(REQUESTS, user)).count()


def board_teams(*, user) -> list:
    """The teams whose board the user may open: the teams they are a member of."""
    return care_selectors.user_teams(user=user)


def casework_figures_by_year(*, user, years: int = 4) -> list[dict]:
    """Per calendar year, city-wide: requests closed, the share solved informally (voorveld), the average
    rating given, and informal carers received or referred. Figures only, never names: not logged.
    """
    if not user.has_perm("monitoring.view_figures"):
        raise NotFoundOrForbidden
    this_year = timezone.localdate().year
    first = this_year - years + 1
    closed = (
        HelpRequest.objects.filter(status=HelpRequest.Status.CLOSED, closed_at__year__gte=first)
        .values("closed_at__year")
        .annotate(
            closed=Count("id"),
            informal=Count("id", filter=Q(solved_informally=True)),
            rating=Avg("rating"),
        )
    )
    by_year = {row["closed_at__year"]: row for row in closed}
    rows = []
    for year in range(this_year, first - 1, -1):
        row = by_year.get(year, {})
        n = row.get("closed", 0)
        rows.append(
            {
                "year": year,
                "closed": n,
                "informal_share": round(100 * row.get("informal", 0) / n) if n else None,
                "rating": round(row["rating"], 1) if row.get("rating") is not None else None,
                "carers": care_selectors.carers_received_or_referred(
                    start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31)
                ),
            }
        )
    return rows
