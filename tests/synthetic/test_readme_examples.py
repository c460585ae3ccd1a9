"""The README's examples work in the demo city: as wijkwerker, "Bakkr" finds a Bakker; the start page has
something for the worker; a search without a result says what to try."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from wijkkracht.cases.models import Notification

from ..conftest import login

pytestmark = pytest.mark.django_db


def test_as_wijkwerker_a_search_with_a_typo_finds_a_bakker(small_city):
    worker = get_user_model().objects.get(username="wijkwerker")
    client = login(Client(), worker)
    body = client.get(reverse("people:resident-list"), {"q": "Bakkr"}).content.decode().split("<main", 1)[1]
    assert "Bakker</a>" in body
    assert "Niemand gevonden" not in body
    nobody = client.get(reverse("people:resident-list"), {"q": "Xyzzyq"}).content.decode()
    assert "Probeer een korter stuk van de naam" in nobody


def test_the_demo_worker_has_something_for_them_on_the_start_page(small_city):
    worker = get_user_model().objects.get(username="wijkwerker")
    assert Notification.objects.filter(recipient=worker, read_at__isnull=True).count() >= 2
    body = login(Client(), worker).get(reverse("core:home")).content.decode()
    assert "aan u toegewezen" in body and "door Mark de Jong" in body
