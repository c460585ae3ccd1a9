"""A worker takes in a request, weighs the informal options, logs contacts and closes it, on the pages.

Every page applies the policy (another team's request is not found, and nothing is logged as read)
and logs each read under the resident.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent, Purpose, Refusal
from wijkkracht.cases.models import Contact, HelpRequest, InformalCheck, RequestSolution

from ..conftest import login
from ..factories import AccessGrantFactory, ContactFactory, HelpRequestFactory, ResidentFactory
from .conftest import all_informal_checks

pytestmark = pytest.mark.django_db


def detail(hr):
    return reverse("cases:request-detail", args=[hr.public_id])


def reads(view: str):
    return AuditEvent.objects.filter(view=view)


# --- intake -------------------------------------------------------------------------------------


def test_a_worker_takes_in_a_request_in_the_residents_own_words(worker, resident_north):
    client = login(Client(), worker)
    url = reverse("cases:request-create", args=[resident_north.public_id])
    page = client.get(url)
    assert page.status_code == 200
    assert resident_north.full_name in page.content.decode()

    response = client.post(url, {"channel": "phone", "question": "Ik kan de huur niet meer betalen."})
    hr = HelpRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(hr)
    assert (hr.resident, hr.channel, hr.taken_by, hr.assigned_to, hr.status) == (
        resident_north,
        "phone",
        worker,
        worker,
        "intake",
    )
    assert hr.team.name == "Wijkteam Noord"
    page = client.get(detail(hr))
    assert "Ik kan de huur niet meer betalen." in page.content.decode()
    assert "De hulpvraag is vastgelegd." in page.content.decode()


def test_an_intake_without_channel_or_question_shows_dutch_messages_and_saves_nothing(worker, resident_north):
    client = login(Client(), worker)
    response = client.post(reverse("cases:request-create", args=[resident_north.public_id]), {"question": " "})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kies hoe de vraag binnenkwam." in body
    assert "Schrijf de vraag op in de woorden van de inwoner." in body
    assert not HelpRequest.objects.exists()


def test_intake_for_another_teams_resident_is_not_found(worker, resident_south):
    client = login(Client(), worker)
    url = reverse("cases:request-create", args=[resident_south.public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, {"channel": "phone", "question": "x"}).status_code == 404
    assert not HelpRequest.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_specialist_cannot_take_in_requests(make_user, resident_north, city):
    AccessGrantFactory(resident=resident_north, organisation=city["sst"], category="help_requests")
    client = login(Client(), make_user(Role.SPECIALIST))
    assert client.get(reverse("cases:request-create", args=[resident_north.public_id])).status_code == 403


# --- the request page: policy and audit ---------------------------------------------------------


def test_the_request_page_shows_the_request_and_logs_the_read_under_the_resident(worker, help_request):
    ContactFactory(help_request=help_request, note="Eerste gesprek gehad.")
    response = login(Client(), worker).get(detail(help_request))
    body = response.content.decode()
    assert response.status_code == 200
    for text in (help_request.question, "binnenloop", "aanmelding", "Eerste gesprek gehad.", "Vraagverheldering"):
        assert text in body
    entries = reads("cases:request-detail")
    # One entry for the page: every kind of record and field it showed of this resident.
    (entry,) = entries
    assert entry.object_type == "cases.HelpRequest,cases.Contact"
    assert entry.subject_ref == str(help_request.resident.public_id)
    assert entry.purpose == Purpose.CASE_WORK
    assert "question" in entry.fields and "note" in entry.fields
    assert (entry.basis, entry.categories) == ("team", ["help_requests"])


def test_a_worker_of_another_team_gets_not_found_and_no_read_entry(make_user, city, help_request):
    outsider = make_user(Role.WORKER, teams=[city["team_south"]])
    client = login(Client(), outsider)
    response = client.get(detail(help_request))
    assert response.status_code == 404
    assert help_request.question not in response.content.decode()
    assert (
        client.post(reverse("cases:request-close", args=[help_request.public_id]), {"paths": ["volunteer"]}).status_code
        == 404
    )
    assert not AuditEvent.objects.exists()
    assert Refusal.objects.filter(actor_id=outsider.pk).count() == 2
    assert HelpRequest.objects.get().status == "intake"


def test_the_list_shows_only_my_teams_requests(worker, help_request, resident_south):
    other = HelpRequestFactory(resident=resident_south, question="Vraag uit het zuiden")
    response = login(Client(), worker).get(reverse("cases:request-list"))
    body = response.content.decode()
    assert help_request.reference in body
    assert other.reference not in body
    assert [e.subject_ref for e in reads("cases:request-list")] == [str(help_request.resident.public_id)]


def test_a_specialist_with_only_a_personal_details_grant_does_not_see_the_requests(make_user, city, help_request):
    AccessGrantFactory(resident=help_request.resident, organisation=city["sst"], category="personal_details")
    client = login(Client(), make_user(Role.SPECIALIST))
    assert client.get(reverse("people:resident-detail", args=[help_request.resident.public_id])).status_code == 200
    assert client.get(detail(help_request)).status_code == 404
    assert help_request.reference not in client.get(reverse("cases:request-list")).content.decode()
    assert not reads("cases:request-detail").exists()


def test_a_specialist_with_a_help_requests_grant_sees_the_request_but_cannot_work_on_it(make_user, city, help_request):
    AccessGrantFactory(resident=help_request.resident, organisation=city["sst"], category="help_requests")
    client = login(Client(), make_user(Role.SPECIALIST))
    response = client.get(detail(help_request))
    assert response.status_code == 200
    assert "Hulpvraag afsluiten" not in response.content.decode()  # no case-work forms
    assert reads("cases:request-detail").filter(object_type="cases.HelpRequest").get().purpose == Purpose.HANDOVER
    assert help_request.reference in client.get(reverse("cases:request-list")).content.decode()
    close = client.post(reverse("cases:request-close", args=[help_request.public_id]), {"paths": ["volunteer"]})
    assert close.status_code == 403


def test_the_list_filters_by_status_and_finds_a_request_by_reference(worker, help_request, city):
    closed = HelpRequestFactory(resident=help_request.resident, team=city["team_north"], status="closed")
    client = login(Client(), worker)
    url = reverse("cases:request-list")
    body = client.get(url, {"status": "closed"}).content.decode()
    assert closed.reference in body and help_request.reference not in body
    body = client.get(url, {"q": help_request.reference.lower()}).content.decode()
    assert help_request.reference in body and closed.reference not in body
    body = client.get(url, {"q": "geen-referentie"}).content.decode()
    assert "Geen hulpvragen gevonden." in body


# --- working on the request ---------------------------------------------------------------------


def test_status_buttons_move_the_request_on(worker, help_request):
    client = login(Client(), worker)
    url = reverse("cases:request-status", args=[help_request.public_id])
    client.post(url, {"to": "clarification"})
    assert HelpRequest.objects.get().status == "clarification"
    client.post(url, {"to": "support"})
    assert HelpRequest.objects.get().status == "support"
    page = client.get(detail(help_request)).content.decode()
    assert "De hulpvraag staat nu op &#x27;ondersteuning&#x27;." in page


def test_a_wrong_status_move_gives_a_dutch_message(worker, help_request):
    client = login(Client(), worker)
    response = client.post(
        reverse("cases:request-status", args=[help_request.public_id]), {"to": "support"}, follow=True
    )
    assert "kan niet naar" in response.content.decode()
    assert HelpRequest.objects.get().status == "intake"


def test_a_contact_is_logged_on_the_request(worker, help_request):
    client = login(Client(), worker)
    url = reverse("cases:request-contact-create", args=[help_request.public_id])
    response = client.post(url, {"kind": "visit", "note": "Huisbezoek, post doorgenomen."})
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.help_request, contact.resident, contact.by, contact.kind) == (
        help_request,
        help_request.resident,
        worker,
        "visit",
    )
    assert "Huisbezoek, post doorgenomen." in client.get(detail(help_request)).content.decode()


def test_a_contact_without_kind_is_refused_in_dutch(worker, help_request):
    response = login(Client(), worker).post(
        reverse("cases:request-contact-create", args=[help_request.public_id]), {"note": "x"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Kies de soort contact." in response.content.decode()
    assert not Contact.objects.exists()


def test_the_informal_step_is_recorded_per_option_with_a_reason(worker, help_request):
    client = login(Client(), worker)
    url = reverse("cases:request-informal", args=[help_request.public_id])
    response = client.post(url, {"option": "own_network", "own_network-fits": "no", "own_network-reason": ""})
    assert "Schrijf op waarom deze mogelijkheid niet past." in response.content.decode()
    assert not InformalCheck.objects.exists()
    client.post(
        url, {"option": "own_network", "own_network-fits": "no", "own_network-reason": "Dochter woont ver weg."}
    )
    check = InformalCheck.objects.get()
    assert (check.option, check.fits, check.reason, check.checked_by) == (
        "own_network",
        False,
        "Dochter woont ver weg.",
        worker,
    )
    assert "Dochter woont ver weg." in client.get(detail(help_request)).content.decode()


def test_closing_with_a_formal_path_before_informal_first_shows_the_message_and_saves_nothing(worker, help_request):
    client = login(Client(), worker)
    response = client.post(
        reverse("cases:request-close", args=[help_request.public_id]),
        {"paths": ["wmo_provision"], "outcome": "solved", "rating": "8"},
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Doorloop eerst de stap &#x27;informeel eerst&#x27;" in body
    hr = HelpRequest.objects.get()
    assert (hr.status, hr.rating, hr.outcome) == ("intake", None, "")
    assert not RequestSolution.objects.exists()


def test_closing_without_a_path_is_refused_in_dutch(worker, help_request):
    response = login(Client(), worker).post(
        reverse("cases:request-close", args=[help_request.public_id]), {"outcome": "solved"}
    )
    assert "Kies minstens één oplossingsroute." in response.content.decode()
    assert HelpRequest.objects.get().status == "intake"


def test_closing_with_a_rating_of_eleven_is_refused(worker, help_request):
    response = login(Client(), worker).post(
        reverse("cases:request-close", args=[help_request.public_id]),
        {"paths": ["volunteer"], "outcome": "solved", "rating": "11"},
    )
    assert "Een rapportcijfer is een heel getal van 1 tot en met 10." in response.content.decode()
    assert HelpRequest.objects.get().status == "intake"


def test_closing_after_the_informal_step_with_a_formal_path(worker, help_request):
    all_informal_checks(help_request, worker)
    client = login(Client(), worker)
    response = client.post(
        reverse("cases:request-close", args=[help_request.public_id]),
        {"paths": ["volunteer", "warm_handover"], "outcome": "partly_solved", "rating": "7", "outcome_note": "Via AMW"},
    )
    assert response.status_code == 302
    hr = HelpRequest.objects.get()
    assert (hr.status, hr.rating, hr.outcome, hr.solved_informally) == ("closed", 7, "partly_solved", False)
    body = client.get(detail(help_request)).content.decode()
    assert "De hulpvraag is afgesloten." in body
    assert "Hulpvraag heropenen" in body


def test_reopening_asks_for_confirmation_first(worker, help_request):
    client = login(Client(), worker)
    client.post(
        reverse("cases:request-close", args=[help_request.public_id]), {"paths": ["advice_only"], "outcome": "solved"}
    )
    url = reverse("cases:request-reopen", args=[help_request.public_id])
    page = client.get(url)
    assert page.status_code == 200 and "Ja, heropenen" in page.content.decode()
    assert HelpRequest.objects.get().status == "closed"
    client.post(url)
    assert HelpRequest.objects.get().status == "support"


def test_assigning_the_request_to_a_colleague(worker, help_request, make_user):
    colleague = make_user(Role.WORKER, first_name="Bram")
    client = login(Client(), worker)
    client.post(reverse("cases:request-assign", args=[help_request.public_id]), {"worker": colleague.pk})
    assert HelpRequest.objects.get().assigned_to == colleague


# --- query counts -------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_request_list_queries_do_not_grow_with_the_number_of_requests(worker, city):
    client = login(Client(), worker)
    residents = ResidentFactory.create_batch(2, household__neighbourhood=city["north"])
    for r in residents:
        HelpRequestFactory(resident=r, team=city["team_north"], taken_by=worker)
    few = _queries(client, reverse("cases:request-list"))
    for r in ResidentFactory.create_batch(18, household__neighbourhood=city["north"]):
        HelpRequestFactory(resident=r, team=city["team_north"], taken_by=worker)
    many = _queries(client, reverse("cases:request-list"))
    assert many == few


def test_the_request_page_queries_do_not_grow_with_the_number_of_contacts(worker, help_request, make_user):
    client = login(Client(), worker)
    ContactFactory.create_batch(2, help_request=help_request)
    all_informal_checks(help_request, worker)
    few = _queries(client, detail(help_request))
    for _ in range(18):
        ContactFactory(help_request=help_request, by=make_user(Role.WORKER))
    many = _queries(client, detail(help_request))
    assert many == few


def test_centre_staff_take_in_a_request_for_the_team_without_handling_it(make_user, resident_north):
    staff = make_user(Role.CENTRE_STAFF)
    client = login(Client(), staff)
    client.post(
        reverse("cases:request-create", args=[resident_north.public_id]),
        {"channel": "walk_in", "question": "Kan iemand met mij naar de brieven kijken?"},
    )
    hr = HelpRequest.objects.get()
    assert (hr.taken_by, hr.assigned_to) == (staff, None)
    page = client.get(detail(hr)).content.decode()
    assert "Kan iemand met mij naar de brieven kijken?" in page
    assert "Hulpvraag afsluiten" not in page  # case work is for workers and team leads
