"""Welzijn op Recept: the GP writes, the centre's coach contacts, agrees activities, follows up, closes."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.accounts.roles import Role
from wijkkracht.organisations.models import Team
from wijkkracht.provisions.models import WellbeingPrescription

from .common import clean_text, raise_if, require_member

Status = WellbeingPrescription.Status
ORDER = [Status.RECEIVED, Status.CONTACTED, Status.AGREED, Status.FOLLOW_UP, Status.CLOSED]


def _scale(value, field: str, errors: dict) -> None:
    if value is None:
        errors[field] = _("Vul het welbevinden in, van 1 (heel slecht) tot 10 (heel goed).")
    elif not 1 <= value <= 10:
        errors[field] = _("Het welbevinden is een cijfer van 1 tot 10.")


@transaction.atomic
def prescription_write(
    *,
    gp,
    team,
    patient_name: str,
    reason: str,
    by,
    patient_birth_date=None,
    patient_phone: str = "",
    reason_note: str = "",
) -> WellbeingPrescription:
    """A wellbeing prescription, by the GP themself (``by`` is the GP) or recorded by the centre from paper."""
    patient_name = clean_text(patient_name, 150)
    errors = {}
    if gp is None:
        errors["gp"] = _("Een welzijnsrecept heeft een huisarts nodig: kies de huisarts die het schreef.")
    elif gp.role != Role.GP or not gp.is_active:
        errors["gp"] = _("Kies een huisarts met een account in wijkkracht.")
    if team is None or team.kind != Team.Kind.COMMUNITY_CENTRE:
        errors["team"] = _("Kies het wijkcentrum dat het recept uitvoert.")
    if not patient_name:
        errors["patient_name"] = _("Vul de naam van de patiënt in.")
    if reason not in WellbeingPrescription.Reason.values:
        errors["reason"] = _("Kies de reden voor het recept.")
    if patient_birth_date is not None and patient_birth_date > timezone.localdate():
        errors["patient_birth_date"] = _("De geboortedatum kan niet in de toekomst liggen.")
    raise_if(errors)
    if by.pk != gp.pk:
        require_member(by, team)
    return WellbeingPrescription.objects.create(
        gp=gp,
        team=team,
        patient_name=patient_name,
        patient_birth_date=patient_birth_date,
        patient_phone=clean_text(patient_phone, 20),
        reason=reason,
        reason_note=clean_text(reason_note, 500),
    )


def _step(prescription, to: str, by) -> None:
    if not prescription.is_open:
        raise_if({"__all__": _("Dit recept is afgesloten.")})
    require_member(by, prescription.team)
    if ORDER.index(to) < ORDER.index(prescription.status):
        raise_if({"__all__": _("Deze stap is al gezet.")})


@transaction.atomic
def prescription_contact(*, prescription, by, wellbeing_before, contacted_at=None) -> WellbeingPrescription:
    """The coach has spoken with the patient and asked how they feel (the measurement before)."""
    _step(prescription, Status.CONTACTED, by)
    errors = {}
    _scale(wellbeing_before, "wellbeing_before", errors)
    contacted_at = contacted_at or timezone.now()
    if contacted_at > timezone.now() + datetime.timedelta(minutes=5):
        errors["contacted_at"] = _("Het contact kan niet in de toekomst liggen.")
    raise_if(errors)
    prescription.status, prescription.coach = Status.CONTACTED, by
    prescription.contacted_at, prescription.wellbeing_before = contacted_at, wellbeing_before
    prescription.save(update_fields=["status", "coach", "contacted_at", "wellbeing_before"])
    return prescription


@transaction.atomic
def prescription_agree(*, prescription, by, activities=(), note: str = "") -> WellbeingPrescription:
    """The activities the patient and coach chose (from the social map, or described)."""
    if prescription.status == Status.RECEIVED:
        raise_if({"__all__": _("Leg eerst het eerste contact vast.")})
    _step(prescription, Status.AGREED, by)
    if not activities and not clean_text(note, 500):
        raise_if({"activities": _("Kies een activiteit van de sociale kaart of beschrijf wat is afgesproken.")})
    prescription.status, prescription.activities_note = Status.AGREED, clean_text(note, 500)
    prescription.save(update_fields=["status", "activities_note"])
    prescription.activities.set(activities)
    return prescription


@transaction.atomic
def prescription_follow_up(*, prescription, by, note: str) -> WellbeingPrescription:
    if prescription.status not in (Status.AGREED, Status.FOLLOW_UP):
        raise_if({"__all__": _("Spreek eerst activiteiten af.")})
    _step(prescription, Status.FOLLOW_UP, by)
    if not clean_text(note, 500):
        raise_if({"follow_up_note": _("Schrijf op hoe het gaat.")})
    prescription.status, prescription.follow_up_note = Status.FOLLOW_UP, clean_text(note, 500)
    prescription.save(update_fields=["status", "follow_up_note"])
    return prescription


@transaction.atomic
def prescription_close(*, prescription, by, wellbeing_after, outcome: str) -> WellbeingPrescription:
    """Close with the measurement after and the outcome the GP will see."""
    if prescription.status == Status.RECEIVED:
        raise_if({"__all__": _("Leg eerst het eerste contact vast.")})
    _step(prescription, Status.CLOSED, by)
    errors = {}
    _scale(wellbeing_after, "wellbeing_after", errors)
    if outcome not in WellbeingPrescription.Outcome.values:
        errors["outcome"] = _("Kies de uitkomst.")
    raise_if(errors)
    prescription.status, prescription.closed_at = Status.CLOSED, timezone.now()
    prescription.wellbeing_after, prescription.outcome = wellbeing_after, outcome
    prescription.save(update_fields=["status", "closed_at", "wellbeing_after", "outcome"])
    return prescription


@transaction.atomic
def prescription_link_resident(*, prescription, resident, by) -> WellbeingPrescription:
    require_member(by, prescription.team)
    prescription.resident = resident
    prescription.save(update_fields=["resident"])
    return prescription
