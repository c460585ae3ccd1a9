"""Informal carers and their EDIZ results: owned by the team that supports them, or shared by a grant."""

import datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from wijkkracht.access.reads import read_list, read_one, read_page
from wijkkracht.care.models import Carer, CarerStrainAssessment
from wijkkracht.people.models import Resident

SPEC = Carer.personal_data
REFERRAL_CHOICES = Carer.Referral.choices
SECTION_LIMIT = 20


def _latest_strain(field: str):
    return Subquery(
        CarerStrainAssessment.objects.filter(carer=OuterRef("pk")).order_by("-assessed_at", "-id").values(field)[:1]
    )


def carer_queryset():
    return Carer.objects.select_related("carer__household", "cared_for__household", "team").annotate(
        latest_score=_latest_strain("score"),
        latest_overloaded=_latest_strain("overloaded"),
        latest_assessed_at=_latest_strain("assessed_at"),
    )


def carer_get(*, user, public_id, view: str, permission: str = "care.view_carer") -> Carer:
    """One carer record (carer and cared-for), with the latest EDIZ score annotated. The cared-for
    person's name shows only where the user may see them (``hidden_people``)."""
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=carer_queryset(), permission=permission
    )


def carer_page(
    *, user, view: str, young: bool = False, overloaded: bool = False, active: bool = True, page=1, per_page=25
):
    """Carers I may see, newest first; young carers and overload can be filtered on."""
    qs = carer_queryset().order_by("-registered_at", "-id")
    if active:
        qs = qs.filter(ended_at__isnull=True)
    if young:
        qs = qs.filter(carer__birth_date__gt=_young_born_after())
    if overloaded:
        qs = qs.filter(latest_overloaded=True)
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page, per_page=per_page)


def _young_born_after(on=None) -> datetime.date:
    """Born after this date: under 25 today."""
    on = on or timezone.localdate()
    try:
        return on.replace(year=on.year - 25)
    except ValueError:  # 29 February
        return on.replace(year=on.year - 25, day=28)


def carer_assessments(*, carer, limit: int = 10) -> list:
    """Earlier EDIZ results of a carer already read through carer_get (part of the same record)."""
    return list(carer.strain_assessments.select_related("assessed_by")[:limit])


def carers_received_or_referred(*, team=None, start=None, end=None) -> int:
    """How many distinct carers were referred to or received by the carer support centre.

    A figure, no names: counted once per carer (a resident caring for two people counts once),
    by the date of referral (or of being received, when they came themselves), optionally for the
    carers living in one team's neighbourhoods and within ``start`` .. ``end`` (dates, inclusive).
    """
    qs = Carer.objects.filter(referral__in=[Carer.Referral.REFERRED, Carer.Referral.RECEIVED])
    if team is not None:
        qs = qs.filter(carer__household__neighbourhood__teams=team)
    if start is not None:
        qs = qs.filter(referred_at__date__gte=start)
    if end is not None:
        qs = qs.filter(referred_at__date__lte=end)
    return qs.values("carer_id").distinct().count()


def household_members(*, user, resident, view: str) -> list:
    """The other residents of a resident's household that the user may see (to pick who is cared for)."""
    return read_list(
        Resident.personal_data,
        user=user,
        view=view,
        queryset=Resident.objects.filter(household_id=resident.household_id)
        .exclude(pk=resident.pk)
        .order_by("first_name", "id"),
        fields=["name", "birth_date"],
        limit=SECTION_LIMIT,
    )
