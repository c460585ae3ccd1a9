"""The social map's API: the search with checked parameters, one resource, the HSDS pages."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.socialmap.hsds import service_validator

from ..conftest import login
from ..factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(make_user):
    return login(Client(), make_user(Role.WORKER))


def test_the_search_filters_and_pages(client, city):
    ResourceFactory(
        name="Taalhuis", needs=["language"], languages=["nld", "tir"], location__neighbourhood=city["north"]
    )
    ResourceFactory(name="Koffie", needs=["company"])
    body = client.get(
        reverse("api:resource-list"), {"need": "language", "language": "tir", "neighbourhood": city["north"].code}
    ).json()
    assert (body["count"], body["results"][0]["name"]) == (1, "Taalhuis")
    assert body["results"][0]["languages"] == ["nld", "tir"]


def test_an_unknown_filter_value_answers_400_naming_the_parameter(client, city):
    response = client.get(reverse("api:resource-list"), {"language": "klingon", "age": "200"})
    assert response.status_code == 400
    assert {e["name"] for e in response.json()["errors"]} <= {"language", "age"}


def test_the_hsds_pages_hold_valid_services(client):
    ResourceFactory()
    body = client.get(reverse("api:hsds-services")).json()
    assert (body["total_items"], body["page_number"], body["last_page"]) == (1, 1, True)
    assert list(service_validator().iter_errors(body["contents"][0])) == []


def test_without_login_the_api_says_so(city):
    assert Client().get(reverse("api:resource-list")).status_code == 403
