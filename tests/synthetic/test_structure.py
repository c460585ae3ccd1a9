"""The generated city hangs together: postcodes, neighbourhoods, teams, organisations, grants."""

import re

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from wijkkracht.access.models import AccessGrant
from wijkkracht.areas.models import District, Neighbourhood
from wijkkracht.areas.selectors import neighbourhood_for_postcode
from wijkkracht.organisations.models import Cluster, Organisation, Team
from wijkkracht.people.models import Household, Resident


@pytest.mark.django_db
def test_every_household_postcode_resolves_to_its_own_neighbourhood(small_city):
    households = list(Household.objects.select_related("neighbourhood"))

    assert households
    for household in households:
        assert re.fullmatch(r"13[0-6]\d [A-Z]{2}", household.postcode)
        assert neighbourhood_for_postcode(postcode=household.postcode) == household.neighbourhood


@pytest.mark.django_db
def test_area_codes_follow_the_cbs_pattern(small_city):
    for district in District.objects.all():
        assert re.fullmatch(r"WK0034\d\d", district.code)
    for neighbourhood in Neighbourhood.objects.select_related("district"):
        assert neighbourhood.code == "BU" + neighbourhood.district.code[2:] + neighbourhood.code[-2:]
    assert Neighbourhood.objects.filter(name="Stedenwijk-Zuid").exists()


@pytest.mark.django_db
def test_every_neighbourhood_has_exactly_one_neighbourhood_team(small_city):
    counts = Neighbourhood.objects.annotate(
        n=Count("teams", filter=Q(teams__kind=Team.Kind.NEIGHBOURHOOD_TEAM))
    ).values_list("name", "n")

    assert counts
    assert {name: n for name, n in counts if n != 1} == {}


@pytest.mark.django_db
def test_sixteen_teams_in_eight_clusters_of_two_and_three_centres(small_city):
    assert Team.objects.filter(kind=Team.Kind.NEIGHBOURHOOD_TEAM).count() == 16
    assert sorted(Cluster.objects.annotate(n=Count("teams")).values_list("n", flat=True)) == [2] * 8
    centres = Team.objects.filter(kind=Team.Kind.COMMUNITY_CENTRE)
    assert centres.count() == 3
    assert all(centre.neighbourhoods.exists() for centre in centres)
    assert Team.objects.filter(name="Wijkteam Stedenwijk").exists()


@pytest.mark.django_db
def test_every_organisation_kind_is_there(small_city):
    assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind.values)


@pytest.mark.django_db
def test_teams_have_workers_from_mixed_organisations_and_a_lead(small_city, django_user_model):
    team = Team.objects.get(name="Wijkteam Muziekwijk")
    workers = django_user_model.objects.filter(teams=team, role="worker")

    assert workers.count() >= 4
    assert workers.values("organisation").distinct().count() >= 3
    assert django_user_model.objects.filter(teams=team, role="team_lead").count() == 1


@pytest.mark.django_db
def test_generated_staff_cannot_log_in(small_city, django_user_model):
    generated = django_user_model.objects.exclude(username__in=["wijkwerker", "teamleider", "coordinator",
        "vrijwilliger", "wijkcentrum", "specialist", "brandpunt", "beleid", "privacy", "beheer", "huisarts", "aanbieder"])  # fmt: skip

    assert generated.count() > 100
    assert not any(user.has_usable_password() for user in generated)
    assert generated.filter(role="volunteer").count() >= 30


@pytest.mark.django_db
def test_some_residents_have_an_active_grant_for_the_city_team(small_city):
    grants = AccessGrant.objects.active().select_related("organisation", "granted_by")

    assert 0 < grants.count() < Resident.objects.count() * 0.06
    for grant in grants:
        assert grant.organisation.kind == Organisation.Kind.SPECIALIST
        assert (grant.purpose, grant.ground) == ("handover", "consent")
        assert grant.valid_until - grant.valid_from == timezone.timedelta(days=90)
        assert grant.granted_by.role == "worker"


@pytest.mark.django_db
def test_residents_look_dutch_enough(small_city):
    residents = list(Resident.objects.all())

    assert all(r.phone == "" or re.fullmatch(r"06-\d{8}", r.phone) for r in residents)
    assert any(r.surname_prefix for r in residents)
    assert all(r.surname_prefix == r.surname_prefix.lower() for r in residents)
    languages = [r.preferred_language for r in residents]
    assert languages.count("nl") > 0.8 * len(languages)
