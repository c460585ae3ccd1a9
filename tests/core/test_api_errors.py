"""One error boundary: every API error is application/problem+json (RFC 9457) with a Dutch title, never a 500
for bad input, and a refused record looks exactly like an absent one."""

import json
import time
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from wijkkracht.access.errors import NotFoundOrForbidden
from wijkkracht.accounts.roles import Role
from wijkkracht.audit.models import AuditEvent
from wijkkracht.core.api_errors import problem_exception_handler
from wijkkracht.core.middleware import SESSION_KEY as IDLE_SESSION_KEY

from ..api_helpers import PROBLEM_JSON, problem_errors
from ..conftest import login
from ..factories import HelpRequestFactory

pytestmark = pytest.mark.django_db


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["status"] == status
    assert {"type", "title", "status", "detail"} <= set(body)
    return body


@pytest.fixture
def worker(make_user):
    return make_user(Role.WORKER)


@pytest.fixture
def client(worker):
    return login(Client(), worker)


def post_json(client, url, body: str, **extra):
    return client.post(url, body, content_type="application/json", **extra)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_a_refused_record_answers_exactly_like_an_absent_one(client, city, resident_south):
    foreign = HelpRequestFactory(resident=resident_south, team=city["team_south"])
    refused = problem(client.get(reverse("api:request-detail", args=[foreign.public_id])), 404)
    absent = problem(client.get(reverse("api:request-detail", args=[uuid.uuid4()])), 404)
    assert refused.pop("instance") != absent.pop("instance")
    assert (
        refused
        == absent
        == {
            "type": "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
            "title": "Niet gevonden",
            "status": 404,
            "detail": "Dit bestaat niet, of u heeft er geen toegang toe.",
            "code": "not_found",
        }
    )


def test_not_found_or_forbidden_from_the_access_kernel_answers_404_with_the_fixed_text():
    """Whatever text the exception carries, the answer does not repeat it (it could name what was looked for)."""
    response = problem_exception_handler(NotFoundOrForbidden("Inwoner 123 van Wijkteam Zuid"), {"request": None})
    assert response.status_code == 404
    assert response.data["detail"] == "Dit bestaat niet, of u heeft er geen toegang toe."
    assert response.content_type == PROBLEM_JSON


def test_djangos_own_permission_denied_answers_a_403_problem_too():
    response = problem_exception_handler(PermissionDenied("Alleen voor Wijkteam Zuid"), {"request": None})
    assert (response.status_code, response.data["code"]) == (403, "permission_denied")
    assert response.data["detail"] == "U heeft geen toegang tot deze gegevens."


def test_a_role_without_the_permission_gets_403_geen_toegang(make_user):
    client = login(Client(), make_user(Role.VOLUNTEER))
    body = problem(client.get(reverse("api:request-list")), 403)
    assert (body["title"], body["code"]) == ("Geen toegang", "permission_denied")
    assert body["detail"] == "U heeft geen toegang tot deze gegevens."


def test_without_a_login_the_answer_says_niet_ingelogd():
    body = problem(Client().get(reverse("api:request-list")), 403)
    assert (body["title"], body["code"]) == ("Niet ingelogd", "not_authenticated")
    assert body["detail"].startswith("Log eerst in")


def test_bad_input_names_each_field_with_a_json_pointer(client, resident_north):
    response = post_json(client, reverse("api:request-list"), json.dumps({"resident": "x", "channel": "fax"}))
    body = problem(response, 400)
    assert (body["title"], body["code"]) == ("Ongeldige invoer", "invalid")
    by_name = {error["name"]: error for error in body["errors"]}
    assert set(by_name) == {"resident", "channel", "question"}
    assert by_name["question"] == {
        "name": "question",
        "pointer": "#/question",
        "code": "required",
        "detail": "Dit veld is vereist.",
    }
    assert body["detail"] == "3 gegevens zijn niet in orde; zie errors."


def test_a_nested_error_points_into_the_list(client, resident_north):
    url = reverse("api:assessment-list", args=[resident_north.public_id])
    scores = [{"domain": "finances", "level": 3, "strength_source": "network"}, {"domain": "housing", "level": 9}]
    body = problem(post_json(client, url, json.dumps({"scores": scores})), 400)
    assert {(e["name"], e["pointer"]) for e in body["errors"]} == {
        ("scores.1.level", "#/scores/1/level"),
        ("scores.1.strength_source", "#/scores/1/strength_source"),
    }


def test_a_service_validation_error_answers_400_with_its_dutch_message(client, city, worker, resident_north):
    help_request = HelpRequestFactory(resident=resident_north, team=city["team_north"], taken_by=worker)
    url = reverse("api:request-close", args=[help_request.public_id])
    response = post_json(client, url, json.dumps({"paths": [], "outcome": "solved"}))
    assert problem_errors(response) == {"paths": ["Kies minstens één oplossingsroute."]}
    assert response.json()["detail"] == "Kies minstens één oplossingsroute."


def test_malformed_json_answers_400_not_500(client):
    body = problem(post_json(client, reverse("api:request-list"), '{"resident": '), 400)
    assert (body["code"], body["detail"]) == ("parse_error", "De inhoud is geen geldige JSON.")


@pytest.mark.parametrize("depth", [33, 5_000, 200_000])
def test_json_nested_deeper_than_32_levels_answers_400(client, depth):
    body = problem(post_json(client, reverse("api:request-list"), nested(depth)), 400)
    assert body["code"] == "parse_error"
    assert body["detail"] == "De JSON is te diep genest (hoogstens 32 niveaus)."


def test_json_of_32_levels_is_read_and_then_judged_on_its_content(client):
    body = problem(post_json(client, reverse("api:request-list"), nested(32)), 400)
    assert body["code"] == "invalid"  # parsed; a list is simply not an intake


def test_only_json_is_accepted(client):
    response = client.post(reverse("api:request-list"), {"question": "x"})  # a form post
    body = problem(response, 415)
    assert (body["title"], body["code"]) == ("Formaat niet ondersteund", "unsupported_media_type")


def test_a_method_the_endpoint_does_not_have_answers_405_with_allow(client):
    body = problem(client.delete(reverse("api:request-list")), 405)
    assert body["title"] == "Methode niet toegestaan"
    assert client.delete(reverse("api:request-list"))["Allow"] == "GET, POST, HEAD, OPTIONS"


def test_a_write_without_csrf_token_is_refused_in_dutch(worker):
    client = login(Client(enforce_csrf_checks=True), worker)
    body = problem(post_json(client, reverse("api:request-list"), "{}"), 403)
    assert body["detail"].startswith("Het CSRF-token ontbreekt of klopt niet.")


@pytest.mark.parametrize(
    ("url_name", "query", "parameter"),
    [
        ("api:request-list", {"status": "AAA"}, "status"),
        ("api:request-list", {"q": "x" * 37}, "q"),
        ("api:request-list", {"page": "abc"}, "page"),
        ("api:request-list", {"page": "0"}, "page"),
        ("api:signal-list", {"status": "AAA"}, "status"),
        ("api:watch-list", {"mine": "ja"}, "mine"),
        ("api:watch-list", {"overdue": "2"}, "overdue"),
        ("api:carer-list", {"young": "yes"}, "young"),
        ("api:carer-list", {"overloaded": "maybe"}, "overloaded"),
        ("api:resident-list", {"q": "x" * 101}, "q"),
    ],
)
def test_an_unknown_filter_value_answers_400_naming_the_parameter(client, url_name, query, parameter):
    body = problem(client.get(reverse(url_name), query), 400)
    assert [(e["name"], e["parameter"]) for e in body["errors"]] == [(parameter, parameter)]
    assert "pointer" not in body["errors"][0]
    assert not AuditEvent.objects.exists()  # refused before anything was read


def test_an_unknown_consent_status_is_refused_before_the_resident_is_read(client, resident_north):
    url = reverse("api:resident-consent-list", args=[resident_north.public_id])
    body = problem(client.get(url, {"status": "AAA"}), 400)
    assert body["detail"] == "Onbekende waarde 'AAA'. Kies uit: active, ended, all."
    assert not AuditEvent.objects.exists()


def test_the_instance_is_the_path_without_the_query(client):
    """A search may carry a name or a BSN; the problem never repeats it."""
    body = problem(client.get(reverse("api:resident-list"), {"q": "111222333", "page": "-1"}), 400)
    assert body["instance"] == "/api/v1/inwoners"
    assert "111222333" not in json.dumps(body)


def test_an_unknown_api_path_and_a_trailing_slash_answer_404_problems_not_redirects(client):
    for path in ("/api/v1/bestaat-niet", reverse("api:request-list") + "/", "/api/v1/"):
        body = problem(client.get(path), 404)
        assert body["instance"] == path and body["title"] == "Niet gevonden"


def test_pages_outside_the_api_keep_their_html_404(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_an_unexpected_error_in_the_api_answers_a_500_problem_without_details(worker, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr("wijkkracht.care.api.selectors.signal_page", broken)
    client = login(Client(raise_request_exception=False), worker)
    body = problem(client.get(reverse("api:signal-list")), 500)
    assert (body["title"], body["code"]) == ("Interne fout", "server_error")
    assert "hunter2" not in json.dumps(body)


def test_the_problem_follows_the_users_language_switch(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = problem(client.get(reverse("api:request-list"), {"status": "AAA"}), 400)
    assert body["title"] == "Invalid input"
    assert body["detail"].startswith("Unknown value 'AAA'. Choose from: intake,")


def test_an_idle_session_ends_with_a_problem_in_the_api_not_a_redirect(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 60
    session = client.session
    session[IDLE_SESSION_KEY] = int(time.time()) - 61
    session.save()
    body = problem(client.get(reverse("api:request-list")), 403)
    assert (body["title"], body["code"]) == ("Niet ingelogd", "not_authenticated")
    assert body["detail"] == "U bent automatisch uitgelogd omdat u een tijd niets heeft gedaan."
    assert problem(client.get(reverse("api:request-list")), 403)["code"] == "not_authenticated"  # logged out
