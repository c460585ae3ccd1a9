"""Volunteer and match writes: sign-up, intake and status, proposals without double booking, the lifecycle."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from wijkkracht.accounts.roles import Role
from wijkkracht.volunteers import services
from wijkkracht.volunteers.models import Match, Volunteer, VolunteerRequest

from ..factories import MatchFactory, VolunteerFactory, VolunteerRequestFactory

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "first_name": "Anouk",
    "last_name": "Jansen",
    "email": "anouk@example.org",
    "postcode": "1315ab",
    "kinds": 0b10,
    "languages": ["nl", "en"],
    "availability": 0b111,
    "preferences": 0,
    "max_distance_km": 3,
}


def test_a_sign_up_is_a_pending_record_with_a_confirmation_mail(city):
    volunteer = services.volunteer_sign_up(values=dict(SIGN_UP))
    assert (volunteer.status, volunteer.signed_up_self, volunteer.user_id) == ("pending", True, None)
    assert volunteer.postcode == "1315 AB"
    assert volunteer.team == city["team_north"]  # the team serving the postcode's neighbourhood
    (message,) = mail.outbox
    assert message.to == ["anouk@example.org"] and "Wat gebeurt er nu" in message.body


def test_a_postcode_outside_the_municipality_is_refused(city):
    with pytest.raises(ValidationError) as error:
        services.volunteer_sign_up(values={**SIGN_UP, "postcode": "9999 ZZ"})
    assert "werkgebied" in error.value.message_dict["postcode"][0]
    assert not Volunteer.objects.exists()


def test_activating_needs_the_intake_and_makes_a_volunteer_login(city, coordinator):
    volunteer = services.volunteer_sign_up(values=dict(SIGN_UP))
    with pytest.raises(ValidationError):
        services.volunteer_status_set(volunteer=volunteer, status="active", by=coordinator)
    services.volunteer_update(volunteer=volunteer, by=coordinator, values={"intake_on": timezone.localdate()})
    services.volunteer_status_set(volunteer=volunteer, status="active", by=coordinator)
    volunteer.refresh_from_db()
    assert volunteer.user.role == Role.VOLUNTEER and not volunteer.user.has_usable_password()
    assert volunteer.user.needs_second_factor


def test_pausing_needs_a_reason_and_stopping_ends_the_login(city, coordinator, volunteer):
    with pytest.raises(ValidationError) as error:
        services.volunteer_status_set(volunteer=volunteer, status="paused", by=coordinator)
    assert "status_reason" in error.value.message_dict
    services.volunteer_status_set(volunteer=volunteer, status="stopped", reason="verhuisd", by=coordinator)
    volunteer.user.refresh_from_db()
    assert not volunteer.user.is_active


def test_a_proposal_books_a_place_and_mails_a_signed_link(coordinator, volunteer, request_north):
    match = services.match_propose(request=request_north, volunteer=volunteer, by=coordinator)
    assert (match.status, match.slot) == ("proposed", 1)
    request_north.refresh_from_db()
    assert request_north.status == VolunteerRequest.Status.MATCHED
    (message,) = mail.outbox
    assert "/vrijwilligers/voorstel/" in message.body
    assert request_north.resident.last_name not in message.body  # only the first name and the neighbourhood


def test_a_volunteer_matched_meanwhile_gives_a_clear_message_not_a_double_booking(
    city, coordinator, volunteer, request_north, resident_north
):
    other = VolunteerRequestFactory(resident=resident_north, team=city["team_north"])
    suggestion = Match.objects.create(
        request=other, volunteer=volunteer, resident=resident_north, team=city["team_north"], status="suggested"
    )
    services.match_propose(request=request_north, volunteer=volunteer, by=coordinator)
    with pytest.raises(ValidationError) as error:
        services.match_suggestion_accept(match=suggestion, by=coordinator)
    assert "intussen aan een andere hulpvraag gekoppeld" in error.value.messages[0]
    assert Match.objects.filter(volunteer=volunteer, slot__isnull=False).count() == 1


def test_the_database_refuses_a_second_booking_of_the_same_place(volunteer, request_north):
    MatchFactory(volunteer=volunteer, request=request_north, slot=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        MatchFactory(volunteer=volunteer, slot=1)


def test_a_volunteer_with_room_for_two_gets_two(city, coordinator, resident_north):
    volunteer = VolunteerFactory(team=city["team_north"], capacity=2)
    for _ in range(2):
        req = VolunteerRequestFactory(resident=resident_north, team=city["team_north"])
        services.match_propose(request=req, volunteer=volunteer, by=coordinator)
    assert sorted(volunteer.matches.values_list("slot", flat=True)) == [1, 2]


def test_declining_frees_the_place_and_reopens_the_request(coordinator, volunteer, request_north):
    match = services.match_propose(request=request_north, volunteer=volunteer, by=coordinator)
    services.match_respond(match=match, accept=False, reason="Te ver weg")
    request_north.refresh_from_db()
    assert (match.status, match.slot, request_north.status) == ("declined", None, "open")
    with pytest.raises(ValidationError):
        services.match_respond(match=match, accept=True)


def test_the_lifecycle_plans_a_follow_up_four_weeks_after_the_start(coordinator, volunteer, request_north):
    match = services.match_propose(request=request_north, volunteer=volunteer, by=coordinator)
    services.match_respond(match=match, accept=True)
    services.match_introduce(match=match, at=timezone.now() + datetime.timedelta(days=2), by=coordinator)
    start = timezone.localdate()
    services.match_start(match=match, on=start, by=coordinator, weekly_day=1, weekly_time=datetime.time(10))
    assert (match.status, match.follow_up_due) == ("active", start + datetime.timedelta(weeks=4))
    services.hours_report(match=match, on=start, hours="2.5", note="boodschappen")
    services.match_end(match=match, reason="goal_reached", evaluation="Fijn gedaan", by=coordinator)
    request_north.refresh_from_db()
    assert (match.status, match.slot, request_north.status) == ("ended", None, "closed")


def test_hours_must_be_between_a_tenth_and_twenty_four_and_not_in_the_future(volunteer, request_north):
    match = MatchFactory(volunteer=volunteer, request=request_north)
    with pytest.raises(ValidationError) as error:
        services.hours_report(match=match, on=timezone.localdate() + datetime.timedelta(days=1), hours=30)
    assert set(error.value.message_dict) == {"hours", "on"}


def test_a_request_for_a_child_needs_a_vog(city, make_user, resident_north):
    resident_north.birth_date = timezone.localdate() - datetime.timedelta(days=365 * 12)
    req = services.request_create(
        resident=resident_north, by=make_user(Role.WORKER), kind="language_buddy", task="Huiswerk", availability=1
    )
    assert (req.target, req.needs_vog, req.long_term, req.team) == ("child", True, True, city["team_north"])


def test_vog_reminders_go_once_before_the_vog_lapses(city):
    today = timezone.localdate()
    lapsing = VolunteerFactory(
        team=city["team_north"], vog_issued_on=today.replace(year=today.year - 3) + datetime.timedelta(days=20)
    )
    VolunteerFactory(team=city["team_north"])  # valid for long
    assert services.vog_reminders_send(today=today) == 1
    assert services.vog_reminders_send(today=today) == 0
    assert mail.outbox[0].to == [lapsing.email]
