"""Keeping the map current: a worker adds and changes a resource; verifying is a deliberate act, not a save."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.socialmap.models import Resource

from ..conftest import login
from ..factories import ProviderFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_a_worker_adds_a_resource_with_its_needs_hours_and_place(make_user, city):
    provider = ProviderFactory(name="Humanitas")
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(
        reverse("socialmap:resource-create"),
        {
            "name": "Thuisadministratie",
            "kind": "service",
            "status": "active",
            "provider": provider.pk,
            "description": "Vrijwilligers helpen thuis met de post.",
            "needs": ["paperwork"],
            "languages": ["nld", "ara"],
            "neighbourhoods": [city["north"].pk],
            "location_name": "Buurthuis De Ster",
            "street_address": "Sterweg 1",
            "hours": "di 09:00-12:00 inloop\nvr 13.30-15.00",
            "minimum_age": "18",
        },
    )
    resource = Resource.objects.get(name="Thuisadministratie")
    assert response.status_code == 302
    assert resource.needs == ["paperwork"] and resource.languages == ["ara", "nld"]
    assert [str(h) for h in resource.opening_hours.all()] == ["dinsdag 09:00-12:00", "vrijdag 13:30-15:00"]
    assert resource.location.name == "Buurthuis De Ster" and resource.last_verified_on is None


def test_missing_and_wrong_input_is_listed_above_the_form_in_dutch(make_user):
    client = login(Client(), make_user(Role.WORKER))
    body = client.post(
        reverse("socialmap:resource-create"),
        {"kind": "service", "status": "active", "hours": "dinsdagochtend", "minimum_age": "40", "maximum_age": "12"},
    ).content.decode()
    assert "dingen niet goed" in body
    assert "Kies de aanbieder, of vul een nieuwe aanbieder in." in body
    assert "Regel 1: schrijf een dag en tijden" in body
    assert Resource.objects.count() == 0


def test_saving_is_not_verifying_and_verifying_records_who_and_when(make_user):
    old = timezone.localdate() - datetime.timedelta(days=500)
    resource = ResourceFactory(last_verified_on=old)
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    resource.description = "Nieuwe omschrijving"
    resource.save()
    assert Resource.objects.get(pk=resource.pk).last_verified_on == old
    client.post(reverse("socialmap:resource-verify", args=[resource.public_id]))
    resource.refresh_from_db()
    assert (resource.last_verified_on, resource.verified_by) == (timezone.localdate(), worker)


def test_a_volunteer_may_read_the_map_but_not_change_it(make_user):
    resource = ResourceFactory()
    client = login(Client(), make_user(Role.VOLUNTEER))
    assert client.get(reverse("socialmap:resource-detail", args=[resource.public_id])).status_code == 200
    assert client.get(reverse("socialmap:resource-update", args=[resource.public_id])).status_code == 403
