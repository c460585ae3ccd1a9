"""Writes for residents, households, relations, the BSN, merging and consent.

The caller (a view, API endpoint or command) has already read the records through
``wijkkracht.people.selectors``, so the policy has been applied and the read logged; these functions
only validate and write, each in one transaction: on bad input they raise a ValidationError with a
Dutch message and nothing is saved.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.areas.selectors import neighbourhood_for_postcode, postcode_normalise
from wijkkracht.people.bsn import bsn_clean, bsn_encrypt, bsn_hash
from wijkkracht.people.models import Household, Relation, Resident
from wijkkracht.people.search import resident_search_name

DEFAULT_CITY = "Almere"
EARLIEST_BIRTH_DATE = datetime.date(1900, 1, 1)
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
