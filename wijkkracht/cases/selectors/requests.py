"""Reads of help requests and their contacts, through wijkkracht.access.reads: the policy decides which
(the team's residents, or a grant for the help-requests category) and every read is logged under the
resident it is about, in the same transaction.

The choices of the request models are re-exported here for forms and serializers, which may not
import the models themselves.
"""

import re

from wijkkracht.access.reads import read_one, read_page
from wijkkracht.cases.models import (
    FORMAL_PATHS,
    INFORMAL_OPTIONS,
    INFORMAL_PATHS,
    Channel,
    Contact,
    HelpRequest,
    Outcome,
    SolutionPath,
)

__all__ = [
    "CONTACT_KINDS",
    "FORMAL_PATHS",
    "INFORMAL_OPTIONS",
    "INFORMAL_PATHS",
    "REQUEST_STATUSES",
    "Channel",
    "Outcome",
    "SolutionPath",
    "help_request_get",
    "help_request_page",
    "request_contact_page",
]

CONTACT_KINDS = Contact.Kind
REQUEST_STATUSES = HelpRequest.Status

# What each read shows, named in the audit entries it writes.
REQUEST_PAGE_FIELDS = [
    "resident_name",
    "question",
    "channel",
    "received_at",
    "taken_by",
    "assigned_to",
    "status",
    "informal_checks",
    "solutions",
    "outcome",
    "outcome_note",
    "rating",
]
REQUEST_LIST_FIELDS = ["resident_name", "reference", "channel", "received_at", "status", "assigned_to"]
CONTACT_FIELDS = ["kind", "at", "note", "by"]

REFERENCE_RE = re.compile(r"^[0-9a-f]{1,8}$")


def help_request_get(*, user, public_id, view: str, permission: str = "cases.view_case") -> HelpRequest:
    """One request the user may see, with its informal-first checks and solution paths; logged."""
    queryset = HelpRequest.objects.select_related(
        "resident__household__neighbourhood", "household", "team", "taken_by", "assigned_to", "closed_by"
    ).prefetch_related("informal_checks__checked_by", "solutions")
    return read_one(
        HelpRequest.personal_data,
        user=user,
        view=view,
        lookup={"public_id": public_id},
        queryset=queryset,
        fields=REQUEST_PAGE_FIELDS,
        permission=permission,
    )


def help_request_page(
    *, user, view: str, status: str | None = None, query: str = "", page: int | str = 1, per_page: int = 25
):
    """A page of the requests the user may see (their teams' residents, or shared by a grant).

    ``status`` filters on one status; ``query`` finds a request by its reference (the first characters
    of its id, as shown on the page). Only the requests on the page are logged.
    """
    queryset = HelpRequest.objects.select_related("resident", "team", "assigned_to").order_by("-received_at", "-id")
    if status:
        queryset = queryset.filter(status=status)
    query = (query or "").strip().lower()
    if query:
        found = REFERENCE_RE.match(query)
        queryset = queryset.filter(public_id__istartswith=query) if found else queryset.none()
    return read_page(
        HelpRequest.personal_data,
        user=user,
        view=view,
        queryset=queryset,
        fields=REQUEST_LIST_FIELDS,
        page=page,
        per_page=per_page,
    )


def request_contact_page(*, user, help_request, view: str, page: int | str = 1, per_page: int = 20):
    """The contacts logged on one request, newest first; the policy is applied again and each read logged."""
    queryset = (
        Contact.objects.filter(help_request_id=help_request.pk).select_related("resident", "by").order_by("-at", "-id")
    )
    return read_page(
        Contact.personal_data,
        user=user,
        view=view,
        queryset=queryset,
        fields=CONTACT_FIELDS,
        page=page,
        per_page=per_page,
    )
