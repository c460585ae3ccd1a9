"""The care part of the resident page: carers, the pilot-light contact and new signals, by the policy."""

from django.db.models import Q
from django.utils import timezone

from wijkkracht.access.reads import read_list
from wijkkracht.access.scopes import resident_facts
from wijkkracht.care.models import Carer, Signal, WatchContact

from .carers import SECTION_LIMIT, carer_queryset


def resident_care_section(*, user, resident, view: str, about=None) -> dict | None:
    """What the resident page shows of care, for a resident already read by the caller.

    Carers (the resident as carer or cared-for, with the latest EDIZ), the active pilot-light contact
    and new signals about the resident, each only as far as the user may see them (``about``:
    access.scopes.resident_facts, decided once for the page).
    """
    about = about or resident_facts(user, resident)
    section = {"resident": resident, "carers": [], "watch": None, "signals": [], "today": timezone.localdate()}
    if user.has_perm("care.view_carer"):
        section["carers"] = read_list(
            Carer.personal_data,
            user=user,
            view=view,
            queryset=carer_queryset()
            .filter(Q(carer=resident) | Q(cared_for=resident), ended_at__isnull=True)
            .order_by("-registered_at", "-id"),
            limit=SECTION_LIMIT,
        )
        section["show_carers"] = True
    if user.has_perm("care.view_watch"):
        found = read_list(
            WatchContact.personal_data,
            user=user,
            view=view,
            queryset=WatchContact.objects.select_related("owner").filter(resident=resident, ended_at__isnull=True),
            about=about,
            limit=1,
        )
        section["watch"] = found[0] if found else None
        section["show_watch"] = True
    if user.has_perm("care.triage_signal"):
        section["signals"] = read_list(
            Signal.personal_data,
            user=user,
            view=view,
            # Only what the section shows: fewer joins keep the query cheap to plan.
            queryset=Signal.objects.filter(resident=resident, status=Signal.Status.NEW).order_by("-received_at"),
            about=about,
            limit=SECTION_LIMIT,
        )
        section["show_signals"] = True
    if not any(section.get(k) for k in ("show_carers", "show_watch", "show_signals")):
        return None
    return section
