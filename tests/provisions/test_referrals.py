"""Referring from a help request to the social map, and the receiving organisation reporting back: by its own
login (the kernel's ``organisation`` scope) or by a one-time link that shows no personal data."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.provisions.models import Referral
from wijkkracht.provisions.services.referrals import referral_create, referral_report

from ..conftest import login
from ..factories import HelpRequestFactory, OrganisationFactory, ProviderFactory, ReferralFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def humanitas():
    return OrganisationFactory(name="Humanitas", short_name="HUM", kind="provider")


@pytest.fixture
def resource(humanitas):
    return ResourceFactory(
        name="Thuisadministratie", city_wide=True, provider=ProviderFactory(name="Humanitas", organisation=humanitas)
    )


@pytest.fixture
def request_north(worker, resident_north, city):
    return HelpRequestFactory(resident=resident_north, team=city["team_north"], taken_by=worker, status="support")


def test_a_worker_refers_from_the_request_page_and_sees_the_status_come_back(
    worker, request_north, resource, make_user, humanitas
):
    client = login(Client(), worker)
    page = client.get(reverse("cases:request-detail", args=[request_north.public_id])).content.decode()
    create = reverse("provisions:referral-create", args=[request_north.public_id])
    assert create in page  # the panel on the request page
    assert "Thuisadministratie" in client.get(create).content.decode()  # the map, searched near the resident
    client.post(create, {"resource": str(resource.public_id), "note": "Post stapelt zich op", "share_contact": "on"})
    referral = Referral.objects.get()
    assert (referral.help_request, referral.provider_organisation, referral.status) == (
        request_north,
        humanitas,
        "sent",
    )

    provider = make_user(Role.PROVIDER, organisation=humanitas)
    provider_client = login(Client(), provider)
    listing = provider_client.get(reverse("provisions:referral-list")).content.decode()
    assert request_north.resident.full_name in listing
    provider_client.post(reverse("provisions:referral-report", args=[referral.public_id]), {"status": "waiting"})
    referral.refresh_from_db()
    assert (referral.status, referral.reported_by) == ("waiting", provider)
    entry = AuditEvent.objects.filter(actor_id=provider.pk).first()
    assert (entry.basis, entry.relationship) == ("organisation", "grant_holder")

    panel = client.get(reverse("cases:request-detail", args=[request_north.public_id])).content.decode()
    assert "op de wachtlijst" in panel


def test_another_organisation_does_not_see_the_referral(resource, worker, request_north, make_user):
    referral = referral_create(help_request=request_north, resource=resource, by=worker)
    stranger = make_user(Role.PROVIDER, organisation=OrganisationFactory())
    client = login(Client(), stranger)
    assert client.get(reverse("provisions:referral-detail", args=[referral.public_id])).status_code == 404
    with pytest.raises(ValidationError, match="niet aan uw organisatie"):
        referral_report(referral=referral, status="accepted", by=stranger)


def test_without_consent_the_provider_sees_a_reference_not_a_name(
    resource, worker, request_north, make_user, humanitas
):
    referral = referral_create(help_request=request_north, resource=resource, by=worker, share_contact=False)
    provider = login(Client(), make_user(Role.PROVIDER, organisation=humanitas))
    body = provider.get(reverse("provisions:referral-detail", args=[referral.public_id])).content.decode()
    assert request_north.resident.full_name not in body and "gaf geen toestemming" in body


def test_declining_needs_a_reason(resource, worker, request_north):
    referral = referral_create(help_request=request_north, resource=resource, by=worker)
    with pytest.raises(ValidationError) as error:
        referral_report(referral=referral, status="declined", by=worker)
    assert error.value.message_dict == {"status_reason": ["Schrijf op waarom de verwijzing is afgewezen."]}


def test_the_one_time_link_works_once_and_shows_no_personal_data(worker, request_north):
    referral = ReferralFactory(
        resident=request_north.resident, help_request=request_north, team=request_north.team, referred_by=worker
    )
    page = login(Client(), worker).post(reverse("provisions:referral-link", args=[referral.public_id])).content.decode()
    link = re.search(r"http://testserver(/voorzieningen/terugmelding/[^<\s]+/)", page).group(1)
    anonymous = Client()
    form = anonymous.get(link).content.decode()
    assert referral.resource.name in form and request_north.resident.last_name not in form
    done = anonymous.post(link, {"status": "declined", "status_reason": "Geen plek in de groep."})
    assert "Bedankt voor uw terugmelding" in done.content.decode()
    referral.refresh_from_db()
    assert (referral.status, referral.reported_by_link, referral.status_reason) == (
        "declined",
        True,
        "Geen plek in de groep.",
    )
    assert anonymous.get(link).status_code == 404  # spent
    assert AuditEvent.objects.filter(view="provisions:referral-report-link").count() == 0


def test_a_made_up_link_is_not_found(city):
    assert Client().get(reverse("provisions:referral-report-link", args=["abc:def"])).status_code == 404


def test_a_closed_request_cannot_be_referred(resource, worker, request_north):
    request_north.status = "closed"
    request_north.save()
    with pytest.raises(ValidationError, match="afgesloten"):
        referral_create(help_request=request_north, resource=resource, by=worker)


def test_the_resident_page_says_the_provider_can_see_the_referral(worker, request_north, resource, humanitas):
    from wijkkracht.access.known import resident_visibility

    referral_create(help_request=request_north, resource=resource, by=worker)
    row = next(r for r in resident_visibility(request_north.resident) if r["category"] == "collective_provisions")
    assert {"name": "Humanitas", "ground": "gericht aan de organisatie (verwijzing)"} in row["who"]
