"""Writes for notifications: what needs a user (a request assigned to them, a new signal for their team)."""

from django.db import transaction
from django.utils import timezone

from wijkkracht.accounts.models import User
from wijkkracht.accounts.roles import Role
from wijkkracht.cases.models import Notification

Kind = Notification.Kind
# Who hears of a new signal for the team: those who triage signals.
SIGNAL_ROLES = (Role.WORKER, Role.TEAM_LEAD)


def notification_send(*, recipient, kind: str, team, resident=None, help_request=None, target_ref=None, by=None):
    """One notification for ``recipient``; none for what the user did themselves."""
    if recipient is None or (by is not None and recipient.pk == by.pk):
        return None
    return Notification.objects.create(
        recipient=recipient,
        kind=kind,
        team=team,
        resident=resident,
        help_request=help_request,
        target_ref=target_ref,
        by=by,
    )


def notification_request_assigned(*, help_request, by) -> Notification | None:
    """The worker a request was given to hears of it (unless they took it themselves)."""
    return notification_send(
        recipient=help_request.assigned_to,
        kind=Kind.ASSIGNED,
        team=help_request.team,
        resident=help_request.resident,
        help_request=help_request,
        by=by,
    )


@transaction.atomic
def notification_team_signal(*, team, resident, signal_ref, by) -> int:
    """Everyone who triages the team's signals hears of a new one (not the one who reported it)."""
    members = User.objects.filter(memberships__team=team, role__in=SIGNAL_ROLES, is_active=True).exclude(pk=by.pk)
    rows = [
        Notification(recipient=m, kind=Kind.SIGNAL, team=team, resident=resident, target_ref=signal_ref, by=by)
        for m in members.distinct()
    ]
    Notification.objects.bulk_create(rows)
    return len(rows)


def notification_mark_read(*, notification) -> None:
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
        notification.read_at = timezone.now()


def notifications_mark_read(*, recipient, help_request) -> int:
    """Opening a request settles what was about it for this user."""
    return Notification.objects.filter(recipient=recipient, help_request=help_request, read_at__isnull=True).update(
        read_at=timezone.now()
    )
