"""Importing HSDS 3.0 services (what ``socialmap.hsds`` exports): all rows or none.

Every row (one ``service``) is checked against the published HSDS schema and then against the social map's
own rules (``services.resource_errors``, the same Dutch messages as the form). When any row is wrong the
import writes nothing and reports, per row, what is wrong. Otherwise it writes everything in one
transaction with a handful of bulk statements: a service whose id is already on the map is updated (so a
round trip changes nothing), a new id is created with that id.
"""

import datetime
import json
import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .hsds import VALUE_TERMS, WEEKDAYS, service_validator
from .models import Location, OpeningHours, Provider, Resource, ResourceTerm
from .services import ResourceData, _terms, neighbourhoods_by_code, resource_errors
from .taxonomy import Kind, Scheme

MAX_ROWS = 20_000
TYPE_NAMES = {
    "string": "tekst",
    "number": "een getal",
    "integer": "een geheel getal",
    "array": "een lijst",
    "object": "een object",
    "boolean": "waar of onwaar",
}
LINK_SCHEMES = {"need": Scheme.NEED, "life_domain": Scheme.DOMAIN}


@dataclass
class RowReport:
    row: int  # from 1
    name: str
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    rows: list[RowReport] = field(default_factory=list)  # only rows with errors

    @property
    def ok(self) -> bool:
        return not self.rows


def _schema_message(error) -> str:
    where = ".".join(str(p) for p in error.absolute_path) or _("de rij")
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return _("verplicht veld '%(field)s' ontbreekt in %(where)s") % {"field": missing, "where": where}
    if error.validator == "type":
        wanted = TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        return _("'%(where)s' moet %(type)s zijn") % {"where": where, "type": wanted}
    if error.validator == "enum":
        return _("'%(where)s' heeft de onbekende waarde '%(value)s'; kies uit: %(choices)s") % {
            "where": where,
            "value": str(error.instance)[:40],
            "choices": ", ".join(map(str, error.validator_value)),
        }
    if error.validator == "format":
        return _("'%(where)s' is geen geldige %(format)s") % {"where": where, "format": error.validator_value}
    return _("'%(where)s' voldoet niet aan HSDS (%(rule)s)") % {"where": where, "rule": error.validator}


def _time(value: str) -> datetime.time:
    return datetime.time.fromisoformat(value[:5])


def _date(value: str | None):
    return datetime.date.fromisoformat(value[:10]) if value else None


def _mapped(row: dict, neighbourhoods: dict) -> tuple[ResourceData, dict, dict | None, list[str]]:
    """The resource data of a valid HSDS row, its organization and location objects, and mapping errors."""
    problems = []
    attributes = {}
    for attribute in row.get("attributes", []):
        term = attribute.get("taxonomy_term") or {}
        attributes.setdefault(attribute.get("link_type", ""), []).append((term.get("code", ""), attribute.get("value")))
    values = dict(attributes.get("detail", []))
    kinds = [code for code, _value in attributes.get("kind", [])]
    hours = []
    for schedule in row.get("schedules", []):
        days = [d.strip() for d in (schedule.get("byday") or "").split(",") if d.strip()]
        try:
            opens, closes = _time(schedule["opens_at"]), _time(schedule["closes_at"])
        except (KeyError, ValueError):
            problems.append(_("een openingstijd heeft geen geldige opens_at en closes_at (UU:MM)"))
            continue
        for day in days:
            if day not in WEEKDAYS:
                problems.append(_("onbekende dag '%(day)s' in een openingstijd") % {"day": day})
                continue
            hours.append((WEEKDAYS.index(day) + 1, opens, closes, schedule.get("description", "")))
    served = []
    for area in row.get("service_areas", []):
        code = area.get("extent") or ""
        if code not in neighbourhoods:
            problems.append(_("onbekende buurtcode '%(code)s' in service_areas") % {"code": code[:20]})
        else:
            served.append(neighbourhoods[code])
    capacity = values.get(VALUE_TERMS["capacity"])
    if capacity is not None and not str(capacity).isdigit():
        problems.append(_("de capaciteit moet een heel getal zijn"))
        capacity = None
    at_locations = row.get("service_at_locations", [])
    location = at_locations[0].get("location") if at_locations else None
    try:
        verified = _date(row.get("assured_date"))
    except ValueError:
        problems.append(_("assured_date is geen datum (jjjj-mm-dd)"))
        verified = None
    data = ResourceData(
        name=row.get("name", ""),
        description=row.get("description", ""),
        kind=kinds[0] if kinds else Kind.SERVICE,
        status=row.get("status", Resource.Status.ACTIVE),
        target_group=values.get(VALUE_TERMS["target_group"], ""),
        eligibility=row.get("eligibility_description", ""),
        minimum_age=_age(row.get("minimum_age")),
        maximum_age=_age(row.get("maximum_age")),
        cost=row.get("fees_description", ""),
        free=any(c.get("amount") == 0 for c in row.get("cost_options", [])),
        capacity=int(capacity) if capacity is not None else None,
        waiting_time=row.get("wait_time", ""),
        application=row.get("application_process", ""),
        phone=next((p.get("number", "") for p in row.get("phones", [])), ""),
        email=row.get("email", ""),
        url=row.get("url", ""),
        city_wide=VALUE_TERMS["city_wide"] in values,
        needs=[code for code, _value in attributes.get("need", [])],
        domains=[code for code, _value in attributes.get("life_domain", [])],
        languages=[lang.get("code") or lang.get("name", "?") for lang in row.get("languages", [])],
        neighbourhoods=served,
        hours=hours,
        last_verified_on=verified,
        verifier_email=row.get("assurer_email", ""),
        public_id=uuid.UUID(row["id"]),
    )
    return data, row.get("organization") or {"id": row.get("organization_id")}, location, problems


def _age(value):
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def rows_of(text: str) -> list:
    """The services in an HSDS document: a page (``contents``) or a plain list; ValueError when neither."""
    document = json.loads(text)
    rows = document.get("contents") if isinstance(document, dict) else document
    if not isinstance(rows, list):
        raise ValueError(_("Het bestand is geen lijst van HSDS-services (verwacht: een lijst of 'contents')."))
    return rows


def hsds_check(rows: list) -> tuple[list, ImportResult]:
    """Check every row; returns the mapped rows and the report (rows with errors)."""
    result, mapped, seen = ImportResult(), [], set()
    validator = service_validator()
    codes = {a.get("extent") for r in rows if isinstance(r, dict) for a in r.get("service_areas", []) or []}
    neighbourhoods = neighbourhoods_by_code(c for c in codes if isinstance(c, str))
    for number, row in enumerate(rows, start=1):
        name = row.get("name", "") if isinstance(row, dict) else ""
        report = RowReport(number, str(name)[:80])
        if not isinstance(row, dict):
            report.errors.append(_("de rij is geen HSDS-service (object)"))
        else:
            report.errors += sorted({_schema_message(e) for e in validator.iter_errors(row)})
        if not report.errors:
            if row["id"] in seen:
                report.errors.append(_("de id %(id)s staat al eerder in het bestand") % {"id": row["id"]})
            seen.add(row["id"])
            data, organization, location, problems = _mapped(row, neighbourhoods)
            if not organization.get("id"):
                problems.append(_("de aanbieder ontbreekt (organization of organization_id)"))
            if location is not None and not location.get("addresses"):
                problems.append(_("de locatie heeft geen adres (addresses)"))
            report.errors += problems
            field_errors = resource_errors(data)
            field_errors.pop("provider", None)  # the provider comes from the row's organization
            report.errors += [f"{name}: {message}" for name, message in sorted(field_errors.items())]
            if not report.errors:
                mapped.append((data, organization, location))
        if report.errors:
            result.rows.append(report)
    return mapped, result


def _providers(mapped: list) -> dict[str, Provider]:
    wanted = {str(org["id"]): org for _d, org, _l in mapped}
    existing = {str(p.public_id): p for p in Provider.objects.filter(public_id__in=list(wanted))}
    new = set(wanted) - set(existing)
    for oid, org in wanted.items():
        provider = existing.get(oid) or Provider(public_id=uuid.UUID(oid))
        provider.name = (org.get("name") or "")[:200] or provider.name or _("Onbekende aanbieder")
        provider.description = org.get("description", provider.description)
        provider.email = org.get("email", provider.email)
        provider.website = org.get("website", provider.website)
        provider.phone = next((p.get("number", "") for p in org.get("phones", [])), provider.phone)[:30]
        existing[oid] = provider
    Provider.objects.bulk_create([existing[oid] for oid in new])
    changed = [existing[oid] for oid in wanted if oid not in new]
    Provider.objects.bulk_update(changed, ["name", "description", "email", "website", "phone"])
    return existing


def _locations(mapped: list, neighbourhoods: dict) -> dict[str, Location]:
    wanted = {str(loc["id"]): loc for _d, _o, loc in mapped if loc}
    existing = {str(x.public_id): x for x in Location.objects.filter(public_id__in=list(wanted))}
    new = set(wanted) - set(existing)
    for lid, loc in wanted.items():
        location = existing.get(lid) or Location(public_id=uuid.UUID(lid))
        address = (loc.get("addresses") or [{}])[0]
        location.name = (loc.get("name") or address.get("address_1") or "")[:200]
        location.street_address = (address.get("address_1") or "")[:200]
        location.postcode = (address.get("postal_code") or "")[:7]
        location.city = (address.get("city") or "")[:80]
        location.neighbourhood = neighbourhoods.get(loc.get("external_identifier"))
        location.latitude, location.longitude = loc.get("latitude"), loc.get("longitude")
        location.accessibility = ((loc.get("accessibility") or [{}])[0].get("description") or "")[:300]
        existing[lid] = location
    Location.objects.bulk_create([existing[lid] for lid in new])
    fields = ["name", "street_address", "postcode", "city", "neighbourhood", "latitude", "longitude", "accessibility"]
    Location.objects.bulk_update([existing[lid] for lid in wanted if lid not in new], fields)
    return existing


RESOURCE_FIELDS = [
    "provider",
    "location",
    "kind",
    "name",
    "description",
    "status",
    "target_group",
    "eligibility",
    "minimum_age",
    "maximum_age",
    "cost",
    "free",
    "capacity",
    "waiting_time",
    "application",
    "phone",
    "email",
    "url",
    "city_wide",
    "last_verified_on",
    "verifier_email",
]


@transaction.atomic
def _write(mapped: list) -> tuple[int, int]:
    codes = {x.get("external_identifier") for _d, _o, x in mapped if x}
    providers = _providers(mapped)
    locations = _locations(mapped, neighbourhoods_by_code(c for c in codes if c))
    ids = [d.public_id for d, _o, _l in mapped]
    existing = {r.public_id: r for r in Resource.objects.filter(public_id__in=ids)}
    new, changed = [], []
    for data, organization, location in mapped:
        resource = existing.get(data.public_id) or Resource(public_id=data.public_id)
        data.provider = providers[str(organization["id"])]
        data.location = locations.get(str(location["id"])) if location else None
        for name in RESOURCE_FIELDS:
            setattr(resource, name, getattr(data, name))
        (changed if data.public_id in existing else new).append(resource)
    Resource.objects.bulk_create(new, batch_size=1000)
    Resource.objects.bulk_update(changed, [*RESOURCE_FIELDS, "updated_at"], batch_size=1000)
    pk_of = dict(Resource.objects.filter(public_id__in=ids).values_list("public_id", "pk"))
    resource_ids = list(pk_of.values())
    for model in (ResourceTerm, OpeningHours, Resource.neighbourhoods.through):
        model.objects.filter(resource_id__in=resource_ids).delete()
    terms, hours, served = [], [], []
    for data, _o, _l in mapped:
        pk = pk_of[data.public_id]
        terms += [ResourceTerm(resource_id=pk, scheme=s, code=c) for s, c in _terms(data)]
        hours += [
            OpeningHours(resource_id=pk, weekday=w, opens_at=o, closes_at=c, note=n[:200]) for w, o, c, n in data.hours
        ]
        served += [Resource.neighbourhoods.through(resource_id=pk, neighbourhood_id=n.pk) for n in data.neighbourhoods]
    ResourceTerm.objects.bulk_create(terms, batch_size=2000)
    OpeningHours.objects.bulk_create(hours, batch_size=2000)
    Resource.neighbourhoods.through.objects.bulk_create(served, batch_size=2000)
    return len(new), len(changed)


def hsds_import(*, text: str) -> ImportResult:
    """Import an HSDS document; nothing is written when any row is wrong (see ``ImportResult.rows``)."""
    try:
        rows = rows_of(text)
    except (ValueError, AttributeError) as error:
        message = str(error) if isinstance(error, ValueError) and not isinstance(error, json.JSONDecodeError) else ""
        return ImportResult(rows=[RowReport(0, "", [message or _("Het bestand is geen geldige JSON.")])])
    if len(rows) > MAX_ROWS:
        return ImportResult(rows=[RowReport(0, "", [_("Hoogstens %(n)d rijen per import.") % {"n": MAX_ROWS}])])
    mapped, result = hsds_check(rows)
    if not result.ok:
        return result
    result.created, result.updated = _write(mapped)
    return result
