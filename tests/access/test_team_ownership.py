"""Case records belong to the team that handles them; names outside one's scope never appear; a refused call
logs no read. The defects issue 8 found, each as the user would meet it."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.access.models import AccessGrant
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent

from ..conftest import login
from ..factories import (
    AccessGrantFactory,
    CarerFactory,
    ContactFactory,
    HelpRequestFactory,
    PlanGoalFactory,
    RelationFactory,
    ResidentFactory,
    SelfRelianceAssessmentFactory,
    SignalFactory,
    SupportPlanFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def _page(client, name, *args):
    response = client.get(reverse(name, args=args))
    return response, response.content.decode()


@pytest.fixture
def centre(city):
    """A community centre serving the same neighbourhood as the north team."""
    return TeamFactory(name="Wijkcentrum De Schakel", kind="community_centre", neighbourhoods=[city["north"]])


@pytest.fixture
def casework(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    request = HelpRequestFactory(
        resident=resident_north, team=city["team_north"], taken_by=worker, question="Schulden bij de energie."
    )
    ContactFactory(help_request=request, note="Huisbezoek, veel post ongeopend.")
    SelfRelianceAssessmentFactory(resident=resident_north, team=city["team_north"], note="Financiën kritiek.")
    return {"worker": worker, "request": request}


def test_centre_staff_see_the_resident_but_not_the_wijkteams_case_work(make_user, centre, resident_north, casework):
    staff = make_user(Role.CENTRE_STAFF, teams=[centre])
    response, body = _page(login(Client(), staff), "people:resident-detail", resident_north.public_id)
    assert response.status_code == 200
    assert resident_north.full_name in body
    for secret in ("Schulden bij de energie", "veel post ongeopend", "Financiën kritiek"):
        assert secret not in body
    # Told truthfully who holds it and whom to call, instead of "nothing is shared" or "no requests".
    assert "Wijkteam Noord" in body
    hint = body.split('id="case-known-elsewhere"', 1)[1].split("</div></div>", 1)[0]
    assert "ook bekend bij een ander team" in hint and "Wijkteam Noord" in hint
    assert "Geen hulpvragen van uw team." in body and "Geen hulpvragen.<" not in body
    assert "Er worden geen gegevens gedeeld met andere organisaties" not in body
    # Opening the worker's request directly: not found, nothing logged as read.
    response, _ = _page(login(Client(), staff), "cases:request-detail", casework["request"].public_id)
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(actor_id=staff.pk, view="cases:request-detail").exists()


def test_the_resident_page_says_per_kind_of_data_who_sees_it_and_on_what_ground(make_user, city, casework):
    resident = casework["request"].resident
    AccessGrantFactory(resident=resident, organisation=city["sst"], category=AccessGrant.Category.SUPPORT_PLAN)
    _, body = _page(login(Client(), casework["worker"]), "people:resident-detail", resident.public_id)
    assert "Wie ziet wat" in body
    assert "binnen het team, op grond van: Convenant gegevensdeling sociale wijkteams" in body
    assert "Sociaal Stedelijk Team: toestemming van de inwoner" in body


def test_one_resident_page_view_writes_one_audit_entry(casework):
    resident = casework["request"].resident
    response, _ = _page(login(Client(), casework["worker"]), "people:resident-detail", resident.public_id)
    assert response.status_code == 200
    (entry,) = AuditEvent.objects.filter(subject_ref=str(resident.public_id))
    assert set(entry.categories) >= {"personal_details", "help_requests", "support_plan"}
    assert "cases.HelpRequest" in entry.object_type and "people.Resident" in entry.object_type
    # the worker handles the request: the strongest relationship of the call is kept
    assert (entry.basis, entry.relationship) == ("neighbourhood,team", "handler")


def test_a_carer_page_does_not_name_a_cared_for_person_outside_the_team(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    elsewhere = ResidentFactory(household__neighbourhood=city["south"], first_name="Gerrit", last_name="Verweg")
    carer = CarerFactory(carer=resident_north, cared_for=elsewhere, team=city["team_north"])
    response, body = _page(login(Client(), worker), "care:carer-detail", carer.public_id)
    assert response.status_code == 200
    assert "Gerrit Verweg" not in body and "een inwoner buiten uw team" in body
    assert not AuditEvent.objects.filter(subject_ref=str(elsewhere.public_id)).exists()


def test_a_plan_shared_for_one_member_does_not_name_the_others(make_user, city, resident_north):
    specialist = make_user(Role.SPECIALIST)
    partner = ResidentFactory(household=resident_north.household, first_name="Ongedeeld", last_name="Huisgenoot")
    plan = SupportPlanFactory(household=resident_north.household, team=city["team_north"])
    PlanGoalFactory(plan=plan, text="Rust in de financiën")
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category=AccessGrant.Category.SUPPORT_PLAN)
    AccessGrantFactory(
        resident=resident_north, organisation=city["sst"], category=AccessGrant.Category.PERSONAL_DETAILS
    )
    response, body = _page(login(Client(), specialist), "cases:plan-detail", resident_north.household.public_id)
    assert response.status_code == 200
    assert "Rust in de financiën" in body
    assert resident_north.first_name in body
    assert "Ongedeeld" not in body and partner.last_name not in body


def test_a_signal_does_not_name_a_resident_outside_the_team(make_user, city):
    worker = make_user(Role.WORKER)
    elsewhere = ResidentFactory(household__neighbourhood=city["south"], first_name="Anouk", last_name="Anderswijk")
    signal = SignalFactory(team=city["team_north"], resident=elsewhere, concern="Zorgen om de buurvrouw.")
    client = login(Client(), worker)
    for name, args in (("care:signal-detail", [signal.public_id]), ("care:signal-list", [])):
        response, body = _page(client, name, *args)
        assert response.status_code == 200
        assert "Anderswijk" not in body


def test_the_relation_remove_page_names_only_a_visible_person_and_logs_it(make_user, city, resident_north):
    worker = make_user(Role.WORKER)
    partner = ResidentFactory(household=resident_north.household, first_name="Zichtbaar")
    far = ResidentFactory(household__neighbourhood=city["south"], first_name="Onzichtbaar")
    near = RelationFactory(resident=resident_north, related=partner)
    away = RelationFactory(resident=resident_north, related=far, kind="friend")
    client = login(Client(), worker)
    _, body = _page(client, "people:relation-remove", resident_north.public_id, near.pk)
    assert "Zichtbaar" in body
    assert AuditEvent.objects.filter(subject_ref=str(partner.public_id), view="people:relation-remove").exists()
    _, body = _page(client, "people:relation-remove", resident_north.public_id, away.pk)
    assert "Onzichtbaar" not in body and "een inwoner buiten uw team" in body
    assert not AuditEvent.objects.filter(subject_ref=str(far.public_id)).exists()


def test_a_refused_call_logs_no_read_not_even_of_its_parent(make_user, city, resident_north, resident_south):
    worker = make_user(Role.WORKER)
    client = login(Client(), worker)
    response = client.get(
        reverse("people:resident-merge-confirm", args=[resident_north.public_id, resident_south.public_id])
    )
    assert response.status_code == 404
    own_plan = SupportPlanFactory(household=resident_north.household, team=city["team_north"])
    foreign_goal = PlanGoalFactory(plan=SupportPlanFactory(household=resident_south.household, team=city["team_south"]))
    response = client.get(reverse("cases:goal-edit", args=[own_plan.household.public_id, foreign_goal.pk]))
    assert response.status_code == 404
    assert not AuditEvent.objects.exists()


def test_centre_staff_taking_an_intake_hand_it_to_the_wijkteam(make_user, centre, resident_north):
    staff = make_user(Role.CENTRE_STAFF, teams=[centre])
    url = reverse("cases:request-create", args=[resident_north.public_id])
    response = login(Client(), staff).post(
        url, {"channel": "walk_in", "question": "Hulp bij formulieren.", "received_at": ""}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("people:resident-detail", args=[resident_north.public_id])
    assert "aangemeld bij Wijkteam Noord" in response.content.decode()
