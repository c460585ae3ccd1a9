"""Volunteering in the browser: the volunteer's flow (sign up → proposal → accept → hours) and the coordinator's
(intake and VOG → activate → candidates → propose → introduction → start → batch). Every page is checked for
the CSP, its own files only, and axe-core; the volunteer's pages also at phone width."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.roles import Role
from wijkkracht.volunteers import services
from wijkkracht.volunteers.models import HoursEntry, Match, Volunteer

from ..factories import VolunteerFactory, VolunteerRequestFactory
from .conftest import assert_page_ok, follow, login_with_cookie, visit
from .test_layout import horizontal_overflow

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 740}


def test_a_volunteer_signs_up_accepts_a_proposal_and_writes_hours(
    page, context, live_server, city, make_user, resident_north
):
    # Sign up on the public form: a missing answer first, with the error summary on top.
    page.set_viewport_size(PHONE)
    visit(page, reverse("volunteers:signup"))
    assert_page_ok(page)
    page.get_by_label("Voornaam").fill("Anouk")
    follow(page, page.get_by_role("button", name="Aanmelden"))
    assert page.get_by_text("Er ging iets mis").is_visible()
    assert_page_ok(page)
    page.get_by_label("Voornaam").fill("Anouk")
    page.get_by_label("Achternaam").fill("Jansen")
    page.get_by_label("E-mailadres").fill("anouk@example.org")
    page.get_by_label("Postcode").fill("1315 AB")
    page.get_by_label("burenhulp (boodschappen, klusje, wandeling, gezelschap)").check()
    page.get_by_label("di-ochtend").check()
    page.get_by_label("Ik geef toestemming", exact=False).check()
    follow(page, page.get_by_role("button", name="Aanmelden"))
    assert page.get_by_role("heading", name="Wat gebeurt er nu?").is_visible()
    assert_page_ok(page)
    volunteer = Volunteer.objects.get(email="anouk@example.org")
    assert volunteer.status == "pending" and "Bedankt voor uw aanmelding" in mail.outbox[0].subject

    # The coordinator holds the intake and proposes her for a request; the e-mail has a signed link.
    coordinator = make_user(Role.VOLUNTEER_COORDINATOR)
    services.volunteer_update(volunteer=volunteer, by=coordinator, values={"intake_on": timezone.localdate()})
    services.volunteer_status_set(volunteer=volunteer, status="active", by=coordinator)
    request = VolunteerRequestFactory(resident=resident_north, team=city["team_north"], needs_vog=False)
    services.match_propose(request=request, volunteer=volunteer, by=coordinator, site_url=live_server.url)
    link = re.search(r"https?://\S+/vrijwilligers/voorstel/\S+/", mail.outbox[-1].body).group(0)

    # From the e-mail: the first name and the neighbourhood, no address yet; she says yes.
    page.goto(link, wait_until="load")
    assert page.get_by_text(resident_north.first_name, exact=False).first.is_visible()
    assert page.get_by_text("U ziet het adres zodra de koppeling actief is.").is_visible()
    assert_page_ok(page)
    follow(page, page.get_by_role("button", name="Ja, ik doe mee"))
    assert page.get_by_text("Fijn dat u meedoet!").is_visible()
    match = Match.objects.get(volunteer=volunteer)
    assert match.status == "agreed"

    # The match starts; logged in (with her second factor), she sees the address and writes her hours.
    services.match_start(match=match, on=timezone.localdate(), by=coordinator)
    TOTPDevice.objects.create(user=volunteer.user, name="telefoon", confirmed=True)
    login_with_cookie(context, volunteer.user, live_server)
    visit(page, reverse("core:home"))
    follow(page, page.get_by_role("link", name="Naar mijn koppelingen"))
    follow(page, page.get_by_role("link", name=f"Open koppeling {resident_north.first_name}"))
    assert page.get_by_text(resident_north.household.street, exact=False).is_visible()
    assert not horizontal_overflow(page)
    assert_page_ok(page)
    page.get_by_label("Uren").fill("1,5")
    page.get_by_label("Wat heeft u gedaan?").fill("Boodschappen gedaan")
    follow(page, page.get_by_role("button", name="Uren opslaan"))
    assert page.get_by_text("Uw uren zijn opgeschreven.").is_visible()
    assert HoursEntry.objects.get(match=match).hours == 1.5
    assert_page_ok(page)


def test_a_coordinator_takes_a_volunteer_from_intake_to_an_active_match(
    page, context, live_server, city, make_user, resident_north
):
    coordinator = make_user(Role.VOLUNTEER_COORDINATOR, first_name="Fatima")
    pending = VolunteerFactory(
        team=city["team_north"], first_name="Samira", status="pending", user=None, intake_on=None, vog_issued_on=None
    )
    request = VolunteerRequestFactory(resident=resident_north, team=city["team_north"])
    login_with_cookie(context, coordinator, live_server)

    visit(page, reverse("core:home"))
    assert page.get_by_text("1 vraag zoekt een vrijwilliger").is_visible()
    follow(page, page.get_by_role("link", name="Naar het overzicht"))
    assert_page_ok(page)

    # Intake and VOG, then active: the volunteer gets a login.
    follow(page, page.get_by_role("link", name="aangemeld, nog geen intake: 1"))
    follow(page, page.get_by_role("link", name="Samira Bakker"))
    assert_page_ok(page)
    follow(page, page.get_by_role("link", name="Gegevens, intake en VOG wijzigen"))
    page.get_by_label("Datum intakegesprek").fill(timezone.localdate().isoformat())
    page.get_by_label("VOG afgegeven op").fill(timezone.localdate().isoformat())
    follow(page, page.get_by_role("button", name="Opslaan"))
    assert_page_ok(page)
    page.get_by_label("Status").select_option("active")
    follow(page, page.get_by_role("button", name="Status opslaan"))
    assert page.get_by_text("Status: actief.").is_visible()
    pending.refresh_from_db()
    assert pending.user is not None

    # The request: candidates one by one, with the reasons in words; propose Samira.
    visit(page, reverse("volunteers:request-detail", args=[request.public_id]))
    assert page.get_by_text("vrij: di-ochtend", exact=False).first.is_visible()
    assert_page_ok(page)
    follow(page, page.get_by_role("button", name="Voorstellen Samira Bakker"))
    match = Match.objects.get(volunteer=pending)
    assert match.status == "proposed"
    assert_page_ok(page)

    # She agrees (by the e-mail's link); the coordinator plans the introduction and starts the match.
    services.match_respond(match=match, accept=True)
    page.reload(wait_until="load")
    page.get_by_label("Kennismaking op").fill(f"{timezone.localdate().isoformat()}T10:00")
    follow(page, page.get_by_role("button", name="Kennismaking opslaan"))
    follow(page, page.get_by_role("button", name="Starten"))
    assert page.get_by_text("nabellen staat over vier weken klaar", exact=False).is_visible()
    match.refresh_from_db()
    assert match.status == "active" and match.follow_up_due is not None
    assert_page_ok(page)

    # The batch: all open requests at once, as suggestions.
    VolunteerFactory(team=city["team_north"], first_name="Henk")
    VolunteerRequestFactory(resident=resident_north, team=city["team_north"])
    visit(page, reverse("volunteers:batch"))
    follow(page, page.get_by_role("button", name="Suggesties maken"))
    assert page.get_by_text("1 van 1 open vragen hebben een suggestie", exact=False).is_visible()
    assert_page_ok(page)
