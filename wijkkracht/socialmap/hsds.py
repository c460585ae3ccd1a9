"""The social map in the Open Referral Human Services Data Specification (HSDS 3.0), and the schema check.

``hsds_service(resource)`` writes one resource as an HSDS ``service`` object with everything nested (its
``organization``, ``service_at_locations`` → ``location`` with ``addresses`` and ``accessibility``,
``schedules``, ``languages``, ``service_areas``, ``phones``, ``cost_options`` and ``attributes`` →
``taxonomy_term``). ``hsds_page(resources)`` wraps them as the HSDS API's page (``contents``), the format the
import reads back (``socialmap.hsds_import``).

Mapping choices (docs/social-map.md):

- ids are the records' ``public_id``; ids of nested objects are UUID5s of the service id and their key, so
  the same resource always exports the same document;
- needs, life domains and the kind of resource are ``attributes`` with a ``taxonomy_term`` from our own
  taxonomies; target group, capacity and "for the whole municipality" are attributes with a ``value``;
- the neighbourhoods served are ``service_areas`` whose ``extent`` is the CBS code (``extent_type`` "text");
- last verified is ``assured_date`` (+ ``assurer_email``), the waiting time ``wait_time``, cost
  ``fees_description`` (+ a ``cost_option`` of 0 EUR when free); opening hours are WEEKLY ``schedules`` in
  local (Europe/Amsterdam) wall-clock time.
"""

import json
import uuid
from functools import cache
from pathlib import Path

from django.utils import timezone

from .models import Resource
from .taxonomy import LANGUAGES, Kind, LifeDomain, Need, Scheme

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
HSDS_VERSION = "3.0"
NAMESPACE = uuid.UUID("6f1f3a52-2b7e-4f4e-9a57-3c2d0f9b8e11")  # wijkkracht's HSDS namespace (UUID5)
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# Our taxonomies: (link_type, taxonomy name, description).
TAXONOMIES = {
    Scheme.NEED: ("need", "wijkkracht-behoeften", "Waar een inwoner naar zoekt (wijkkracht)"),
    Scheme.DOMAIN: ("life_domain", "zrm-leefgebieden", "Leefgebieden van de Zelfredzaamheid-Matrix (ZRM)"),
    "kind": ("kind", "wijkkracht-soort-aanbod", "Soort aanbod op de sociale kaart (wijkkracht)"),
    "value": ("detail", "wijkkracht-kenmerken", "Kenmerken van het aanbod met een waarde (wijkkracht)"),
}
LABELS = {Scheme.NEED: Need, Scheme.DOMAIN: LifeDomain, "kind": Kind}
VALUE_TERMS = {"target_group": "doelgroep", "capacity": "capaciteit", "city_wide": "hele-gemeente"}


def hsds_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def _term(scheme: str, code: str) -> dict:
    _link_type, taxonomy, _description = TAXONOMIES[scheme]
    name = code if scheme == "value" else str(LABELS[scheme](code).label)
    return {
        "id": hsds_id("term", taxonomy, code),
        "code": code,
        "name": name,
        "description": name,
        "taxonomy": taxonomy,
        "taxonomy_id": hsds_id("taxonomy", taxonomy),
        "language": "nl",
    }


def _attribute(sid: str, scheme: str, code: str, value: str | None = None) -> dict:
    term = _term(scheme, code)
    attribute = {
        "id": hsds_id(sid, "attribute", scheme, code),
        "link_id": sid,
        "link_type": TAXONOMIES[scheme][0],
        "link_entity": "service",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }
    if value is not None:
        attribute["value"] = value
    return attribute


def _clean(obj: dict) -> dict:
    """HSDS fields are strings or numbers, never null: an unknown value is left out."""
    return {k: v for k, v in obj.items() if v not in (None, "")}


def _organization(resource: Resource) -> dict:
    provider = resource.provider
    oid = str(provider.public_id)
    organization = _clean({"id": oid, "name": provider.name, "email": provider.email, "website": provider.website})
    organization["description"] = provider.description or provider.name
    if provider.phone:
        organization["phones"] = [{"id": hsds_id(oid, "phone"), "organization_id": oid, "number": provider.phone}]
    return organization


def _location(resource: Resource, sid: str) -> list[dict]:
    location = resource.location
    if location is None:
        return []
    lid = str(location.public_id)
    found = _clean(
        {
            "id": lid,
            "location_type": "physical",
            "name": location.name,
            "organization_id": str(resource.provider.public_id),
            "latitude": float(location.latitude) if location.latitude is not None else None,
            "longitude": float(location.longitude) if location.longitude is not None else None,
        }
    )
    found["addresses"] = [
        {
            "id": hsds_id(lid, "address"),
            "location_id": lid,
            "address_1": location.street_address,
            "city": location.city,
            "state_province": "",
            "postal_code": location.postcode,
            "country": "NL",
            "address_type": "physical",
        }
    ]
    if location.neighbourhood_id:
        found["external_identifier"] = location.neighbourhood.code
        found["external_identifier_type"] = "CBS-buurtcode"
    if location.accessibility:
        found["accessibility"] = [
            {"id": hsds_id(lid, "accessibility"), "location_id": lid, "description": location.accessibility}
        ]
    return [{"id": hsds_id(sid, "at", lid), "service_id": sid, "location_id": lid, "location": found}]


def hsds_service(resource: Resource) -> dict:
    """One resource as an HSDS 3.0 ``service`` (prefetched: provider, location, terms, hours, neighbourhoods)."""
    sid = str(resource.public_id)
    service = _clean(
        {
            "id": sid,
            "organization_id": str(resource.provider.public_id),
            "name": resource.name,
            "description": resource.description,
            "url": resource.url,
            "email": resource.email,
            "status": resource.status,
            "application_process": resource.application,
            "fees_description": resource.cost,
            "wait_time": resource.waiting_time,
            "eligibility_description": resource.eligibility,
            "minimum_age": resource.minimum_age,
            "maximum_age": resource.maximum_age,
            "assured_date": resource.last_verified_on.isoformat() if resource.last_verified_on else None,
            "assurer_email": resource.verifier_email,
            "last_modified": timezone.localtime(resource.updated_at).isoformat(timespec="milliseconds"),
        }
    )
    service["organization"] = _organization(resource)
    if resource.phone:
        service["phones"] = [{"id": hsds_id(sid, "phone"), "service_id": sid, "number": resource.phone}]
    service["schedules"] = [
        _clean(
            {
                "id": hsds_id(sid, "schedule", h.weekday, h.opens_at, h.closes_at),
                "service_id": sid,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": WEEKDAYS[h.weekday - 1],
                "opens_at": h.opens_at.strftime("%H:%M"),
                "closes_at": h.closes_at.strftime("%H:%M"),
                "description": h.note,
            }
        )
        for h in resource.opening_hours.all()
    ]
    service["service_areas"] = [
        {
            "id": hsds_id(sid, "area", n.code),
            "service_id": sid,
            "name": n.name,
            "extent": n.code,
            "extent_type": "text",
        }
        for n in sorted(resource.neighbourhoods.all(), key=lambda n: n.code)
    ]
    service["service_at_locations"] = _location(resource, sid)
    service["languages"] = [
        {"id": hsds_id(sid, "language", code), "service_id": sid, "name": LANGUAGES[code], "code": code}
        for code in resource.languages
    ]
    if resource.free:
        service["cost_options"] = [
            {"id": hsds_id(sid, "cost"), "service_id": sid, "option": "gratis", "amount": 0, "currency": "EUR"}
        ]
    attributes = [_attribute(sid, "kind", resource.kind)]
    attributes += [_attribute(sid, Scheme.NEED, code) for code in resource.needs]
    attributes += [_attribute(sid, Scheme.DOMAIN, code) for code in resource.domains]
    if resource.target_group:
        attributes.append(_attribute(sid, "value", VALUE_TERMS["target_group"], resource.target_group))
    if resource.capacity is not None:
        attributes.append(_attribute(sid, "value", VALUE_TERMS["capacity"], str(resource.capacity)))
    if resource.city_wide:
        attributes.append(_attribute(sid, "value", VALUE_TERMS["city_wide"], "ja"))
    service["attributes"] = attributes
    return service


def hsds_page(resources) -> dict:
    """The HSDS API's ``Page`` of services (one page with everything): what the export writes."""
    contents = [hsds_service(r) for r in resources]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def hsds_json(resources) -> str:
    return json.dumps(hsds_page(resources), ensure_ascii=False, indent=1)


def _inlined(node, schemas: dict):
    """The schema with every ``$ref`` to a sibling file replaced by that file's schema (HSDS has no cycles):
    the same validation, without a reference lookup per nested object (about a fifth of the time)."""
    if isinstance(node, list):
        return [_inlined(item, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str) and node["$ref"] in schemas:
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inlined(schemas[node["$ref"]], schemas), **siblings}
    return {key: _inlined(value, schemas) for key, value in node.items()}


@cache
def service_validator():
    """A jsonschema (Draft 2020-12) validator for HSDS 3.0 ``service.json`` with every schema it refers to
    (inlined from the checked-in files), checking formats such as uuid."""
    from jsonschema import Draft202012Validator, FormatChecker

    schemas = {path.name: json.loads(path.read_text()) for path in sorted(SCHEMA_DIR.glob("*.json"))}
    return Draft202012Validator(_inlined(schemas["service.json"], schemas), format_checker=FormatChecker())
