"""Who sees what of volunteering, and what each read writes to the audit log."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkracht.access.reads import read_list
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.audit.services import audit_call
from wijkkracht.volunteers.links import proposal_token
from wijkkracht.volunteers.models import Match
from wijkkracht.volunteers.selectors import candidates_for

from ..conftest import login
from ..factories import MatchFactory, ResidentFactory, VolunteerFactory, VolunteerRequestFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_sees_the_volunteers_of_their_teams_only(city, make_user, coordinator, volunteer):
    south = make_user(Role.VOLUNTEER_COORDINATOR, teams=[city["team_south"]])
    url = reverse("volunteers:volunteer-detail", args=[volunteer.public_id])
    assert login(Client(), coordinator).get(url).status_code == 200
    assert login(Client(), south).get(url).status_code == 404
    entry = AuditEvent.objects.get(actor_id=coordinator.pk)
    # the volunteer is no known resident: the read is logged under the volunteer record itself
    assert (entry.subject_type, entry.subject_ref, entry.basis) == ("volunteer", str(volunteer.public_id), "team")


def test_a_volunteer_in_a_team_sees_only_their_own_matches_never_the_teams(city, make_user, volunteer):
    mine = MatchFactory(
        volunteer=volunteer, request__resident__household__neighbourhood=city["north"], team=city["team_north"]
    )
    MatchFactory(team=city["team_north"])  # another volunteer's match of the same team
    member = volunteer.user
    member.teams.add(city["team_north"])
    member.is_verified = lambda: True
    with audit_call():
        seen = read_list(Match.personal_data, user=member, view="test", permission="volunteers.volunteer_self")
    assert seen == [mine]


def test_the_volunteer_sees_first_name_and_neighbourhood_and_the_address_only_once_active(
    city, volunteer, resident_north
):
    match = MatchFactory(volunteer=volunteer, request__resident=resident_north, status="proposed")
    client = login(Client(), volunteer.user)
    url = reverse("volunteers:my-match", args=[match.public_id])
    page = client.get(url).content.decode()
    household = resident_north.household
    assert resident_north.first_name in page and household.neighbourhood.name in page
    assert resident_north.last_name not in page and household.street not in page
    entry = AuditEvent.objects.get(actor_id=volunteer.user_id)
    assert "address" not in entry.fields and entry.relationship == "own"
    Match.objects.filter(pk=match.pk).update(status="active")
    assert household.street in client.get(url).content.decode()
    assert "address" in AuditEvent.objects.filter(actor_id=volunteer.user_id).latest("id").fields


def test_a_volunteer_cannot_open_someone_elses_match(city, volunteer):
    other = MatchFactory(team=city["team_north"])
    response = login(Client(), volunteer.user).get(reverse("volunteers:my-match", args=[other.public_id]))
    assert response.status_code == 404


def test_the_calendar_feed_is_read_as_the_volunteer_and_a_renewed_address_ends_the_old(city, volunteer):
    MatchFactory(volunteer=volunteer, team=city["team_north"], weekly_day=1, weekly_time="10:00")
    old = reverse("volunteers:calendar-feed", args=[volunteer.calendar_token])
    response = Client().get(old)
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and "RRULE:FREQ=WEEKLY" in body
    assert AuditEvent.objects.get().actor_id == volunteer.user_id
    client = login(Client(), volunteer.user)
    client.post(reverse("volunteers:my-calendar"))
    assert Client().get(old).status_code == 404


def test_the_e_mail_link_accepts_a_proposal_without_login_and_a_forged_one_does_nothing(city, volunteer):
    match = MatchFactory(volunteer=volunteer, team=city["team_north"], status="proposed")
    token = proposal_token(match)
    url = reverse("volunteers:proposal-respond", args=[token])
    assert match.resident.first_name in Client().get(url).content.decode()
    assert Client().get(reverse("volunteers:proposal-respond", args=[token[:-2] + "xx"])).status_code == 404
    Client().post(url, {"answer": "yes"})
    match.refresh_from_db()
    assert match.status == "agreed"
    assert set(AuditEvent.objects.values_list("actor_id", flat=True)) == {volunteer.user_id}


def test_a_signed_link_of_another_volunteer_does_not_open_the_match(city, volunteer):
    match = MatchFactory(volunteer=volunteer, team=city["team_north"], status="proposed")
    match.volunteer_id = VolunteerFactory(team=city["team_north"]).pk  # a link signed for someone else
    url = reverse("volunteers:proposal-respond", args=[proposal_token(match)])
    assert Client().get(url).status_code == 404


def _candidate_queries(coordinator, req) -> tuple[int, int]:
    coordinator.is_verified = lambda: True
    with CaptureQueriesContext(connection) as ctx, audit_call():
        found = candidates_for(user=coordinator, request=req, view="test")
    queries = [q for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]  # the test's own transaction
    return len(queries), len(found["candidates"])


def test_candidates_take_the_same_few_queries_however_many_volunteers(city, coordinator, request_north):
    VolunteerFactory.create_batch(2, team=city["team_north"])
    few, shown = _candidate_queries(coordinator, request_north)
    VolunteerFactory.create_batch(30, team=city["team_north"])
    many, shown_many = _candidate_queries(coordinator, request_north)
    assert (shown, shown_many) == (2, 8)
    assert few == many <= 8


def test_a_request_without_candidates_says_why_and_what_to_relax(city, coordinator, resident_north):
    VolunteerFactory(team=city["team_north"], vog_issued_on=None)
    req = VolunteerRequestFactory(resident=resident_north, team=city["team_north"], needs_vog=True)
    coordinator.is_verified = lambda: True
    with audit_call():
        found = candidates_for(user=coordinator, request=req, view="test")
    assert found["candidates"] == []
    assert any("geldige VOG" in line for line in found["funnel"])
    assert "Vraag een VOG aan" in found["advice"][0]


def test_the_resident_page_says_who_the_resident_is_matched_with(city, make_user, resident_north, volunteer):
    MatchFactory(volunteer=volunteer, request__resident=resident_north, team=city["team_north"])
    page = login(Client(), make_user(Role.WORKER)).get(
        reverse("people:resident-detail", args=[resident_north.public_id])
    )
    assert "Gekoppeld aan vrijwilliger Henk" in page.content.decode()
    assert "Vrijwilliger vragen" in page.content.decode()


def test_the_south_team_does_not_see_the_norths_requests(city, make_user, volunteer):
    resident = ResidentFactory(household__neighbourhood=city["north"])
    MatchFactory(volunteer=volunteer, request__resident=resident, team=city["team_north"])
    response = login(Client(), make_user(Role.WORKER, teams=[city["team_south"]])).get(
        reverse("volunteers:request-list")
    )
    assert resident.first_name not in response.content.decode()
