"""The help-request API: the same rules, policy and audit log as the pages."""

import pytest
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.cases.models import Contact, HelpRequest, RequestSolution

from ..api_helpers import problem_errors
from ..conftest import login
from ..factories import AccessGrantFactory, ContactFactory
from .conftest import all_informal_checks

pytestmark = pytest.mark.django_db


def api(name, hr=None):
    return reverse(f"api:{name}", args=[hr.public_id] if hr else [])


def test_the_schema_still_builds_and_lists_the_request_endpoints(worker):
    response = login(Client(), worker).get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/hulpvragen",
        "/hulpvragen/{public_id}",
        "/hulpvragen/{public_id}/contactmomenten",
        "/hulpvragen/{public_id}/afsluiten",
        "/hulpvragen/{public_id}/informeel-eerst",
        "/hulpvragen/{public_id}/status",
    ):
        assert path in paths, path
    assert set(paths["/hulpvragen"]) >= {"get", "post"}


def test_intake_through_the_api(worker, resident_north):
    client = login(Client(), worker)
    response = client.post(
        api("request-list"),
        {
            "resident": str(resident_north.public_id),
            "channel": "gp_referral",
            "question": "Vereenzaamd sinds verhuizing.",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    hr = HelpRequest.objects.get()
    assert response.json()["id"] == str(hr.public_id)
    assert response.json()["status"] == "intake"
    assert hr.taken_by == worker


def test_intake_for_another_teams_resident_is_not_found(worker, resident_south):
    response = login(Client(), worker).post(
        api("request-list"),
        {"resident": str(resident_south.public_id), "channel": "phone", "question": "x"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not HelpRequest.objects.exists()


def test_list_and_detail_are_logged_and_scoped(worker, help_request, make_user, city):
    client = login(Client(), worker)
    listing = client.get(api("request-list")).json()
    assert [r["id"] for r in listing["results"]] == [str(help_request.public_id)]
    detail = client.get(api("request-detail", help_request)).json()
    assert detail["question"] == help_request.question
    assert detail["informal_step_complete"] is False
    assert {e.view for e in AuditEvent.objects.all()} == {"api:request-list", "api:request-detail"}

    outsider = login(Client(), make_user(Role.WORKER, teams=[city["team_south"]]))
    assert outsider.get(api("request-detail", help_request)).status_code == 404
    assert outsider.get(api("request-list")).json()["count"] == 0
    assert AuditEvent.objects.count() == 2


def test_contacts_are_listed_and_logged_through_the_api(worker, help_request):
    ContactFactory(help_request=help_request, note="Gebeld.")
    client = login(Client(), worker)
    listing = client.get(api("request-contacts", help_request)).json()
    assert [c["note"] for c in listing["results"]] == ["Gebeld."]
    response = client.post(
        api("request-contacts", help_request),
        {"kind": "message", "note": "Brief gestuurd."},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert Contact.objects.filter(note="Brief gestuurd.", by=worker, help_request=help_request).exists()


def test_a_specialist_reads_but_does_not_write_through_the_api(make_user, city, help_request):
    AccessGrantFactory(resident=help_request.resident, organisation=city["sst"], category="help_requests")
    client = login(Client(), make_user(Role.SPECIALIST))
    assert client.get(api("request-detail", help_request)).status_code == 200
    assert client.get(api("request-contacts", help_request)).status_code == 200
    post = client.post(api("request-contacts", help_request), {"kind": "call"}, content_type="application/json")
    assert post.status_code == 403
    assert client.post(api("request-close", help_request), {}, content_type="application/json").status_code == 403
    assert not Contact.objects.exists()


def test_closing_through_the_api_keeps_informal_first(worker, help_request):
    client = login(Client(), worker)
    url = api("request-close", help_request)
    refused = client.post(url, {"paths": ["wmo_provision"], "outcome": "solved"}, content_type="application/json")
    assert problem_errors(refused)["paths"][0].startswith("Doorloop eerst de stap 'informeel eerst'")
    assert not RequestSolution.objects.exists()

    empty = client.post(url, {"paths": [], "outcome": "solved"}, content_type="application/json")
    assert problem_errors(empty) == {"paths": ["Kies minstens één oplossingsroute."]}

    for option in ("own_network", "volunteer", "neighbour_help", "collective_provision"):
        r = client.post(
            api("request-informal", help_request),
            {"option": option, "fits": False, "reason": "Past niet bij deze vraag."},
            content_type="application/json",
        )
        assert r.status_code == 200
    assert r.json()["informal_step_complete"] is True
    closed = client.post(
        url, {"paths": ["wmo_provision"], "outcome": "solved", "rating": 9}, content_type="application/json"
    )
    assert closed.status_code == 200, closed.content
    assert closed.json()["status"] == "closed"
    assert closed.json()["solution_paths"] == ["wmo_provision"]
    assert closed.json()["solved_informally"] is False


def test_status_moves_through_the_api(worker, help_request):
    client = login(Client(), worker)
    ok = client.post(api("request-status", help_request), {"to": "clarification"}, content_type="application/json")
    assert ok.json()["status"] == "clarification"
    wrong = client.post(api("request-status", help_request), {"to": "closed"}, content_type="application/json")
    assert wrong.status_code == 400


def test_a_rating_outside_1_to_10_is_refused_through_the_api(worker, help_request):
    all_informal_checks(help_request, worker)
    response = login(Client(), worker).post(
        api("request-close", help_request),
        {"paths": ["volunteer"], "outcome": "solved", "rating": 0},
        content_type="application/json",
    )
    assert problem_errors(response) == {"rating": ["Een rapportcijfer is een heel getal van 1 tot en met 10."]}
