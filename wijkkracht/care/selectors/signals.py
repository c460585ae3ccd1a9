"""Signals: reported to a team, seen by that team's members only."""

from django.db.models import Count

from wijkkracht.access.reads import read_list, read_one, read_page
from wijkkracht.access.scopes import scope_q
from wijkkracht.care.models import Signal
from wijkkracht.core.counting import counted, total
from wijkkracht.core.personal_data import PersonalData
from wijkkracht.organisations.models import Team

SPEC = Signal.personal_data
# Who reported a signal follows what became of it (centre staff report to the neighbourhood team): their
# own reports, whatever team they went to. Not registered: the signal's own declaration is SPEC.
REPORTED = PersonalData(
    category=SPEC.category,
    resident="resident",
    team="team",
    own="received_by",
    others=("resident",),
    grants=False,
    subject_self=True,
    fields=("about", "status"),
    permission="care.add_signal",
    model=Signal,
)
SIGNAL_SOURCES = Signal.Source.choices
SIGNAL_STATUSES = Signal.Status.choices
SIGNAL_NEW = Signal.Status.NEW
SIGNAL_FIELDS = list(SPEC.fields)


def _signal_queryset():
    return Signal.objects.select_related(
        "resident__household", "team", "received_by", "triaged_by", "help_request", "watch_contact"
    )


def signal_page(*, user, view: str, status: str = "", team_id=None, page=1, per_page: int = 25):
    """Signals of my teams, newest first, optionally by status or one team; only the page shown is logged.

    The name of a resident outside the user's scope is not shown (``hidden_people``)."""
    qs = _signal_queryset().order_by("-received_at", "-id")
    if status in Signal.Status.values:
        qs = qs.filter(status=status)
    if team_id:
        qs = qs.filter(team_id=team_id)
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page, per_page=per_page)


def signal_page_reported(*, user, view: str, page=1, per_page: int = 25):
    """The signals the user reported, newest first: what became of them (not the triage itself)."""
    qs = _signal_queryset().filter(received_by_id=user.pk).order_by("-received_at", "-id")
    return read_page(REPORTED, user=user, view=view, queryset=qs, page=page, per_page=per_page)


def signal_get(*, user, public_id, view: str, permission: str = "care.triage_signal") -> Signal:
    """One signal of my teams (404 otherwise)."""
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_signal_queryset(), permission=permission
    )


def signal_new_list(*, user, view: str, team, limit: int = 25) -> list:
    """New (untriaged) signals of one team, oldest first (the team board)."""
    return read_list(
        SPEC,
        user=user,
        view=view,
        queryset=_signal_queryset().filter(team=team, status=Signal.Status.NEW).order_by("received_at", "id"),
        limit=limit,
    )


def signal_new_counted(*, user, view: str, team, limit: int = 25) -> tuple[list, int]:
    """``signal_new_list`` and how many new signals the team has in all, in one query."""
    queryset = counted(_signal_queryset().filter(team=team, status=Signal.Status.NEW).order_by("received_at", "id"))
    rows = read_list(SPEC, user=user, view=view, queryset=queryset, limit=limit)
    return rows, total(rows)


def signal_counts(*, user, team) -> dict:
    """How many signals of one team per status: figures, not logged."""
    if not user.has_perm(SPEC.permission):
        return {}
    rows = Signal.objects.filter(scope_q(SPEC, user), team=team).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


def user_teams(*, user) -> list:
    """The teams the user is a member of (for team pickers)."""
    return list(Team.objects.filter(memberships__user=user).order_by("name"))
