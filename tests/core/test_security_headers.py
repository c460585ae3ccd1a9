import importlib.util
from pathlib import Path

import pytest
from django.templatetags.static import static
from django.test import Client
from django.urls import reverse

from wijkkracht.accounts.roles import Role

from ..conftest import login
from ..factories import PASSWORD

SETTINGS_PY = Path(__file__).resolve().parents[2] / "wijkkracht" / "settings.py"

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy():
    response = Client().get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"


def test_pages_link_only_the_apps_own_static_files():
    body = Client().get(reverse("accounts:login")).content.decode()
    assert "http://" not in body.replace('xmlns="http://www.w3.org', "") and "https://" not in body
    assert "<style" not in body and " style=" not in body
    assert "<script>" not in body


def test_the_health_check_answers():
    assert Client().get(reverse("core:health")).json() == {"status": "ok"}


def test_the_interface_is_dutch_even_when_the_browser_asks_for_english():
    response = Client().get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="nl"' in response.content.decode()
    assert "Inloggen" in response.content.decode()


def test_a_form_without_a_valid_token_gets_a_dutch_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()


# --- no copies of personal data in caches ------------------------------------------------------


def test_a_page_with_personal_data_may_not_be_stored_by_any_cache(make_user, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    response = client.get(reverse("people:resident-detail", args=[resident_north.public_id]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Pragma"] == "no-cache"


def test_an_api_answer_may_not_be_stored_by_any_cache(make_user, resident_north):
    client = login(Client(), make_user(Role.WORKER))
    response = client.get(reverse("api:resident-detail", args=[resident_north.public_id]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    refused = Client().get(reverse("api:me"))  # not logged in: refused, still not stored
    assert refused.status_code == 403
    assert refused["Cache-Control"] == "no-store"


def test_the_second_step_page_with_its_secret_is_not_stored_either(make_user):
    client = Client()
    client.post(
        reverse("accounts:login"), {"username": make_user(Role.WORKER, totp=False).username, "password": PASSWORD}
    )
    response = client.get(reverse("accounts:setup"))
    assert response.status_code == 200 and "data:image/svg+xml" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable():
    response = Client().get(static("wijkkracht/app.css"))
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]
    assert "max-age" in response["Cache-Control"]
    assert "Pragma" not in response


# --- HSTS ---------------------------------------------------------------------------------------


def test_https_answers_carry_hsts_for_the_host_and_its_subdomains(settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    assert Client().get(reverse("accounts:login"), secure=True)["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )
    assert "Strict-Transport-Security" not in Client().get(reverse("accounts:login"))  # plain HTTP: never


def test_behind_the_tls_proxy_a_forwarded_https_request_gets_hsts(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = Client().get(reverse("accounts:login"), HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def _settings_with(monkeypatch, **environ):
    """wijkkracht/settings.py evaluated afresh with these environment variables (the running settings untouched)."""
    for name in ("SECURE_COOKIES", "BEHIND_TLS_PROXY", "HSTS_SECONDS", "HSTS_INCLUDE_SUBDOMAINS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("settings_probe", SETTINGS_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _hsts(probe) -> dict:
    return {"seconds": probe.SECURE_HSTS_SECONDS, "include_subdomains": probe.SECURE_HSTS_INCLUDE_SUBDOMAINS}


@pytest.mark.parametrize(
    ("environ", "seconds"),
    [
        ({}, 0),  # a laptop on plain HTTP: no HSTS
        ({"SECURE_COOKIES": "true"}, 31_536_000),
        ({"BEHIND_TLS_PROXY": "true"}, 31_536_000),
        ({"SECURE_COOKIES": "true", "BEHIND_TLS_PROXY": "true", "HSTS_SECONDS": "300"}, 300),
    ],
)
def test_https_on_means_one_year_of_hsts_with_subdomains_unless_set(monkeypatch, environ, seconds):
    hsts = _hsts(_settings_with(monkeypatch, **environ))
    assert hsts == {"seconds": seconds, "include_subdomains": True}


def test_subdomains_can_be_left_out_of_hsts(monkeypatch):
    hsts = _hsts(_settings_with(monkeypatch, SECURE_COOKIES="true", HSTS_INCLUDE_SUBDOMAINS="false"))
    assert hsts == {"seconds": 31_536_000, "include_subdomains": False}
