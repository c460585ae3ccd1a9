"""Consent through the API and withdrawing everything shared with one organisation: effective at once."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.access import services as access_services
from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Event

from ..api_helpers import PROBLEM_JSON, problem_errors
from ..conftest import login

pytestmark = pytest.mark.django_db


def in_days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def consent_body(org, **overrides):
    body = {
        "organisation": org.pk,
        "purposes": ["handover"],
        "categories": ["personal_details"],
        "valid_until": in_days(30).isoformat(),
        "ground": "consent",
        "basis_note": "Mondeling bij het huisbezoek",
    }
    body.update(overrides)
    return body


def consents_url(resident):
    return reverse("api:resident-consent-list", args=[resident.public_id])


def test_a_worker_records_consent_via_the_api_and_the_specialist_sees_the_resident_at_once(
    make_user, city, resident_north
):
    specialist_client = login(Client(), make_user(Role.SPECIALIST))
    resident_url = reverse("api:resident-detail", args=[resident_north.public_id])
    assert specialist_client.get(resident_url).status_code == 404

    worker_client = login(Client(), make_user(Role.WORKER))
    response = worker_client.post(
        consents_url(resident_north),
        consent_body(city["sst"], purposes=["handover", "case_work"]),
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert sorted((g["purpose"], g["category"], g["active"]) for g in body) == [
        ("case_work", "personal_details", True),
        ("handover", "personal_details", True),
    ]
    assert {g["organisation"] for g in body} == {"Sociaal Stedelijk Team"}
    assert AccessGrant.objects.filter(resident=resident_north, organisation=city["sst"]).count() == 2
    assert AuditEvent.objects.filter(event=Event.CONSENT_RECORDED, view="api:resident-consent-list").count() == 1
    assert specialist_client.get(resident_url).status_code == 200


def test_withdrawing_via_the_api_takes_effect_at_once(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    (grant,) = access_services.consent_record(
        resident=resident_north,
        organisation=city["sst"],
        purposes=["handover"],
        categories=["personal_details"],
        valid_until=in_days(30),
        ground="consent",
        by=worker,
    )
    specialist_client = login(Client(), make_user(Role.SPECIALIST))
    resident_url = reverse("api:resident-detail", args=[resident_north.public_id])
    assert specialist_client.get(resident_url).status_code == 200

    worker_client = login(Client(), worker)
    url = reverse("api:consent-withdraw", args=[grant.pk])
    response = worker_client.post(url)
    assert response.status_code == 200
    assert response.json()["active"] is False and response.json()["revoked_at"]
    grant.refresh_from_db()
    assert grant.revoked_at is not None and grant.revoked_by == worker
    assert AuditEvent.objects.filter(event=Event.CONSENT_WITHDRAWN, view="api:consent-withdraw").count() == 1
    assert specialist_client.get(resident_url).status_code == 404  # the very next request

    again = worker_client.post(url)
    assert again.status_code == 400
    assert again["Content-Type"] == PROBLEM_JSON
    assert again.json()["detail"] == "Deze toestemming is al ingetrokken."


def test_withdrawing_a_grant_of_a_resident_outside_the_team_answers_404(make_user, city, resident_south):
    (grant,) = access_services.consent_record(
        resident=resident_south,
        organisation=city["sst"],
        purposes=["handover"],
        categories=["personal_details"],
        valid_until=in_days(30),
        ground="consent",
        by=make_user(Role.WORKER, teams=[city["team_south"]]),
    )
    worker_client = login(Client(), make_user(Role.WORKER))  # team north
    assert worker_client.post(reverse("api:consent-withdraw", args=[grant.pk])).status_code == 404
    assert worker_client.post(reverse("api:consent-withdraw", args=[grant.pk + 1000])).status_code == 404
    grant.refresh_from_db()
    assert grant.revoked_at is None
    assert not AuditEvent.objects.filter(event=Event.PERSONAL_DATA_READ, view="api:consent-withdraw").exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"purposes": []}, "purposes", "Kies minstens één doel."),
        ({"purposes": ["marketing"]}, "purposes", "Kies minstens één doel."),
        ({"categories": "personal_details"}, "categories", "Kies minstens één soort gegevens."),
        ({"valid_until": "31-12-2099"}, "valid_until", "Geef de einddatum als jjjj-mm-dd."),
        ({"valid_until": "2000-01-01"}, "valid_until", "De einddatum moet in de toekomst liggen."),
        ({"ground": "legal", "basis_note": ""}, "basis_note", "Noem bij een wettelijke grondslag het wetsartikel"),
        ({"organisation": 999999}, "organisation", "Deze organisatie bestaat niet."),
        ({"organisation": None}, "organisation", "Kies de organisatie waarmee gegevens worden gedeeld."),
    ],
)
def test_bad_input_answers_400_in_dutch_and_saves_nothing(make_user, city, resident_north, overrides, field, message):
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(
        consents_url(resident_north), consent_body(city["sst"], **overrides), content_type="application/json"
    )
    assert message in problem_errors(response)[field][0]
    assert not AccessGrant.objects.exists()
    assert not AuditEvent.objects.filter(event=Event.CONSENT_RECORDED).exists()


def test_a_specialist_cannot_record_consent(make_user, city, resident_north):
    client = login(Client(), make_user(Role.SPECIALIST))
    response = client.post(consents_url(resident_north), consent_body(city["sst"]), content_type="application/json")
    assert response.status_code == 403
    assert not AccessGrant.objects.exists()


def test_a_worker_cannot_record_consent_for_a_resident_outside_the_team(make_user, city, resident_south):
    client = login(Client(), make_user(Role.WORKER))
    response = client.post(consents_url(resident_south), consent_body(city["sst"]), content_type="application/json")
    assert response.status_code == 404
    assert not AccessGrant.objects.exists()


def test_the_withdraw_all_page_asks_first_and_then_ends_all_grants_for_that_organisation_only(
    make_user, city, resident_north
):
    worker = make_user(Role.WORKER)
    for organisation, categories in (
        (city["sst"], ["personal_details", "help_requests"]),
        (city["amw"], ["support_plan"]),
    ):
        access_services.consent_record(
            resident=resident_north,
            organisation=organisation,
            purposes=["handover", "case_work"],
            categories=categories,
            valid_until=in_days(60),
            ground="consent",
            by=worker,
        )
    client = login(Client(), worker)
    list_page = client.get(reverse("people:consent-list", args=[resident_north.public_id])).content.decode()
    url = reverse("people:consent-withdraw-all", args=[resident_north.public_id, city["sst"].pk])
    assert url in list_page
    assert reverse("people:consent-withdraw-all", args=[resident_north.public_id, city["amw"].pk]) in list_page

    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Dit gaat direct in" in text and "Sociaal Stedelijk Team" in text
    assert text.count('class="utrecht-unordered-list__item"') == 4  # the four SST grants, not the AMW ones
    assert in_days(60).strftime("%d-%m-%Y") in text
    assert AccessGrant.objects.filter(revoked_at__isnull=True).count() == 6  # asking changes nothing

    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("people:consent-list", args=[resident_north.public_id])
    assert not AccessGrant.objects.filter(organisation=city["sst"], revoked_at__isnull=True).exists()
    assert AccessGrant.objects.filter(organisation=city["amw"], revoked_at__isnull=True).count() == 2
    entry = AuditEvent.objects.get(event=Event.CONSENT_WITHDRAWN)
    assert entry.view == "people:consent-withdraw-all" and "SST" in entry.reason

    after = client.get(url).content.decode()
    assert "Er wordt niets meer gedeeld met Sociaal Stedelijk Team." in after


def test_a_specialist_cannot_open_the_withdraw_all_page(make_user, city, resident_north):
    access_services.consent_record(
        resident=resident_north,
        organisation=city["sst"],
        purposes=["handover"],
        categories=["personal_details"],
        valid_until=in_days(60),
        ground="consent",
        by=make_user(Role.WORKER),
    )
    client = login(Client(), make_user(Role.SPECIALIST))
    url = reverse("people:consent-withdraw-all", args=[resident_north.public_id, city["sst"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert AccessGrant.objects.filter(revoked_at__isnull=True).count() == 1


def test_the_withdraw_all_page_for_an_unknown_organisation_answers_404(make_user, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    url = reverse("people:consent-withdraw-all", args=[resident_north.public_id, 999999])
    assert client.get(url).status_code == 404
