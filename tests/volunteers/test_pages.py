"""The pages: the public sign-up (CSRF, honeypot, rate limit), the volunteer's and the coordinator's work."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.volunteers.models import HoursEntry, Match, Volunteer

from ..conftest import login
from ..factories import MatchFactory, VolunteerFactory

pytestmark = pytest.mark.django_db

FORM = {
    "first_name": "Anouk",
    "last_name": "Jansen",
    "email": "anouk@example.org",
    "postcode": "1315 AB",
    "kinds": ["neighbour_help"],
    "languages": ["nl"],
    "availability": ["3", "4"],
    "max_distance_km": "3",
    "agree": "on",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def test_signing_up_stores_a_pending_record_and_says_what_happens_next(city):
    response = Client().post(reverse("volunteers:signup"), FORM, follow=True)
    assert "Wat gebeurt er nu?" in response.content.decode()
    assert Volunteer.objects.get().status == "pending"
    assert len(mail.outbox) == 1


def test_the_sign_up_form_needs_its_csrf_token(city):
    response = Client(enforce_csrf_checks=True).post(reverse("volunteers:signup"), FORM)
    assert response.status_code == 403
    assert not Volunteer.objects.exists()


def test_a_robot_filling_the_honeypot_gets_the_thank_you_page_and_nothing_is_stored(city):
    response = Client().post(reverse("volunteers:signup"), {**FORM, "website": "http://spam"})
    assert response.status_code == 302 and not Volunteer.objects.exists() and not mail.outbox


def test_bad_input_shows_an_error_summary_that_links_to_the_fields(city):
    page = Client().post(reverse("volunteers:signup"), {**FORM, "email": "", "availability": []}).content.decode()
    assert "Er ging iets mis" in page
    assert 'href="#id_email"' in page and 'href="#id_availability"' in page
    assert "(verplicht)" in page


def test_more_than_five_sign_ups_an_hour_from_one_address_are_refused(city):
    client = Client(REMOTE_ADDR="203.0.113.9")
    codes = [
        client.post(reverse("volunteers:signup"), {**FORM, "email": f"a{i}@example.org"}).status_code for i in range(7)
    ]
    assert codes == [302] * 5 + [429] * 2
    assert Volunteer.objects.count() == 5
    assert Client(REMOTE_ADDR="198.51.100.7").post(reverse("volunteers:signup"), FORM).status_code == 302


def test_the_volunteer_accepts_a_proposal_and_writes_hours(city, volunteer):
    match = MatchFactory(volunteer=volunteer, team=city["team_north"], status="proposed")
    client = login(Client(), volunteer.user)
    assert "1 nieuw voorstel" in client.get(reverse("core:home")).content.decode()
    client.post(reverse("volunteers:my-match-respond", args=[match.public_id]), {"answer": "yes"})
    match.refresh_from_db()
    assert match.status == "agreed"
    Match.objects.filter(pk=match.pk).update(status="active")
    response = client.post(
        reverse("volunteers:my-match-hours", args=[match.public_id]), {"on": "2026-01-05", "hours": "1,5"}, follow=True
    )
    assert "Uw uren zijn opgeschreven" in response.content.decode()
    assert HoursEntry.objects.get(match=match).hours == 1.5


def test_a_concern_reaches_the_coordinators_overview(city, coordinator, volunteer):
    match = MatchFactory(volunteer=volunteer, team=city["team_north"])
    client = login(Client(), volunteer.user)
    client.post(reverse("volunteers:my-match-concern", args=[match.public_id]), {"text": "Ze was erg verward."})
    page = login(Client(), coordinator).get(reverse("volunteers:coordinator")).content.decode()
    assert "Ze was erg verward." in page


def test_the_coordinator_runs_the_batch_and_proposes_a_suggestion(city, coordinator, volunteer, request_north):
    client = login(Client(), coordinator)
    page = client.post(reverse("volunteers:batch"), follow=True).content.decode()
    assert "1 van 1 open vragen hebben een suggestie" in page
    suggestion = Match.objects.get(status="suggested")
    client.post(reverse("volunteers:batch"), {"accept": str(suggestion.public_id)})
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.slot) == ("proposed", 1)
    assert mail.outbox[0].to == [volunteer.email]


def test_accepting_a_suggestion_whose_volunteer_was_taken_meanwhile_says_so(
    city, coordinator, volunteer, request_north
):
    client = login(Client(), coordinator)
    client.post(reverse("volunteers:batch"))
    suggestion = Match.objects.get(status="suggested")
    MatchFactory(volunteer=volunteer, team=city["team_north"])  # another coordinator was quicker
    page = client.post(reverse("volunteers:batch"), {"accept": str(suggestion.public_id)}, follow=True)
    assert "intussen aan een andere hulpvraag gekoppeld" in page.content.decode()
    assert Match.objects.filter(volunteer=volunteer, slot__isnull=False).count() == 1


def test_a_worker_asks_for_a_volunteer_from_the_resident_page(city, make_user, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    url = reverse("volunteers:request-create", args=[resident_north.public_id])
    data = {
        "kind": "neighbour_help",
        "task": "Boodschappen",
        "availability": ["3"],
        "language": "nl",
        "target": "elderly",
        "needs_vog": "on",
        "max_distance_km": "3",
    }
    response = client.post(url, data, follow=True)
    assert "staat bij de coördinator" in response.content.decode()


def test_the_coordinator_sees_candidates_with_reasons_in_words(city, coordinator, request_north):
    VolunteerFactory(team=city["team_north"], first_name="Samira", languages=["nl", "ar"])
    request_north.language = "ar"
    request_north.save()
    page = login(Client(), coordinator).get(reverse("volunteers:request-detail", args=[request_north.public_id]))
    text = page.content.decode()
    assert "Samira" in text and "spreekt Arabisch" in text and "vrij: di-ochtend" in text
