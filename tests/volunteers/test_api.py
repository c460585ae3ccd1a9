"""The volunteering API: the same policy, selectors and audit entries as the pages; problem+json on bad input."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.audit.models import AuditEvent
from wijkkracht.volunteers.models import HoursEntry

from ..api_helpers import problem_errors
from ..conftest import login
from ..factories import MatchFactory, VolunteerFactory

pytestmark = pytest.mark.django_db


def test_the_schema_lists_the_volunteering_endpoints(coordinator):
    schema = login(Client(), coordinator).get(reverse("api:schema")).json()
    for path in ("/vrijwilligers", "/vrijwilligersvragen/{public_id}/kandidaten", "/koppelingen", "/mijn/koppelingen"):
        assert path in schema["paths"], path


def test_candidates_come_with_reasons_and_are_logged(city, coordinator, request_north):
    VolunteerFactory(team=city["team_north"], first_name="Samira")
    url = reverse("api:volunteer-request-candidates", args=[request_north.public_id])
    body = login(Client(), coordinator).get(url).json()
    (candidate,) = body["candidates"]
    assert candidate["first_name"] == "Samira" and "vrij: di-ochtend" in candidate["reasons"]
    assert AuditEvent.objects.filter(actor_id=coordinator.pk, object_type__contains="volunteers.Volunteer").exists()


def test_a_request_without_candidates_answers_why(city, coordinator, request_north):
    url = reverse("api:volunteer-request-candidates", args=[request_north.public_id])
    body = login(Client(), coordinator).get(url).json()
    assert body["candidates"] == [] and body["advice"]


def test_the_volunteer_lists_their_matches_without_the_address_until_active(city, volunteer, resident_north):
    MatchFactory(volunteer=volunteer, request__resident=resident_north, status="proposed")
    (match,) = login(Client(), volunteer.user).get(reverse("api:my-match-list")).json()["results"]
    assert match["first_name"] == resident_north.first_name and match["address"] == ""
    assert "bsn" not in str(match).lower() and "last_name" not in match


def test_hours_through_the_api_and_a_problem_for_bad_hours(city, volunteer):
    match = MatchFactory(volunteer=volunteer, team=city["team_north"])
    client = login(Client(), volunteer.user)
    url = reverse("api:my-match-hours", args=[match.public_id])
    created = client.post(url, {"on": "2026-01-05", "hours": "2.0"}, content_type="application/json")
    assert created.status_code == 201 and created.json()["hours_total"] == 2.0
    bad = client.post(url, {"on": "2026-01-05", "hours": "40"}, content_type="application/json")
    assert "hours" in problem_errors(bad)
    assert HoursEntry.objects.filter(match=match).count() == 1


def test_a_list_without_trailing_slash_only(coordinator):
    client = login(Client(), coordinator)
    assert client.get("/api/v1/vrijwilligers").status_code == 200
    assert client.get("/api/v1/vrijwilligers/").status_code == 404
