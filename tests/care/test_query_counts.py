"""The care lists use a fixed number of queries, however many signals and carers there are."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkracht.accounts.roles import Role

from ..conftest import login
from ..factories import CarerFactory, CarerStrainAssessmentFactory, ResidentFactory, SignalFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _signals(city, n):
    for i in range(n):
        if i % 2:
            SignalFactory(team=city["team_north"], about=f"Adres {i}")
        else:
            SignalFactory(team=city["team_north"], resident=ResidentFactory(household__neighbourhood=city["north"]))


def _carers(city, n):
    for _ in range(n):
        CarerStrainAssessmentFactory(carer=CarerFactory(carer__household__neighbourhood=city["north"]))


@pytest.mark.parametrize(
    "url_name, add", [("care:signal-list", _signals), ("care:carer-list", _carers)], ids=["signals", "carers"]
)
def test_list_queries_do_not_grow(make_user, city, url_name, add):
    client = login(Client(), make_user(Role.WORKER))
    url = reverse(url_name) + ("?status=all" if url_name == "care:signal-list" else "")
    add(city, 2)
    client.get(url)
    few = _queries(client, url)
    add(city, 20)
    assert _queries(client, url) == few
