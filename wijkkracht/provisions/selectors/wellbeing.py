"""Wellbeing prescriptions through the kernel: the centre (team scope) and the GP (their own only, and only
what the GP needs to see: the patient they referred, the status and the outcome)."""

from wijkkracht.access.reads import read_one, read_page
from wijkkracht.provisions.models import WellbeingPrescription

SPEC = WellbeingPrescription.personal_data
GP_FIELDS = ("patient", "status", "activities", "wellbeing", "outcome")


def _queryset():
    return WellbeingPrescription.objects.select_related("gp", "team", "coach", "resident__household").prefetch_related(
        "activities"
    )


def prescription_get(*, user, public_id, view: str, permission: str = "provisions.view_records"):
    return read_one(
        SPEC, user=user, view=view, lookup={"public_id": public_id}, queryset=_queryset(), permission=permission
    )


def prescription_page(*, user, view: str, open_only: bool = False, page=1):
    qs = _queryset().order_by("-written_at", "-id")
    if open_only:
        qs = qs.exclude(status=WellbeingPrescription.Status.CLOSED)
    return read_page(SPEC, user=user, view=view, queryset=qs, page=page)


def gp_prescription_page(*, user, view: str, page=1):
    """The GP's own prescriptions (scope ``own``: a GP has no team), newest first."""
    qs = _queryset().filter(gp=user).order_by("-written_at", "-id")
    return read_page(
        SPEC, user=user, view=view, queryset=qs, page=page, fields=GP_FIELDS, permission="provisions.prescribe"
    )


def gp_prescription_get(*, user, public_id, view: str):
    return read_one(
        SPEC,
        user=user,
        view=view,
        lookup={"public_id": public_id},
        queryset=_queryset().filter(gp=user),
        fields=GP_FIELDS,
        permission="provisions.prescribe",
    )
