"""A help request as the generator drafts it, before it is inserted (shared by the case work, plans and care)."""

from dataclasses import dataclass
from datetime import datetime

from wijkkracht.cases.models import HelpRequest

from .world import HouseholdInfo, Member, TeamInfo

Status = HelpRequest.Status


@dataclass(slots=True)
class RequestDraft:
    team: TeamInfo
    household: HouseholdInfo
    resident: Member
    domain: str
    channel: str
    question: str
    received_at: datetime
    taken_by: int
    assigned_to: int
    status: str = Status.INTAKE
    status_changed_at: datetime | None = None
    closed_at: datetime | None = None
    kind: str = ""  # informal, team, formal (closed only)
    paths: tuple[str, ...] = ()
    outcome: str = ""
    outcome_note: str = ""
    rating: int | None = None
    pk: int | None = None
