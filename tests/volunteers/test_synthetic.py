"""The synthetic city's volunteering: the demo's volunteer and coordinator find work, ten years of matches."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, F

from wijkkracht.synthetic.create_volunteers import VOLUNTEERS_PER_RESIDENT
from wijkkracht.volunteers.models import LIVE_STATUSES, Match, Volunteer, VolunteerRequest

from ..synthetic.conftest import generate


@pytest.fixture(scope="module")
def demo_city(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate("--scale", "demo", "--seed", "5")
        transaction.set_rollback(True)


@pytest.fixture
def users(demo_city, db):
    return {u.username: u for u in get_user_model().objects.filter(username__in=["vrijwilliger", "coordinator"])}


def test_the_demo_volunteer_has_a_proposal_an_introduction_and_an_active_match(users):
    henk = Volunteer.objects.get(user=users["vrijwilliger"])
    assert (henk.first_name, henk.status) == ("Henk", "active") and henk.vog_valid()
    statuses = set(henk.matches.values_list("status", flat=True))
    assert {"proposed", "introduced", "active"} <= statuses


def test_the_demo_coordinator_has_open_requests_a_follow_up_and_a_concern(users):
    teams = list(users["coordinator"].teams.values_list("id", flat=True))
    assert VolunteerRequest.objects.filter(team_id__in=teams, status="open").count() >= 6
    assert Match.objects.filter(team_id__in=teams, status="active", follow_up_done_at__isnull=True).exists()
    assert Match.objects.filter(team_id__in=teams, concerns__isnull=False).exists()


def test_ten_years_of_matches_most_ended_with_a_reason_and_no_double_booking(demo_city, db):
    years = Match.objects.filter(started_on__isnull=False).dates("started_on", "year")
    assert len(years) >= 10
    ended = Match.objects.filter(status="ended")
    assert ended.count() > Match.objects.filter(status__in=LIVE_STATUSES).count()
    assert not ended.filter(end_reason="").exists()
    over = Volunteer.objects.annotate(live=Count("matches", filter=Match.live_q())).filter(live__gt=F("capacity"))
    assert not over.exists()


def test_the_city_has_about_five_thousand_volunteers():
    assert round(220_000 * VOLUNTEERS_PER_RESIDENT) == 5_000
