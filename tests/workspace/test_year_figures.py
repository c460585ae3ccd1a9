"""Team leads and policy analysts see the year figures: closed requests, informal share, carers referred."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.accounts.roles import Role
from wijkkracht.care.models import Carer
from wijkkracht.workspace.selectors import casework_figures_by_year

from ..conftest import login
from ..factories import CarerFactory, HelpRequestFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def _closed(resident, *, informal: bool):
    return HelpRequestFactory(
        resident=resident, status="closed", closed_at=timezone.now(), solved_informally=informal, rating=8
    )


def test_the_informal_share_and_carers_of_this_year(make_user, city, resident_north):
    analyst = make_user(Role.POLICY_ANALYST)
    _closed(resident_north, informal=True)
    _closed(resident_north, informal=False)
    _closed(resident_north, informal=False)
    _closed(resident_north, informal=True)
    HelpRequestFactory(resident=resident_north)  # still open: not counted
    carer = CarerFactory(carer=resident_north, referral=Carer.Referral.REFERRED, referred_at=timezone.now())
    CarerFactory(carer=carer.carer, referral=Carer.Referral.RECEIVED, referred_at=timezone.now())  # same person
    CarerFactory(carer=ResidentFactory(household__neighbourhood=city["north"]))  # not referred

    this_year = casework_figures_by_year(user=analyst)[0]

    assert this_year["year"] == timezone.localdate().year
    assert this_year["closed"] == 4
    assert this_year["informal_share"] == 50
    assert this_year["rating"] == 8
    assert this_year["carers"] == 1


def test_a_worker_gets_no_figures(make_user):
    with pytest.raises(NotFoundOrForbidden):
        casework_figures_by_year(user=make_user(Role.WORKER))


def test_the_home_page_shows_figures_but_no_names(make_user, resident_north):
    _closed(resident_north, informal=True)
    page = login(Client(), make_user(Role.POLICY_ANALYST)).get(reverse("core:home")).content.decode()
    assert "Cijfers per jaar" in page
    assert "100%" in page
    assert resident_north.last_name not in page
