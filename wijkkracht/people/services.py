"""Writes for residents, households, relations, the BSN, merging and consent.

The caller (a view, API endpoint or command) has already read the records through
``wijkkracht.access.selectors``, so the policy has been applied and the read logged; these functions
only validate and write, each in one transaction: on bad input they raise a ValidationError with a
Dutch message and nothing is saved.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.access.models import AccessGrant
from wijkkracht.areas.selectors import neighbourhood_for_postcode, postcode_normalise
from wijkkracht.audit.models import Event, Purpose
from wijkkracht.audit.services import audit_record_write

from .bsn import bsn_clean, bsn_encrypt, bsn_hash
from .models import Household, Relation, Resident
from .search import resident_search_name

DEFAULT_CITY = "Almere"
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)
CONSENT_MAX_DAYS = 2 * 366
# Purposes a resident can consent to (break the glass is never a grant).
CONSENT_PURPOSES = (Purpose.HANDOVER, Purpose.CASE_WORK, Purpose.REPORT)
# Relation kinds and their counterpart: adding one direction adds the other.
RelationKind = Relation.Kind
INVERSE_KIND = {
    Relation.Kind.PARTNER: Relation.Kind.PARTNER,
    Relation.Kind.PARENT: Relation.Kind.CHILD,
    Relation.Kind.CHILD: Relation.Kind.PARENT,
    Relation.Kind.SIBLING: Relation.Kind.SIBLING,
    Relation.Kind.OTHER_FAMILY: Relation.Kind.OTHER_FAMILY,
    Relation.Kind.HOUSEMATE: Relation.Kind.HOUSEMATE,
    Relation.Kind.FRIEND: Relation.Kind.FRIEND,
}
NAME_FIELDS = ("first_name", "surname_prefix", "last_name")
PROFILE_FIELDS = (*NAME_FIELDS, "birth_date", "phone", "email", "preferred_language")


# --- checks --------------------------------------------------------------------------------------


def _check_profile(data: dict) -> dict:
    """Clean the personal details; returns errors per field (Dutch)."""
    errors = {}
    for name in ("first_name", "last_name"):
        if name in data:
            data[name] = (data[name] or "").strip()
            if not data[name]:
                errors[name] = _("Vul de voornaam in.") if name == "first_name" else _("Vul de achternaam in.")
    if "surname_prefix" in data:
        data["surname_prefix"] = (data["surname_prefix"] or "").strip()
    if "birth_date" in data:
        birth_date = data["birth_date"]
        if not isinstance(birth_date, datetime.date):
            errors["birth_date"] = _("Vul een geboortedatum in (dd-mm-jjjj).")
        elif birth_date > timezone.localdate():
            errors["birth_date"] = _("De geboortedatum kan niet in de toekomst liggen.")
        elif birth_date < EARLIEST_BIRTH_DATE:
            errors["birth_date"] = _("De geboortedatum kan niet vóór 1900 liggen.")
    if "phone" in data:
        data["phone"] = (data["phone"] or "").strip()
        allowed = set("0123456789+-() ")
        if data["phone"] and (not set(data["phone"]) <= allowed or sum(c.isdigit() for c in data["phone"]) < 8):
            errors["phone"] = _("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.")
    if "email" in data:
        data["email"] = (data["email"] or "").strip()
        if data["email"]:
            try:
                validate_email(data["email"])
            except ValidationError:
                errors["email"] = _("Vul een geldig e-mailadres in.")
    if "preferred_language" in data:
        data["preferred_language"] = (data["preferred_language"] or "nl").strip()[:10]
    return errors


def _bsn_fields(bsn: str, *, exclude_pk=None) -> dict:
    """The stored form of a BSN, after the 11-test and the check that no other live record has it."""
    digits = bsn_clean(bsn)
    digest = bsn_hash(digits)
    others = Resident.objects.filter(bsn_hash=digest, merged_into__isnull=True)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(
            _(
                "Er is al een inwoner met dit BSN. Is het dezelfde persoon? Voeg dan de twee dossiers samen "
                "in plaats van een nieuwe aan te maken."
            ),
            code="bsn_taken",
        )
    return {"bsn_encrypted": bsn_encrypt(digits), "bsn_hash": digest, "bsn_last_digits": digits[-3:]}


def _address(*, postcode: str, house_number, house_number_suffix: str) -> tuple[dict, dict]:
    """The normalised address and the neighbourhood it lies in, or errors per field."""
    errors, address = {}, {}
    try:
        pc4, letters = postcode_normalise(postcode)
        address["postcode"] = f"{pc4} {letters}"
        address["neighbourhood"] = neighbourhood_for_postcode(postcode=address["postcode"])
    except ValidationError as error:
        if error.code == "postcode_outside_city":
            errors["postcode"] = _("Deze postcode ligt niet in de gemeente.")
        else:
            errors["postcode"] = error.messages[0]
    try:
        number = int(house_number)
        if number < 1 or number > 99999:
            raise ValueError
        address["house_number"] = number
    except (TypeError, ValueError):
        errors["house_number"] = _("Vul een geldig huisnummer in.")
    address["house_number_suffix"] = (house_number_suffix or "").strip().upper()[:10]
    return address, errors


def _household_for(*, address: dict, street: str, city: str) -> Household:
    """The household at this address, or a new one (joining keeps "one household, one plan")."""
    household = (
        Household.objects.filter(
            postcode__in=[address["postcode"], address["postcode"].replace(" ", "")],
            house_number=address["house_number"],
            house_number_suffix__iexact=address["house_number_suffix"],
        )
        .order_by("id")
        .first()
    )
    if household is not None:
        return household
    return Household.objects.create(
        street=street,
        city=city or DEFAULT_CITY,
        neighbourhood=address["neighbourhood"],
        postcode=address["postcode"],
        house_number=address["house_number"],
        house_number_suffix=address["house_number_suffix"],
    )


def _sync_search_name(resident: Resident) -> None:
    resident.search_name = resident_search_name(
        first_name=resident.first_name, surname_prefix=resident.surname_prefix, last_name=resident.last_name
    )


# --- residents and households --------------------------------------------------------------------


@transaction.atomic
def resident_create(
    *,
    first_name: str,
    last_name: str,
    birth_date,
    postcode: str,
    house_number,
    street: str = "",
    house_number_suffix: str = "",
    city: str = DEFAULT_CITY,
    surname_prefix: str = "",
    phone: str = "",
    email: str = "",
    preferred_language: str = "nl",
    bsn: str = "",
    by=None,
) -> Resident:
    """A new resident at an address: joins the household living there, or starts one."""
    data = {
        "first_name": first_name,
        "surname_prefix": surname_prefix,
        "last_name": last_name,
        "birth_date": birth_date,
        "phone": phone,
        "email": email,
        "preferred_language": preferred_language,
    }
    errors = _check_profile(data)
    address, address_errors = _address(
        postcode=postcode, house_number=house_number, house_number_suffix=house_number_suffix
    )
    errors.update(address_errors)
    street = (street or "").strip()
    bsn_data = {}
    if bsn and str(bsn).strip():
        try:
            bsn_data = _bsn_fields(bsn)
        except ValidationError as error:
            errors["bsn"] = error.messages[0]
    if not errors and not street and not _existing_household_exists(address):
        errors["street"] = _("Vul de straat in: op dit adres woont nog niemand die bekend is.")
    if errors:
        raise ValidationError(errors)
    household = _household_for(address=address, street=street, city=(city or "").strip())
    resident = Resident(household=household, **data, **bsn_data)
    _sync_search_name(resident)
    resident.save()
    return resident


def _existing_household_exists(address: dict) -> bool:
    return Household.objects.filter(
        postcode__in=[address["postcode"], address["postcode"].replace(" ", "")],
        house_number=address["house_number"],
        house_number_suffix__iexact=address["house_number_suffix"],
    ).exists()


@transaction.atomic
def resident_update(*, resident: Resident, by=None, **changes) -> Resident:
    """Change personal details (name, birth date, contact, language); the search name follows the name."""
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"resident_update does not change {sorted(unknown)}")
    errors = _check_profile(changes)
    if errors:
        raise ValidationError(errors)
    for name, value in changes.items():
        setattr(resident, name, value)
    _sync_search_name(resident)
    resident.save(update_fields=[*changes, "search_name"])
    return resident


@transaction.atomic
def household_move(
    *,
    resident: Resident,
    postcode: str,
    house_number,
    street: str = "",
    house_number_suffix: str = "",
    city: str = DEFAULT_CITY,
    by=None,
) -> Household:
    """Move a resident to another address: into the household living there, or a new one."""
    address, errors = _address(postcode=postcode, house_number=house_number, house_number_suffix=house_number_suffix)
    street = (street or "").strip()
    if not errors and not street and not _existing_household_exists(address):
        errors["street"] = _("Vul de straat in: op dit adres woont nog niemand die bekend is.")
    if errors:
        raise ValidationError(errors)
    household = _household_for(address=address, street=street, city=(city or "").strip())
    if household.pk == resident.household_id:
        raise ValidationError({"postcode": _("De inwoner woont al op dit adres.")})
    resident.household = household
    resident.save(update_fields=["household"])
    return household


@transaction.atomic
def relation_add(*, resident: Resident, related: Resident, kind: str, by=None) -> Relation:
    """Record how two residents are related; the counterpart (child of / parent of, ...) is added too."""
    if kind not in Relation.Kind.values:
        raise ValidationError({"kind": _("Kies de soort relatie.")})
    if related is None or related.pk == resident.pk:
        raise ValidationError({"related": _("Een inwoner kan geen relatie met zichzelf hebben.")})
    if related.merged_into_id or resident.merged_into_id:
        raise ValidationError({"related": _("Deze inwoner is samengevoegd met een ander dossier.")})
    if Relation.objects.filter(resident=resident, related=related, kind=kind).exists():
        raise ValidationError({"kind": _("Deze relatie is al vastgelegd.")})
    relation = Relation.objects.create(resident=resident, related=related, kind=kind)
    Relation.objects.get_or_create(resident=related, related=resident, kind=INVERSE_KIND[kind])
    return relation


@transaction.atomic
def relation_remove(*, relation: Relation, by=None) -> None:
    """Remove a relation and its counterpart."""
    Relation.objects.filter(
        resident_id=relation.related_id, related_id=relation.resident_id, kind=INVERSE_KIND[relation.kind]
    ).delete()
    relation.delete()


@transaction.atomic
def resident_bsn_set(*, resident: Resident, bsn: str, by=None) -> Resident:
    """Record (or correct) the BSN: 11-test, unique among live records, stored encrypted."""
    try:
        fields = _bsn_fields(bsn, exclude_pk=resident.pk)
    except ValidationError as error:
        raise ValidationError({"bsn": error.messages[0]}) from None
    for name, value in fields.items():
        setattr(resident, name, value)
    resident.save(update_fields=list(fields))
    return resident


# --- merging -------------------------------------------------------------------------------------


def _unique_field_sets(model, field_name: str) -> list[tuple[tuple[str, ...], Q | None]]:
    """The unique constraints of ``model`` that include ``field_name`` (with their condition, if any)."""
    sets = []
    field = model._meta.get_field(field_name)
    if field.unique:
        sets.append(((field_name,), None))
    for together in model._meta.unique_together:
        if field_name in together:
            sets.append((tuple(together), None))
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields and field_name in constraint.fields:
            sets.append((tuple(constraint.fields), constraint.condition))
    return sets


def _move_rows(model, field_name: str, *, keep: Resident, duplicate: Resident) -> int:
    """Re-point every row of ``model`` from the duplicate to the kept record.

    A row that would then break a unique constraint (the same fact recorded on both records) is a
    duplicate itself and is deleted; the kept record's row stays.
    """
    manager = model._base_manager
    rows = manager.filter(**{field_name: duplicate})
    for fields, condition in _unique_field_sets(model, field_name):
        others = [f for f in fields if f != field_name]
        candidates = rows.filter(condition) if condition is not None else rows
        attnames = [model._meta.get_field(f).attname for f in others]
        for row in candidates.values("pk", *attnames):
            clash = manager.filter(**{field_name: keep}, **{a: row[a] for a in attnames})
            if condition is not None:
                clash = clash.filter(condition)
            if clash.exists():
                manager.filter(pk=row["pk"]).delete()
    return manager.filter(**{field_name: duplicate}).update(**{field_name: keep})


@transaction.atomic
def resident_merge(
    *, keep: Resident, duplicate: Resident, by, reason: str, view: str = "people:resident-merge-confirm"
) -> Resident:
    """Merge two records of the same person into ``keep``.

    Every row that refers to the duplicate (requests, contacts, grants, relations, records in apps this
    function does not know) moves to ``keep``; missing phone, e-mail and BSN are copied; the duplicate
    stays as a merged record (``merged_into``), so audit entries about it keep their meaning. The merge
    itself is written to the audit log under both references.
    """
    reason = (reason or "").strip()
    errors = {}
    if keep.pk == duplicate.pk:
        errors["__all__"] = _("Kies twee verschillende inwoners om samen te voegen.")
    elif keep.merged_into_id or duplicate.merged_into_id:
        errors["__all__"] = _("Een van deze inwoners is al samengevoegd met een ander dossier.")
    elif keep.bsn_hash and duplicate.bsn_hash and keep.bsn_hash != duplicate.bsn_hash:
        errors["__all__"] = _("Deze inwoners hebben een verschillend BSN: het zijn niet dezelfde persoon.")
    if not reason:
        errors["reason"] = _("Geef aan waarom dit dezelfde persoon is.")
    if errors:
        raise ValidationError(errors)
    keep = Resident.objects.select_for_update().get(pk=keep.pk)
    duplicate = Resident.objects.select_for_update().get(pk=duplicate.pk)

    # Relations between the two would become a relation of the person with themself.
    Relation.objects.filter(Q(resident=keep, related=duplicate) | Q(resident=duplicate, related=keep)).delete()
    moved = []
    try:
        for rel in Resident._meta.related_objects:
            if rel.related_model is Resident and rel.field.name == "merged_into":
                continue
            if rel.many_to_many:
                through = rel.through
                for f in through._meta.fields:
                    is_resident = f.is_relation and f.related_model is Resident
                    if is_resident and _move_rows(through, f.name, keep=keep, duplicate=duplicate):
                        moved.append(f"{through._meta.label}.{f.name}")
                continue
            if _move_rows(rel.related_model, rel.field.name, keep=keep, duplicate=duplicate):
                moved.append(f"{rel.related_model._meta.label}.{rel.field.name}")
    except (IntegrityError, ProtectedError) as error:
        raise ValidationError(
            _("Deze inwoners kunnen niet automatisch worden samengevoegd: %(error)s"), params={"error": error}
        ) from error
    # Earlier merges into the duplicate now point at the kept record.
    Resident.objects.filter(merged_into=duplicate).update(merged_into=keep)

    copied = []
    for name in ("phone", "email"):
        if not getattr(keep, name) and getattr(duplicate, name):
            setattr(keep, name, getattr(duplicate, name))
            copied.append(name)
    bsn_fields = ("bsn_encrypted", "bsn_hash", "bsn_last_digits")
    if not keep.bsn_hash and duplicate.bsn_hash:
        for name in bsn_fields:
            setattr(keep, name, getattr(duplicate, name))
        copied.append("bsn")
    # The duplicate keeps its name (audit entries refer to it) but no longer a BSN of its own.
    for name in bsn_fields:
        setattr(duplicate, name, "")
    duplicate.merged_into = keep
    duplicate.merged_at = timezone.now()
    duplicate.save(update_fields=[*bsn_fields, "merged_into", "merged_at"])
    keep.save(update_fields=["phone", "email", *bsn_fields])
    audit_record_write(
        actor=by,
        subject_refs=[str(keep.public_id), str(duplicate.public_id)],
        object_type="people.Resident",
        fields=["merge", *copied],
        view=view,
        reason=f"{reason} [samengevoegd: {duplicate.reference} → {keep.reference}]",
        event=Event.RESIDENT_MERGED,
    )
    keep.merged_rows = moved
    return keep


# --- consent and sharing -------------------------------------------------------------------------


def _end_of_day(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time(23, 59, 59)))


@transaction.atomic
def consent_record(
    *,
    resident: Resident,
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


def _withdraw(*, grants, resident: Resident, by, view: str, note: str) -> int:
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
def consent_withdraw_all(*, resident: Resident, organisation, by, view: str = "people:consent-withdraw") -> int:
    """Withdraw everything a resident shares with one organisation; returns how many grants ended."""
    return _withdraw(
        grants=AccessGrant.objects.filter(resident=resident, organisation=organisation),
        resident=resident,
        by=by,
        view=view,
        note=f"{organisation.short_name}: alles ingetrokken",
    )
