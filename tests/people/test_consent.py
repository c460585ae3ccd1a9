"""Consent per organisation, purpose and category; a withdrawal takes effect at once."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.access import services as access_services
from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Event

from ..conftest import login

pytestmark = pytest.mark.django_db


def in_days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def record(resident, organisation, by, **kwargs):
    data = {
        "purposes": ["handover"],
        "categories": ["personal_details"],
        "valid_until": in_days(90),
        "ground": "consent",
        "basis_note": "Mondeling bij het huisbezoek",
    }
    data.update(kwargs)
    return access_services.consent_record(resident=resident, organisation=organisation, by=by, **data)


def test_one_grant_per_purpose_and_category_and_the_record_is_logged(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    grants = record(
        resident_north,
        city["sst"],
        worker,
        purposes=["handover", "case_work"],
        categories=["personal_details", "help_requests"],
    )
    assert len(grants) == 4
    assert {(g.purpose, g.category) for g in grants} == {
        ("handover", "personal_details"),
        ("handover", "help_requests"),
        ("case_work", "personal_details"),
        ("case_work", "help_requests"),
    }
    entry = AuditEvent.objects.get(event=Event.CONSENT_RECORDED)
    assert entry.subject_ref == str(resident_north.public_id) and "SST" in entry.reason


def test_a_specialist_sees_the_resident_only_with_a_personal_details_grant_and_not_after_withdrawal(
    make_user, city, resident_north
):
    worker = make_user(Role.WORKER)
    specialist_client = login(Client(), make_user(Role.SPECIALIST))
    url = reverse("people:resident-detail", args=[resident_north.public_id])
    record(resident_north, city["sst"], worker, categories=["help_requests"])
    assert specialist_client.get(url).status_code == 404  # the plan or requests alone do not open the person
    (grant,) = record(resident_north, city["sst"], worker)
    assert specialist_client.get(url).status_code == 200

    worker_client = login(Client(), worker)
    withdraw_url = reverse("people:consent-withdraw", args=[resident_north.public_id, grant.pk])
    assert "Dit gaat direct in" in worker_client.get(withdraw_url).content.decode()
    assert worker_client.post(withdraw_url).status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_at is not None and grant.revoked_by == worker
    reads_before = AuditEvent.objects.filter(event=Event.PERSONAL_DATA_READ, view="people:resident-detail").count()
    assert specialist_client.get(url).status_code == 404  # at once: the very next request
    assert (
        AuditEvent.objects.filter(event=Event.PERSONAL_DATA_READ, view="people:resident-detail").count() == reads_before
    )
    assert AuditEvent.objects.filter(event=Event.CONSENT_WITHDRAWN).count() == 1


def test_withdrawing_everything_for_one_organisation(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    record(resident_north, city["sst"], worker, purposes=["handover", "report"])
    record(resident_north, city["amw"], worker)
    assert access_services.consent_withdraw_all(resident=resident_north, organisation=city["sst"], by=worker) == 2
    assert AccessGrant.objects.active().filter(resident=resident_north).count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"ground": "legal", "basis_note": ""}, "basis_note", "wettelijke grondslag het wetsartikel"),
        ({"valid_until": None}, "valid_until", "tot wanneer"),
        ({"valid_until": in_days(-1)}, "valid_until", "in de toekomst"),
        ({"valid_until": in_days(800)}, "valid_until", "hoogstens twee jaar"),
        ({"purposes": []}, "purposes", "minstens één doel"),
        ({"categories": ["everything"]}, "categories", "minstens één soort"),
    ],
)
def test_incomplete_consent_is_refused_in_dutch_and_nothing_is_saved(
    make_user, city, resident_north, kwargs, field, message
):
    with pytest.raises(ValidationError) as caught:
        record(resident_north, city["sst"], make_user(Role.WORKER), **kwargs)
    assert message in caught.value.message_dict[field][0]
    assert AccessGrant.objects.count() == 0
    assert not AuditEvent.objects.filter(event=Event.CONSENT_RECORDED).exists()


def test_a_legal_ground_with_its_article_is_accepted(make_user, city, resident_north):
    grants = record(
        resident_north, city["sst"], make_user(Role.WORKER), ground="legal", basis_note="Wmo 2015 art. 5.2.1"
    )
    assert grants[0].basis_note == "Wmo 2015 art. 5.2.1"


def test_the_consent_form_and_list(make_user, city, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    create_url = reverse("people:consent-create", args=[resident_north.public_id])
    assert client.get(create_url).status_code == 200
    response = client.post(
        create_url,
        {
            "organisation": city["sst"].pk,
            "purposes": ["handover"],
            "categories": ["personal_details", "support_plan"],
            "valid_until": in_days(30).strftime("%d-%m-%Y"),
            "ground": "legal",
            "basis_note": "",
        },
    )
    assert "Noem bij een wettelijke grondslag" in response.content.decode()
    assert AccessGrant.objects.count() == 0
    data = {
        "organisation": city["sst"].pk,
        "purposes": ["handover"],
        "categories": ["personal_details", "support_plan"],
        "valid_until": in_days(30).strftime("%d-%m-%Y"),
        "ground": "consent",
        "basis_note": "Schriftelijk",
    }
    assert client.post(create_url, data).status_code == 302
    listing = client.get(reverse("people:consent-list", args=[resident_north.public_id])).content.decode()
    assert "Sociaal Stedelijk Team" in listing and "intrekken" in listing
    grant = AccessGrant.objects.first()
    access_services.consent_withdraw(grant=grant, by=make_user(Role.WORKER))
    ended = client.get(reverse("people:consent-list", args=[resident_north.public_id]), {"status": "ended"})
    assert "ingetrokken op" in ended.content.decode()


def test_a_specialist_sees_only_their_own_organisations_grants(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    record(resident_north, city["sst"], worker)
    record(resident_north, city["amw"], worker, categories=["help_requests"])
    client = login(Client(), make_user(Role.SPECIALIST))
    listing = client.get(reverse("people:consent-list", args=[resident_north.public_id])).content.decode()
    assert "Sociaal Stedelijk Team" in listing
    assert "Algemeen Maatschappelijk Werk" not in listing
    assert client.get(reverse("people:consent-create", args=[resident_north.public_id])).status_code == 403
