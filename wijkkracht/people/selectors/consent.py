"""What a resident shares, with whom, for what and until when (the AccessGrants), by the policy."""

from django.db.models import Q
from django.utils import timezone

from wijkkracht.access.models import AccessGrant
from wijkkracht.access.reads import read_about, read_one, read_page, refuse
from wijkkracht.access.rules import GRANT_ROLES
from wijkkracht.access.scopes import resident_facts, resident_grants

SPEC = AccessGrant.personal_data


def _consent_queryset(user, resident):
    qs = AccessGrant.objects.filter(resident=resident).select_related("organisation", "granted_by", "revoked_by")
    if user.role in GRANT_ROLES:
        # Staff of another organisation see what is shared with their own organisation only.
        qs = qs.filter(organisation_id=user.organisation_id)
    return qs


def resident_consent_page(*, user, resident, view: str, state: str = "active", page: int | str = 1, per_page=25):
    """The grants of a resident already read through ``resident_get``; ``state`` active, ended or all.

    The active ones come from the call's ``resident_grants`` (the resident page reads them once for the
    consents, what the resident shares with the user's organisation and the "who sees what" panel)."""
    now = timezone.now()
    if state == "active":
        grants = resident_grants(resident)
        if user.role in GRANT_ROLES:
            grants = [g for g in grants if g.organisation_id == user.organisation_id]
        page_obj = read_about(
            SPEC,
            user=user,
            view=view,
            objects=grants,
            about=resident_facts(user, resident),
            page=page,
            per_page=per_page,
        )
        for grant in page_obj.object_list:
            grant.is_active = True
        return page_obj
    qs = _consent_queryset(user, resident)
    active = Q(revoked_at__isnull=True, valid_from__lte=now, valid_until__gte=now)
    if state == "active":
        qs = qs.filter(active)
    elif state == "ended":
        qs = qs.exclude(active)
    qs = qs.order_by("organisation__name", "-valid_until", "purpose", "category", "id")
    page_obj = read_page(SPEC, user=user, view=view, queryset=qs, page=page, per_page=per_page)
    for grant in page_obj.object_list:
        grant.is_active = grant.revoked_at is None and grant.valid_from <= now <= grant.valid_until
    return page_obj


def access_grant_get(*, user, resident, pk, view: str) -> AccessGrant:
    """One grant of a resident, for someone who manages consent (to withdraw it)."""
    if resident.merged_into_id is not None:
        refuse(user=user, ref=resident.public_id, view=view)
    return read_one(
        SPEC,
        user=user,
        view=view,
        lookup={"pk": pk},
        queryset=_consent_queryset(user, resident),
        permission="people.manage_consent",
    )
