"""Help seekers and participants of the friendship groups, and their attendance, through the kernel."""

from django.db.models import Count, Q

from wijkkracht.access.reads import read_list, read_one
from wijkkracht.provisions.models import Attendance, GroupMember

SPEC = GroupMember.personal_data
LIST_LIMIT = 200


def _queryset():
    present = Count("attendance", filter=Q(attendance__present=True))
    return (
        GroupMember.objects.select_related("resident__household", "group", "provision", "registered_by")
        .annotate(times_present=present, times_recorded=Count("attendance"))
        .order_by("resident__last_name", "resident__first_name", "id")
    )


def member_get(*, user, public_id, view: str, permission: str = "provisions.view_records") -> GroupMember:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_queryset(), permission=permission
    )


def group_members(*, user, group, view: str) -> list[GroupMember]:
    qs = _queryset().filter(group=group, status=GroupMember.Status.PLACED)
    return read_list(SPEC, user=user, view=view, queryset=qs, limit=LIST_LIMIT)


def seekers(*, user, provision, view: str) -> list[GroupMember]:
    """Help seekers waiting for a group, longest waiting first."""
    qs = _queryset().filter(provision=provision, status=GroupMember.Status.SEEKING).order_by("registered_at", "id")
    return read_list(SPEC, user=user, view=view, queryset=qs, limit=LIST_LIMIT)


def member_attendance(*, member, limit: int = 20) -> list[Attendance]:
    """Meetings of a member already read through member_get (part of the same record)."""
    return list(member.attendance.select_related("meeting").order_by("-meeting__held_on")[:limit])
