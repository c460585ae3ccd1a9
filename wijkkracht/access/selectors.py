"""The only way to read personal data: decided by the policy, logged in the same transaction.

Each selector takes the user, checks the permission and the record scope, reads, and writes the
audit entries before the transaction commits. A refused read raises ``NotFoundOrForbidden`` (shown
as "not found", so an error never reveals whether a record exists) and writes no read entry.
"""

from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q

from wijkkracht.audit.models import Event, Purpose
from wijkkracht.organisations.models import Team
from wijkkracht.people.models import Resident

from .errors import BreakGlassReasonRequired, NotFoundOrForbidden
from .reads import log_reads, read_one, refuse
from .scopes import list_purpose, resident_q, resident_scopes

# What the resident page shows, named in every audit entry it writes.
RESIDENT_PAGE_FIELDS = ["name", "birth_date", "address", "neighbourhood", "phone", "email", "preferred_language"]
RESIDENT_LIST_FIELDS = ["name", "birth_date", "postcode"]
RESIDENT_EXPORT_FIELDS = ["name", "birth_date", "address", "neighbourhood", "phone"]
BREAK_GLASS_MIN_REASON = 15


def _resident_queryset():
    return Resident.objects.select_related("household__neighbourhood__district")


def _refs(resident) -> list[str]:
    return [str(resident.public_id)]


def _log_reads(*, user, residents, fields: list[str], view: str, purpose: str, **extra) -> None:
    log_reads(
        user=user,
        subject_refs=[r.public_id for r in residents],
        object_type="people.Resident",
        fields=fields,
        view=view,
        purpose=purpose,
        **extra,
    )


def _list_purpose(user) -> str:
    return list_purpose(resident_scopes(user))


def _refuse(*, user, ref: str, view: str):
    refuse(user=user, ref=ref, view=view)


def resident_get(*, user, public_id, view: str, fields: list[str] = RESIDENT_PAGE_FIELDS) -> Resident:
    """One resident the user may see through their teams or a grant; logged with that purpose."""
    return read_one(
        user=user,
        permission="people.view_resident",
        queryset=_resident_queryset(),
        scopes=resident_scopes(user),
        lookup={"public_id": public_id},
        subject=_refs,
        object_type="people.Resident",
        fields=fields,
        view=view,
    )


def resident_get_break_glass(*, user, public_id, view: str, reason: str, fields=RESIDENT_PAGE_FIELDS) -> Resident:
    """Open any resident with a stated reason. Always logged as such and flagged to the privacy officer."""
    reason = (reason or "").strip()
    if len(reason) < BREAK_GLASS_MIN_REASON:
        raise BreakGlassReasonRequired
    if not user.has_perm("people.break_glass"):
        _refuse(user=user, ref=public_id, view=view)
    with transaction.atomic():
        resident = _resident_queryset().filter(public_id=public_id).first()
        if resident is not None:
            _log_reads(
                user=user,
                residents=[resident],
                fields=fields,
                view=view,
                purpose=Purpose.BREAK_GLASS,
                reason=reason,
                event=Event.BREAK_GLASS_READ,
            )
            return resident
    _refuse(user=user, ref=public_id, view=view)


def resident_page(*, user, view: str, query: str = "", page: int | str = 1, per_page: int = 25):
    """A page of the residents the user may see, optionally filtered by name; each shown resident is logged."""
    if not user.has_perm("people.view_resident"):
        raise NotFoundOrForbidden
    qs = _resident_queryset().filter(resident_q(user))
    for term in query.split():
        qs = qs.filter(Q(first_name__icontains=term) | Q(last_name__icontains=term))
    qs = qs.order_by("last_name", "first_name", "id")
    with transaction.atomic():
        page_obj = Paginator(qs, per_page).get_page(page)
        residents = list(page_obj.object_list)
        _log_reads(user=user, residents=residents, fields=RESIDENT_LIST_FIELDS, view=view, purpose=_list_purpose(user))
    page_obj.object_list = residents
    return page_obj


def resident_export_rows(*, user, view: str) -> list[Resident]:
    """Every resident the user may see, for a CSV export; each exported resident is logged."""
    if not user.has_perm("people.view_resident"):
        raise NotFoundOrForbidden
    with transaction.atomic():
        residents = list(_resident_queryset().filter(resident_q(user)).order_by("last_name", "first_name", "id"))
        _log_reads(
            user=user, residents=residents, fields=RESIDENT_EXPORT_FIELDS, view=view, purpose=_list_purpose(user)
        )
    return residents


def resident_count_visible(*, user) -> int:
    """How many residents the user may see: a figure, not personal data, so not logged."""
    if not user.has_perm("people.view_resident"):
        return 0
    return Resident.objects.filter(resident_q(user)).count()


def resident_figures_by_team(*, user) -> list[dict]:
    """Residents and households per neighbourhood team: figures only, never names."""
    if not user.has_perm("monitoring.view_figures"):
        raise NotFoundOrForbidden
    return list(
        Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD_TEAM)
        .annotate(
            residents=Count("neighbourhoods__households__residents", distinct=True),
            households=Count("neighbourhoods__households", distinct=True),
        )
        .values("name", "cluster__name", "residents", "households")
        .order_by("cluster__name", "name")
    )
