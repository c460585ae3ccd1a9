"""Reads of a user's notifications, through wijkkracht.access.reads: only their own, and only those the
kernel lets through (the team of the record they point to), so a notification never shows a resident
the user may no longer see. Each shown is logged under the resident it names (or itself)."""

from django.db.models import F

from wijkkracht.access.reads import count, read_list, read_one, read_page
from wijkkracht.cases.models import Notification

SPEC = Notification.personal_data
KINDS = Notification.Kind
NOTIFICATION_FIELDS = ["kind", "resident", "created_at"]


def _mine(user):
    return Notification.objects.filter(recipient_id=user.pk).select_related("resident", "help_request", "by", "team")


def notification_unread_list(*, user, view: str, limit: int = 5) -> list:
    """The newest unread notifications of the user."""
    return read_list(
        SPEC,
        user=user,
        view=view,
        queryset=_mine(user).filter(read_at__isnull=True).order_by("-created_at", "-id"),
        fields=NOTIFICATION_FIELDS,
        limit=limit,
    )


def notification_unread_count(*, user) -> int:
    """How many unread: a figure, not logged."""
    return count(SPEC, user, Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True))


def notification_page(*, user, view: str, page=1, per_page: int = 25):
    """All the user's notifications, unread first, newest first."""
    queryset = _mine(user).order_by(F("read_at").asc(nulls_first=True), "-created_at", "-id")
    return read_page(
        SPEC, user=user, view=view, queryset=queryset, fields=NOTIFICATION_FIELDS, page=page, per_page=per_page
    )


def notification_get(*, user, public_id, view: str) -> Notification:
    """One of the user's own notifications (someone else's is not found)."""
    return read_one(SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_mine(user))
