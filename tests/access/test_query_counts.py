"""Pages that list or show residents use a fixed number of queries, however much data there is."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkracht.accounts.roles import Role

from ..conftest import login
from ..factories import ResidentFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_resident_list_queries_do_not_grow_with_the_number_of_residents(make_user, city):
    client = login(Client(), make_user(Role.WORKER))
    ResidentFactory.create_batch(3, household__neighbourhood=city["north"])
    few = _queries(client, reverse("people:resident-list"))
    ResidentFactory.create_batch(40, household__neighbourhood=city["north"])
    many = _queries(client, reverse("people:resident-list"))
    assert many == few


def test_resident_page_queries_are_fixed(make_user, city, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    first = _queries(client, reverse("people:resident-detail", args=[resident_north.public_id]))
    ResidentFactory.create_batch(20, household__neighbourhood=city["north"])
    again = _queries(client, reverse("people:resident-detail", args=[resident_north.public_id]))
    assert again == first
