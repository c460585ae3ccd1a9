"""Requests for a volunteer: owned by the resident's team; read by its members and the coordinator."""

from wijkkracht.access.reads import read_list, read_one, read_page
from wijkkracht.volunteers.models import VolunteerRequest

SPEC = VolunteerRequest.personal_data


def request_queryset():
    return VolunteerRequest.objects.select_related(
        "resident__household__neighbourhood", "team", "created_by", "help_request"
    ).prefetch_related("skills")


def request_get(*, user, public_id, view: str, permission: str | None = None) -> VolunteerRequest:
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=request_queryset(), permission=permission
    )


def request_page(*, user, view: str, status: str = VolunteerRequest.Status.OPEN, page=1, per_page: int = 25):
    qs = request_queryset()
    if status:
        qs = qs.filter(status=status)
    return read_page(SPEC, user=user, view=view, queryset=qs.order_by("created_at", "id"), page=page, per_page=per_page)


def open_requests(*, user, view: str, limit: int = 10) -> list:
    qs = request_queryset().filter(status=VolunteerRequest.Status.OPEN).order_by("created_at", "id")
    return read_list(SPEC, user=user, view=view, queryset=qs, limit=limit)


def resident_open_help_requests(*, user, resident, view: str) -> list:
    """The resident's open help requests (to link a request for a volunteer to), through the kernel."""
    from wijkkracht.cases.models import HelpRequest

    qs = (
        HelpRequest.objects.filter(resident=resident).exclude(status=HelpRequest.Status.CLOSED).order_by("-received_at")
    )
    return read_list(HelpRequest.personal_data, user=user, view=view, queryset=qs, limit=10, fields=("question",))
