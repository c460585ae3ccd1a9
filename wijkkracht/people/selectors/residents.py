"""One resident (by the policy, by break the glass), the BSN reveal, the export and the figures."""

from django.core.exceptions import ValidationError
from django.db.models import Count
from django.utils.translation import gettext as _

from wijkkracht.access.errors import BreakGlassReasonRequired, NotFoundOrForbidden
from wijkkracht.access.reads import count, log_objects, read_list, read_one, refuse, scoped
from wijkkracht.audit.models import Event
from wijkkracht.audit.selectors import recent_subjects
from wijkkracht.audit.services import audit_call
from wijkkracht.organisations.models import Team
from wijkkracht.people.bsn import bsn_decrypt
from wijkkracht.people.models import Resident

SPEC = Resident.personal_data
# What the resident page shows, named in every audit entry it writes.
RESIDENT_PAGE_FIELDS = list(SPEC.fields)
RESIDENT_LIST_FIELDS = ["name", "birth_date", "postcode"]
RESIDENT_EXPORT_FIELDS = ["name", "birth_date", "address", "neighbourhood", "phone"]
BREAK_GLASS_MIN_REASON = 15
BSN_REVEAL_MIN_REASON = 15


def resident_queryset():
    return Resident.objects.select_related("household__neighbourhood__district")


def resident_get(
    *, user, public_id, view: str, fields=RESIDENT_PAGE_FIELDS, permission: str = "people.view_resident"
) -> Resident:
    """One resident the user may see through their teams or a grant; logged with that basis.

    ``permission`` is what the caller is about to do (view, change, merge, manage consent).
    """
    return read_one(
        SPEC,
        user=user,
        view=view,
        lookup={"public_id": public_id},
        queryset=resident_queryset(),
        fields=fields,
        permission=permission,
    )


def resident_get_break_glass(*, user, public_id, view: str, reason: str, fields=RESIDENT_PAGE_FIELDS) -> Resident:
    """Open any resident with a stated reason. Always logged as such and flagged to the privacy officer."""
    reason = (reason or "").strip()
    if len(reason) < BREAK_GLASS_MIN_REASON:
        raise BreakGlassReasonRequired
    return read_one(
        SPEC,
        user=user,
        view=view,
        lookup={"public_id": public_id},
        queryset=resident_queryset().filter(merged_into__isnull=True),
        fields=fields,
        permission="people.break_glass",
        event=Event.BREAK_GLASS_READ,
        reason=reason,
        break_glass=True,
    )


def resident_export_rows(*, user, view: str) -> list[Resident]:
    """Every resident the user may see, for a CSV export; each exported resident is logged."""
    if not user.has_perm("people.view_resident"):
        raise NotFoundOrForbidden
    return read_list(
        SPEC,
        user=user,
        view=view,
        queryset=resident_queryset().order_by("last_name", "first_name", "id"),
        fields=RESIDENT_EXPORT_FIELDS,
    )


# The pages whose reads count as "opened" for the list of recently opened residents.
OPENED_ON = ("people:resident-detail", "cases:request-detail")


def residents_recently_opened(*, user, view: str, limit: int = 5) -> list[Resident]:
    """The residents the user opened last (from their own audit entries), newest first, read through the
    kernel: a resident the user may no longer see (moved, team left, grant withdrawn) is left out."""
    if not user.has_perm("people.view_resident"):
        return []
    refs = recent_subjects(actor_id=user.pk, views=OPENED_ON, limit=limit)
    if not refs:
        return []
    found = read_list(
        SPEC,
        user=user,
        view=view,
        queryset=resident_queryset().filter(public_id__in=refs, merged_into__isnull=True),
        fields=["name"],
    )
    order = {ref: i for i, ref in enumerate(refs)}
    return sorted(found, key=lambda r: order.get(str(r.public_id), len(order)))


def resident_count_visible(*, user) -> int:
    """How many residents the user may see: a figure, not personal data, so not logged."""
    return count(SPEC, user)


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


def resident_bsn_reveal(*, user, public_id, view: str, reason: str) -> str:
    """The BSN of a resident in the user's scope, with a stated reason: logged (event ``bsn_revealed``)."""
    reason = (reason or "").strip()
    if len(reason) < BSN_REVEAL_MIN_REASON:
        raise ValidationError(
            _("Beschrijf in minstens %(n)d tekens waarom u het BSN nodig heeft.") % {"n": BSN_REVEAL_MIN_REASON},
            code="reason",
        )
    if not user.has_perm("people.reveal_bsn"):
        refuse(user=user, ref=public_id, view=view)
    with audit_call():
        resident = scoped(SPEC, user, Resident.objects.filter(public_id=public_id)).first()
        if resident is None:
            refuse(user=user, ref=public_id, view=view)
        if not resident.bsn_encrypted:
            raise ValidationError(_("Van deze inwoner is geen BSN bekend."), code="no_bsn")
        log_objects(
            SPEC, user=user, view=view, objects=[resident], fields=["bsn"], event=Event.BSN_REVEALED, reason=reason
        )
    return bsn_decrypt(resident.bsn_encrypted)
