"""Writes of the access kernel: recording and withdrawing what a resident shares (AccessGrant).

The caller has read the resident through the policy already (``people.selectors.resident_get``). Each
function validates, writes in one transaction and leaves an audit entry; on bad input a ValidationError
with a Dutch message, and nothing is saved.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.audit.models import Event, Purpose
from wijkkracht.audit.services import audit_record_write

from .models import AccessGrant

CONSENT_MAX_DAYS = 2 * 366
# Purposes a resident can consent to (break the glass is never a grant).
CONSENT_PURPOSES = (Purpose.HANDOVER, Purpose.CASE_WORK, Purpose.REPORT)


def _end_of_day(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(23, 59, 59)))


@transaction.atomic
def consent_record(
    *,
    resident,
    organisation,
    purposes: list[str],
    categories: list[str],
    valid_until,
    ground: str,
    basis_note: str = "",
    by,
    view: str = "people:consent-create",
) -> list[AccessGrant]:
    """Record what a resident shares with an organisation: one grant per purpose and category, until a date."""
    purposes = list(dict.fromkeys(purposes or []))
    categories = list(dict.fromkeys(categories or []))
    basis_note = (basis_note or "").strip()
    errors = {}
    if organisation is None:
        errors["organisation"] = _("Kies de organisatie waarmee gegevens worden gedeeld.")
    if not purposes or not set(purposes) <= set(CONSENT_PURPOSES):
        errors["purposes"] = _("Kies minstens één doel.")
    if not categories or not set(categories) <= set(AccessGrant.Category.values):
        errors["categories"] = _("Kies minstens één soort gegevens.")
    if ground not in AccessGrant.Ground.values:
        errors["ground"] = _("Kies de grondslag: toestemming van de inwoner of een wettelijke grondslag.")
    elif ground == AccessGrant.Ground.LEGAL and not basis_note:
        errors["basis_note"] = _("Noem bij een wettelijke grondslag het wetsartikel of besluit.")
    until = None
    if not valid_until:
        errors["valid_until"] = _("Vul in tot wanneer de gegevens gedeeld mogen worden.")
    else:
        until = _end_of_day(valid_until)
        if until <= timezone.now():
            errors["valid_until"] = _("De einddatum moet in de toekomst liggen.")
        elif until > timezone.now() + datetime.timedelta(days=CONSENT_MAX_DAYS):
            errors["valid_until"] = _("Toestemming geldt hoogstens twee jaar; kies een eerdere einddatum.")
    if resident.merged_into_id:
        errors["__all__"] = _("Deze inwoner is samengevoegd met een ander dossier.")
    if errors:
        raise ValidationError(errors)
    grants = AccessGrant.objects.bulk_create(
        [
            AccessGrant(
                resident=resident,
                organisation=organisation,
                purpose=purpose,
                category=category,
                ground=ground,
                basis_note=basis_note,
                valid_until=until,
                granted_by=by,
            )
            for purpose in purposes
            for category in categories
        ]
    )
    audit_record_write(
        actor=by,
        subject_refs=[str(resident.public_id)],
        object_type="access.AccessGrant",
        fields=categories,
        view=view,
        reason=(
            f"{organisation.short_name}: doelen {', '.join(purposes)}; grondslag {ground}; "
            f"tot {until.date().isoformat()}{'; ' + basis_note if basis_note else ''}"
        ),
        event=Event.CONSENT_RECORDED,
    )
    return grants


def _withdraw(*, grants, resident, by, view: str, note: str) -> int:
    now = timezone.now()
    ids = list(grants.filter(revoked_at__isnull=True).values_list("pk", flat=True))
    if not ids:
        return 0
    AccessGrant.objects.filter(pk__in=ids).update(revoked_at=now, revoked_by=by)
    audit_record_write(
        actor=by,
        subject_refs=[str(resident.public_id)],
        object_type="access.AccessGrant",
        fields=sorted(set(AccessGrant.objects.filter(pk__in=ids).values_list("category", flat=True))),
        view=view,
        reason=note,
        event=Event.CONSENT_WITHDRAWN,
    )
    return len(ids)


@transaction.atomic
def consent_withdraw(*, grant: AccessGrant, by, view: str = "people:consent-withdraw") -> AccessGrant:
    """Withdraw one grant, effective at once: the next request of the organisation is refused."""
    if grant.revoked_at is not None:
        raise ValidationError(_("Deze toestemming is al ingetrokken."))
    _withdraw(
        grants=AccessGrant.objects.filter(pk=grant.pk),
        resident=grant.resident,
        by=by,
        view=view,
        note=f"{grant.organisation.short_name}: {grant.purpose}/{grant.category} ingetrokken",
    )
    grant.refresh_from_db()
    return grant


@transaction.atomic
def consent_withdraw_all(*, resident, organisation, by, view: str = "people:consent-withdraw") -> int:
    """Withdraw everything a resident shares with one organisation; returns how many grants ended."""
    return _withdraw(
        grants=AccessGrant.objects.filter(resident=resident, organisation=organisation),
        resident=resident,
        by=by,
        view=view,
        note=f"{organisation.short_name}: alles ingetrokken",
    )
