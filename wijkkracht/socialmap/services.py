"""Writes of the social map: a resource with its terms, opening hours and neighbourhoods; verifying it.

The checks (``resource_errors``) are the same for the page's form and for each row of an HSDS import, so
both give the same Dutch message per field. Every write is one transaction.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkkracht.areas.models import Neighbourhood

from .models import Location, OpeningHours, Provider, Resource, ResourceTerm
from .taxonomy import LANGUAGES, Kind, LifeDomain, Need, Scheme

MAX_AGE = 120
TEXT_FIELDS = (
    "name",
    "description",
    "target_group",
    "eligibility",
    "cost",
    "waiting_time",
    "application",
    "phone",
    "email",
    "url",
)


@dataclass
class ResourceData:
    """Everything a resource is, checked by ``resource_errors`` and written by ``resource_save``."""

    name: str
    description: str
    provider: Provider | None = None
    kind: str = Kind.SERVICE
    status: str = Resource.Status.ACTIVE
    location: Location | None = None
    target_group: str = ""
    eligibility: str = ""
    minimum_age: int | None = None
    maximum_age: int | None = None
    cost: str = ""
    free: bool = False
    capacity: int | None = None
    waiting_time: str = ""
    application: str = ""
    phone: str = ""
    email: str = ""
    url: str = ""
    city_wide: bool = False
    needs: list = field(default_factory=list)
    domains: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    neighbourhoods: list = field(default_factory=list)  # Neighbourhood objects
    hours: list = field(default_factory=list)  # (weekday 1-7, opens time, closes time, note)
    last_verified_on: datetime.date | None = None
    verifier_email: str = ""
    public_id: object = None  # kept on import, so a round trip updates instead of duplicating


def resource_errors(data: ResourceData) -> dict[str, str]:
    """Dutch messages per field; empty when the resource may be saved."""
    errors = {}
    for name in TEXT_FIELDS:
        setattr(data, name, (getattr(data, name) or "").strip())
    if not data.name:
        errors["name"] = _("Vul de naam van het aanbod in.")
    elif len(data.name) > 200:
        errors["name"] = _("Gebruik voor de naam hoogstens 200 tekens.")
    if not data.description:
        errors["description"] = _("Beschrijf wat het aanbod is.")
    if data.provider is None:
        errors["provider"] = _("Kies de aanbieder.")
    if data.kind not in Kind.values:
        errors["kind"] = _("Kies de soort aanbod.")
    if data.status not in Resource.Status.values:
        errors["status"] = _("Kies een geldige status.")
    for name in ("minimum_age", "maximum_age"):
        value = getattr(data, name)
        if value is not None and not (0 <= value <= MAX_AGE):
            errors[name] = _("Een leeftijd ligt tussen 0 en %(max)d jaar.") % {"max": MAX_AGE}
    ages_given = data.minimum_age is not None and data.maximum_age is not None
    if (
        "minimum_age" not in errors
        and "maximum_age" not in errors
        and ages_given
        and data.minimum_age > data.maximum_age
    ):
        errors["maximum_age"] = _("De maximale leeftijd is lager dan de minimale.")
    if data.capacity is not None and data.capacity < 0:
        errors["capacity"] = _("Het aantal plaatsen kan niet negatief zijn.")
    if data.email:
        try:
            validate_email(data.email)
        except ValidationError:
            errors["email"] = _("Vul een geldig e-mailadres in.")
    if data.url and not data.url.startswith(("https://", "http://")):
        errors["url"] = _("Een website begint met https://.")
    unknown = {
        "needs": sorted(set(data.needs) - set(Need.values)),
        "domains": sorted(set(data.domains) - set(LifeDomain.values)),
        "languages": sorted(set(data.languages) - set(LANGUAGES)),
    }
    if unknown["needs"]:
        errors["needs"] = _("Onbekende behoefte: %(codes)s.") % {"codes": ", ".join(unknown["needs"])}
    if unknown["domains"]:
        errors["domains"] = _("Onbekend leefgebied: %(codes)s.") % {"codes": ", ".join(unknown["domains"])}
    if unknown["languages"]:
        errors["languages"] = _("Onbekende taalcode (ISO 639-3): %(codes)s.") % {
            "codes": ", ".join(unknown["languages"])
        }
    for weekday, opens, closes, _note in data.hours:
        if weekday not in range(1, 8):
            errors["hours"] = _("Een openingstijd hoort bij een dag van de week.")
        elif opens >= closes:
            errors["hours"] = _("Een openingstijd moet eindigen na het begin.")
    if data.last_verified_on and data.last_verified_on > timezone.localdate():
        errors["last_verified_on"] = _("De controledatum kan niet in de toekomst liggen.")
    return errors


def _terms(data: ResourceData) -> list[tuple[str, str]]:
    found = [(Scheme.NEED, c) for c in data.needs] + [(Scheme.DOMAIN, c) for c in data.domains]
    return sorted(set(found + [(Scheme.LANGUAGE, c) for c in data.languages]))


def _write(resource: Resource, data: ResourceData) -> Resource:
    for name in (*TEXT_FIELDS, "kind", "status", "minimum_age", "maximum_age", "free", "capacity", "city_wide"):
        setattr(resource, name, getattr(data, name))
    resource.provider, resource.location = data.provider, data.location
    if data.last_verified_on:
        resource.last_verified_on = data.last_verified_on
        resource.verifier_email = data.verifier_email
    resource.save()
    resource.terms.all().delete()
    ResourceTerm.objects.bulk_create(ResourceTerm(resource=resource, scheme=s, code=c) for s, c in _terms(data))
    resource.opening_hours.all().delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(resource=resource, weekday=w, opens_at=o, closes_at=c, note=(n or "")[:200])
        for w, o, c, n in data.hours
    )
    resource.neighbourhoods.set(data.neighbourhoods)
    return resource


@transaction.atomic
def resource_save(*, data: ResourceData, resource: Resource | None = None, by=None) -> Resource:
    """Create (``resource`` None) or change a resource; ValidationError with Dutch messages per field."""
    errors = resource_errors(data)
    if errors:
        raise ValidationError(errors)
    if resource is None:
        resource = Resource(public_id=data.public_id) if data.public_id else Resource()
    return _write(resource, data)


@transaction.atomic
def resource_verify(*, resource: Resource, by, on: datetime.date | None = None) -> Resource:
    """Record that the data was checked with the provider today (not merely saved)."""
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError({"last_verified_on": _("De controledatum kan niet in de toekomst liggen.")})
    resource.last_verified_on = on
    resource.verified_by = by
    resource.verifier_email = getattr(by, "email", "") or ""
    resource.save(update_fields=["last_verified_on", "verified_by", "verifier_email", "updated_at"])
    return resource


@transaction.atomic
def provider_create(*, name: str, description: str = "", email: str = "", website: str = "", phone: str = ""):
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Vul de naam van de aanbieder in.")})
    return Provider.objects.create(name=name[:200], description=description, email=email, website=website, phone=phone)


@transaction.atomic
def location_create(*, name: str, street_address: str, postcode: str = "", city: str = "Almere", **extra) -> Location:
    name, street_address = (name or "").strip(), (street_address or "").strip()
    errors = {}
    if not name:
        errors["location_name"] = _("Vul de naam van de plek in.")
    if not street_address:
        errors["street_address"] = _("Vul het adres in.")
    if errors:
        raise ValidationError(errors)
    neighbourhood = extra.pop("neighbourhood", None)
    return Location.objects.create(
        name=name, street_address=street_address, postcode=postcode, city=city, neighbourhood=neighbourhood, **extra
    )


def neighbourhoods_by_code(codes) -> dict[str, Neighbourhood]:
    return {n.code: n for n in Neighbourhood.objects.filter(code__in=list(codes))}
