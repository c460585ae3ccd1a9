"""The resident page shows the provisions a resident takes part in; the figures page counts, never names."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.provisions.selectors.figures import provision_figures

from ..conftest import login
from ..factories import (
    CityPassFactory,
    CollectiveProvisionFactory,
    DeskQuestionFactory,
    FoodBankReferralFactory,
    GroupMemberFactory,
    ReferralFactory,
    ResidentFactory,
)

pytestmark = pytest.mark.django_db


def test_the_resident_page_shows_city_pass_referrals_food_bank_and_groups(worker, city, resident_north):
    CityPassFactory(resident=resident_north, valid_until=timezone.localdate() + datetime.timedelta(days=30))
    ReferralFactory(resident=resident_north, team=city["team_north"], resource__name="Taalhuis Noord")
    FoodBankReferralFactory(resident=resident_north, team=city["team_north"])
    GroupMemberFactory(resident=resident_north, team=city["team_north"], group__name="Wandelgroep")
    body = (
        login(Client(), worker).get(reverse("people:resident-detail", args=[resident_north.public_id])).content.decode()
    )
    assert (
        "Stadspas geldig tot" in body and "Taalhuis Noord" in body and "Voedselloket" in body and "Wandelgroep" in body
    )


def test_the_section_costs_the_same_queries_with_one_or_many_records(worker, city, resident_north):
    client = login(Client(), worker)
    url = reverse("people:resident-detail", args=[resident_north.public_id])

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return len(ctx)

    ReferralFactory(resident=resident_north, team=city["team_north"])
    few = queries()
    for _ in range(4):
        ReferralFactory(resident=resident_north, team=city["team_north"])
        FoodBankReferralFactory(resident=resident_north, team=city["team_north"])
    assert queries() == few


def test_the_figures_count_the_seeds_kinds_of_figure(city, worker):
    desk = CollectiveProvisionFactory(kind="desk", team=city["team_north"])
    info = CollectiveProvisionFactory(kind="info_point", team=city["team_north"])
    for outcome in ("solved", "solved", "debt_counselling", "budget_folder"):
        DeskQuestionFactory(team=desk.team, provision=desk, outcome=outcome)
    for outcome in ("solved", "solved", "solved", "referred"):
        DeskQuestionFactory(team=info.team, provision=info, outcome=outcome, passed_to="Wmo-consulent")
    GroupMemberFactory(team=city["team_north"], resident=ResidentFactory(household__neighbourhood=city["north"]))
    figures = provision_figures(year=timezone.localdate().year)
    assert (figures["desk"]["questions"], figures["desk"]["debt_counselling"], figures["desk"]["folders"]) == (4, 1, 1)
    assert (figures["info_point"]["questions"], figures["info_point"]["share_answered"]) == (4, 75)
    assert (
        figures["groups"]["active_groups"],
        figures["groups"]["participants"],
        figures["groups"]["help_seekers"],
    ) == (1, 1, 1)


def test_policy_staff_see_the_figures_page_without_names(make_user, city, resident_north):
    ReferralFactory(resident=resident_north, team=city["team_north"])
    analyst = login(Client(), make_user(Role.POLICY_ANALYST))
    body = analyst.get(reverse("provisions:figures")).content.decode()
    assert "Verwijzingen sociale kaart" in body and resident_north.last_name not in body
    assert login(Client(), make_user(Role.WORKER)).get(reverse("provisions:figures")).status_code == 403
