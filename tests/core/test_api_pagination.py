"""One paginator: every list endpoint answers {count, page, pages, results}, and its schema says exactly that."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.access import services as access_services
from wijkkracht.accounts.roles import Role

from ..conftest import login
from ..factories import CarerFactory, ContactFactory, HelpRequestFactory, SignalFactory, WatchContactFactory

pytestmark = pytest.mark.django_db

PAGE_KEYS = {"count", "page", "pages", "results"}


@pytest.fixture
def world(make_user, city, resident_north):
    """One record of every listed kind, all visible to the north worker."""
    worker = make_user(Role.WORKER)
    help_request = HelpRequestFactory(resident=resident_north, team=city["team_north"], taken_by=worker)
    ContactFactory(help_request=help_request, resident=resident_north)
    SignalFactory(team=city["team_north"], resident=resident_north)
    WatchContactFactory(resident=resident_north, owner=worker, next_due=timezone.localdate())
    CarerFactory(carer=resident_north)
    access_services.consent_record(
        resident=resident_north,
        organisation=city["sst"],
        purposes=["handover"],
        categories=["personal_details"],
        valid_until=timezone.localdate() + timezone.timedelta(days=30),
        ground="consent",
        by=worker,
    )
    return {"client": login(Client(), worker), "resident": resident_north, "help_request": help_request}


LISTS = [
    ("api:resident-list", None, "/inwoners"),
    ("api:resident-consent-list", "resident", "/inwoners/{public_id}/toestemmingen"),
    ("api:request-list", None, "/hulpvragen"),
    ("api:request-contacts", "help_request", "/hulpvragen/{public_id}/contactmomenten"),
    ("api:signal-list", None, "/signalen"),
    ("api:watch-list", None, "/waakvlam"),
    ("api:carer-list", None, "/mantelzorgers"),
]


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


@pytest.fixture
def schema(world):
    return world["client"].get(reverse("api:schema")).json()


@pytest.mark.parametrize(("url_name", "arg", "path"), LISTS)
def test_every_list_answers_the_shape_its_schema_describes(world, schema, url_name, arg, path):
    url = reverse(url_name, args=[world[arg].public_id] if arg else [])
    body = world["client"].get(url, {"q": "Bakker"} if url_name == "api:resident-list" else {}).json()
    assert set(body) == PAGE_KEYS
    assert (body["page"], body["pages"]) == (1, 1)
    assert body["count"] == len(body["results"]) >= 1

    documented = _resolve(
        schema, schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    )
    assert set(documented["properties"]) == set(documented["required"]) == PAGE_KEYS
    item = _resolve(schema, documented["properties"]["results"]["items"])
    assert set(body["results"][0]) == set(item["properties"])
    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    assert parameters["page"]["schema"] == {"type": "integer", "minimum": 1, "default": 1}


def test_the_only_unpaged_list_is_the_zrm_history(schema):
    """Every GET answering many records pages, except the ZRM (the latest 50, a count; see docs/api.md)."""
    unpaged = []
    for path, item in schema["paths"].items():
        get = item.get("get")
        if get is None:
            continue
        body = _resolve(schema, get["responses"]["200"]["content"]["application/json"]["schema"])
        if body.get("type") == "array" or (
            "results" in body.get("properties", {}) and "pages" not in body["properties"]
        ):
            unpaged.append(path)
    assert unpaged == ["/inwoners/{public_id}/zrm"]


def test_a_page_beyond_the_last_answers_the_last_page(world):
    body = world["client"].get(reverse("api:request-list"), {"page": 7}).json()
    assert (body["page"], body["pages"], len(body["results"])) == (1, 1, 1)


def test_a_post_on_a_list_url_is_not_documented_as_a_page(schema):
    created = schema["paths"]["/inwoners/{public_id}/toestemmingen"]["post"]
    assert created["responses"]["201"]["content"]["application/json"]["schema"]["type"] == "array"
    assert "page" not in {p["name"] for p in created.get("parameters", [])}
