"""The worker's day on the start page: their open requests (oldest first) and their agreed actions due.

Bounded lists and one aggregate query per figure, through wijkkracht.access.reads (logged as read)."""

import datetime

from django.db.models import Count
from django.utils import timezone

from wijkkracht.access.reads import read_list
from wijkkracht.access.scopes import scope_q
from wijkkracht.cases.models import HelpRequest, PlanAction

OPEN = [s for s in HelpRequest.Status.values if s != HelpRequest.Status.CLOSED]
ACTIONS_WITHIN_DAYS = 14
OLD_AFTER_DAYS = 28


def my_open_requests(*, user, view: str, limit: int = 3) -> dict:
    """The oldest of my open requests with their age, and how many I have per status."""
    mine = HelpRequest.objects.filter(assigned_to_id=user.pk, status__in=OPEN)
    rows = read_list(
        HelpRequest.personal_data,
        user=user,
        view=view,
        queryset=mine.select_related("resident").order_by("received_at", "id"),
        fields=["question", "status", "received_at"],
        limit=limit,
    )
    today = timezone.localdate()
    for req in rows:
        req.age_days = (today - timezone.localtime(req.received_at).date()).days
        req.is_old = req.age_days >= OLD_AFTER_DAYS
    counts = {
        row["status"]: row["n"]
        for row in mine.filter(scope_q(HelpRequest.personal_data, user)).values("status").annotate(n=Count("id"))
    }
    by_status = [(label, counts.get(value, 0)) for value, label in HelpRequest.Status.choices if value in OPEN]
    return {"requests": rows, "by_status": by_status, "total": sum(counts.values())}


def my_due_actions(*, user, view: str, limit: int = 5) -> list:
    """My agreed actions that are late or due within two weeks, soonest first, each marked late or not."""
    today = timezone.localdate()
    actions = read_list(
        PlanAction.personal_data,
        user=user,
        view=view,
        queryset=PlanAction.objects.filter(
            owner_user_id=user.pk,
            done_at__isnull=True,
            due_date__lte=today + datetime.timedelta(days=ACTIONS_WITHIN_DAYS),
        )
        .select_related("plan__household")
        .order_by("due_date", "id"),
        fields=["text", "due_date", "owner"],
        limit=limit,
    )
    for action in actions:
        action.is_overdue = action.due_date < today
    return actions
