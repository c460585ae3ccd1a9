"""The API: the same search, policy and audit log as the pages; the schema documents every endpoint."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.access import services as access_services
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.people import services

from ..conftest import login
from ..factories import ResidentFactory
from .helpers import VALID_BSNS, with_bsn

pytestmark = pytest.mark.django_db


def test_the_resident_list_searches_like_the_page(make_user, city, resident_north, resident_south):
    client = login(Client(), make_user(Role.WORKER))
    body = client.get(reverse("api:resident-list"), {"q": "Bakkr"}).json()
    assert [r["id"] for r in body["results"]] == [str(resident_north.public_id)]
    assert body["count"] == 1


def test_the_resident_detail_has_the_bsn_masked_household_and_relations(make_user, resident_north):
    with_bsn(resident_north, VALID_BSNS[1])
    partner = ResidentFactory(household=resident_north.household, first_name="Partner")
    services.relation_add(resident=resident_north, related=partner, kind="partner")
    client = login(Client(), make_user(Role.WORKER))
    body = client.get(reverse("api:resident-detail", args=[resident_north.public_id])).json()
    assert body["bsn"] == "******782"
    assert VALID_BSNS[1] not in str(body)
    assert body["household_id"] == str(resident_north.household.public_id)
    assert body["relations"] == [
        {
            "kind": "partner",
            "resident_id": str(resident_north.public_id),
            "related_id": str(partner.public_id),
            "related_name": partner.full_name,
        }
    ]
    assert [m["id"] for m in body["members"]] == [str(partner.public_id)]


def test_household_and_consents(make_user, city, resident_north, resident_south):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    household = client.get(reverse("api:household-detail", args=[resident_north.household.public_id])).json()
    assert [m["id"] for m in household["members"]] == [str(resident_north.public_id)]
    assert client.get(reverse("api:household-detail", args=[resident_south.household.public_id])).status_code == 404
    import datetime

    from django.utils import timezone

    access_services.consent_record(
        resident=resident_north,
        organisation=city["sst"],
        purposes=["handover"],
        categories=["personal_details"],
        valid_until=timezone.localdate() + datetime.timedelta(days=10),
        ground="consent",
        by=worker,
    )
    consents = client.get(reverse("api:resident-consent-list", args=[resident_north.public_id])).json()
    assert [(c["organisation"], c["category"], c["active"]) for c in consents["results"]] == [
        ("Sociaal Stedelijk Team", "personal_details", True)
    ]
    assert client.get(reverse("api:resident-consent-list", args=[resident_south.public_id])).status_code == 404
    assert AuditEvent.objects.filter(view="api:resident-consent-list").exists()


def test_the_schema_documents_the_people_endpoints(make_user):
    client = login(Client(), make_user(Role.WORKER))
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert [server["url"] for server in schema["servers"]] == ["/api/v1"]
    paths = schema["paths"]  # relative to the server URL
    for path in (
        "/inwoners",
        "/inwoners/{public_id}",
        "/inwoners/{public_id}/toestemmingen",
        "/toestemmingen/{id}/intrekken",
        "/huishoudens/{public_id}",
    ):
        assert path in paths, path
    assert set(paths["/inwoners/{public_id}/toestemmingen"]) >= {"get", "post"}
    assert "post" in paths["/toestemmingen/{id}/intrekken"]
