"""The care part of the resident page: carers with EDIZ, the pilot-light contact, open signals."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.care.selectors import resident_care_section

from ..factories import CarerFactory, CarerStrainAssessmentFactory, ResidentFactory, SignalFactory, WatchContactFactory

pytestmark = pytest.mark.django_db


def verified(user):
    user.is_verified = lambda: True
    return user


def render_section(user, resident):
    request = RequestFactory().get("/")
    request.user = user
    section = resident_care_section(user=user, resident=resident, view="people:resident-detail")
    return section, render_to_string("care/partials/resident_section.html", {"section": section}, request=request)


def test_the_section_shows_carers_watch_and_open_signals(make_user, city, resident_north):
    worker = verified(make_user(Role.WORKER))
    partner = ResidentFactory(household=resident_north.household, first_name="Kees")
    carer = CarerFactory(carer=resident_north, cared_for=partner, registered_by=worker)
    CarerStrainAssessmentFactory(carer=carer, score=8, overloaded=True)
    cared = CarerFactory(
        carer=ResidentFactory(household=resident_north.household, first_name="Dochter"), cared_for=resident_north
    )
    WatchContactFactory(resident=resident_north, owner=worker)
    SignalFactory(team=city["team_north"], resident=resident_north, concern="Vergeetachtig geworden.")
    SignalFactory(team=city["team_north"], resident=resident_north, status="closed", concern="Oude zorg.")
    section, html = render_section(worker, resident_north)
    assert "Is mantelzorger voor" in html and "Kees" in html and "8/9" in html and "overbelast" in html
    assert "Krijgt mantelzorg van" in html and cared.carer.full_name in html
    assert "Elke 4 weken" in html
    assert "Vergeetachtig geworden." in html and "Oude zorg." not in html
    assert "Waakvlamcontact starten" not in html  # there is one already
    assert AuditEvent.objects.filter(view="people:resident-detail").exists()


def test_roles_see_only_the_parts_their_permissions_allow(make_user, city, resident_north):
    staff = verified(make_user(Role.CENTRE_STAFF))
    WatchContactFactory(resident=resident_north)
    SignalFactory(team=city["team_north"], resident=resident_north, concern="Zorg van de buren.")
    section, html = render_section(staff, resident_north)
    assert section["watch"] is None and section["signals"] == []
    assert "Waakvlamcontact" not in html and "Zorg van de buren." not in html
    assert "Deze inwoner is mantelzorger: vastleggen" in html and "Zorg over deze inwoner melden" in html


def test_the_section_uses_a_fixed_number_of_queries(make_user, city, resident_north):
    worker = verified(make_user(Role.WORKER))
    CarerFactory(carer=resident_north)
    SignalFactory(team=city["team_north"], resident=resident_north)
    WatchContactFactory(resident=resident_north, owner=worker)
    render_section(worker, resident_north)  # warm the per-user caches
    with CaptureQueriesContext(connection) as few:
        render_section(worker, resident_north)
    for _ in range(10):
        carer = CarerFactory(carer=resident_north, cared_for=ResidentFactory(household=resident_north.household))
        CarerStrainAssessmentFactory(carer=carer)
        SignalFactory(team=city["team_north"], resident=resident_north)
    with CaptureQueriesContext(connection) as many:
        render_section(worker, resident_north)
    assert len(many) == len(few), [q["sql"][:90] for q in many.captured_queries]
