"""Informal carers: register from a resident, the EDIZ on the carer page, referral; who may see them."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Purpose
from wijkkracht.care.models import Carer, CarerStrainAssessment

from ..conftest import login
from ..factories import AccessGrantFactory, CarerFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def detail(carer):
    return reverse("care:carer-detail", args=[carer.public_id])


def ediz(values):
    return {f"item_{i}": v for i, v in enumerate(values, start=1)}


def test_register_a_carer_for_a_household_member(make_user, resident_north):
    partner = ResidentFactory(household=resident_north.household, first_name="Kees")
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    url = reverse("care:carer-create", args=[resident_north.public_id])
    assert "Kees" in client.get(url).content.decode()
    bad = client.post(url, {"cared_for": str(partner.public_id), "hours_per_week": 200})
    assert "Het aantal uren per week ligt tussen 0 en 168." in bad.content.decode()
    assert Carer.objects.count() == 0
    response = client.post(url, {"cared_for": str(partner.public_id), "hours_per_week": 30, "relationship": "partner"})
    carer = Carer.objects.get()
    assert response["Location"] == detail(carer)
    assert (carer.carer, carer.cared_for, carer.hours_per_week) == (resident_north, partner, 30)


def test_the_carer_page_shows_the_nine_statements_on_the_five_point_scale(make_user, resident_north):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    body = login(Client(), worker).get(detail(carer)).content.decode()
    assert body.count('name="item_') == 9 * 5
    for label in ("Nee!", "Nee", "Min of meer", "Ja", "Ja!"):
        assert f"> {label}</label>" in body
    assert "Mijn zelfstandigheid komt in de knel." in body


def test_an_overloaded_carer_gets_the_advice_to_refer(make_user, resident_north):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    client = login(Client(), worker)
    response = client.post(
        reverse("care:carer-strain", args=[carer.public_id]), ediz([4, 3, 3, 2, 2, 3, 4, 0, 1]), follow=True
    )
    body = response.content.decode()
    assert "overbelast" in body and "steunpunt mantelzorg" in body
    assert CarerStrainAssessment.objects.get().score == 7


def test_an_incomplete_ediz_is_refused_and_nothing_saved(make_user, resident_north):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    response = login(Client(), worker).post(reverse("care:carer-strain", args=[carer.public_id]), ediz([1] * 8))
    html = response.content.decode()
    # Once at the unanswered statement, once in the error summary on top, which links to it.
    assert html.count("Beantwoord deze uitspraak.") == 2
    assert "data-wk-error-summary" in html and "Er is nog 1 ding niet goed" in html
    assert CarerStrainAssessment.objects.count() == 0


def test_refer_and_mark_received(make_user, resident_north):
    worker = make_user(Role.WORKER)
    carer = CarerFactory(carer=resident_north, registered_by=worker)
    client = login(Client(), worker)
    client.post(reverse("care:carer-refer", args=[carer.public_id]))
    carer.refresh_from_db()
    assert carer.referral == Carer.Referral.REFERRED and carer.referred_at is not None
    client.post(reverse("care:carer-received", args=[carer.public_id]))
    carer.refresh_from_db()
    assert carer.referral == Carer.Referral.RECEIVED


def test_young_and_overloaded_carers_are_flagged_in_the_list(make_user, city):
    worker = make_user(Role.WORKER)
    today = timezone.localdate()
    young = CarerFactory(
        carer=ResidentFactory(household__neighbourhood=city["north"], birth_date=today.replace(year=today.year - 16))
    )
    CarerStrainAssessment.objects.create(carer=young, assessed_by=worker, answers=[3] * 9, score=9, overloaded=True)
    older = CarerFactory(carer=ResidentFactory(household__neighbourhood=city["north"], first_name="Oudere"))
    client = login(Client(), worker)
    body = client.get(reverse("care:carer-list")).content.decode()
    assert "jonge mantelzorger" in body and "9/9" in body and "overbelast" in body
    only_young = client.get(reverse("care:carer-list"), {"jong": "1"}).content.decode()
    assert young.carer.full_name in only_young and older.carer.full_name not in only_young
    only_overloaded = client.get(reverse("care:carer-list"), {"overbelast": "1"}).content.decode()
    assert young.carer.full_name in only_overloaded and older.carer.full_name not in only_overloaded


def test_a_specialist_needs_a_carer_support_grant(make_user, city, resident_north):
    carer = CarerFactory(carer=resident_north)
    specialist = make_user(Role.SPECIALIST)
    AccessGrantFactory(resident=resident_north, organisation=city["sst"])  # personal details only
    client = login(Client(), specialist)
    assert client.get(detail(carer)).status_code == 404
    assert resident_north.full_name not in client.get(reverse("care:carer-list")).content.decode()
    assert not AuditEvent.objects.filter(object_type="care.Carer").exists()
    AccessGrantFactory(
        resident=resident_north,
        organisation=city["sst"],
        category=AccessGrant.Category.CARER_SUPPORT,
        valid_until=timezone.now() + datetime.timedelta(days=5),
    )
    assert client.get(detail(carer)).status_code == 200
    entry = AuditEvent.objects.get(object_type="care.Carer", subject_ref=str(resident_north.public_id))
    assert (entry.purpose, entry.view) == (Purpose.HANDOVER, "care:carer-detail")
    # Seeing is not changing: a specialist cannot record an EDIZ.
    assert client.post(reverse("care:carer-strain", args=[carer.public_id]), ediz([1] * 9)).status_code == 403


def test_a_worker_of_the_other_team_gets_404_and_no_read_entry(make_user, city, resident_north):
    carer = CarerFactory(carer=resident_north)
    client = login(Client(), make_user(Role.WORKER, teams=[city["team_south"]]))
    assert client.get(detail(carer)).status_code == 404
    assert client.post(reverse("care:carer-refer", args=[carer.public_id])).status_code == 404
    assert AuditEvent.objects.count() == 0
    carer.refresh_from_db()
    assert carer.referral == Carer.Referral.NONE
