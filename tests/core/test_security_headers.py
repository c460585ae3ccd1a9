import pytest
from django.test import Client
from django.urls import reverse

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
