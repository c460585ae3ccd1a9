"""Logging in: password, then the second factor; lockout; idle timeout. Every failure in Dutch."""

import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkkracht.accounts.roles import Role
from wijkkracht.accounts.views import PENDING_KEY
from wijkkracht.core.middleware import SESSION_KEY

from ..conftest import login
from ..factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
VERIFY = reverse("accounts:verify")
SETUP = reverse("accounts:setup")
HOME = reverse("core:home")


def code_for(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def password_step(client, user, password=PASSWORD):
    return client.post(LOGIN, {"username": user.username, "password": password})


def test_a_worker_logs_in_with_password_and_code(make_user):
    worker = make_user(Role.WORKER)
    client = Client()
    response = password_step(client, worker)
    assert response["Location"] == VERIFY
    assert client.get(HOME)["Location"].startswith(LOGIN)  # not logged in before the second step
    response = client.post(VERIFY, {"token": code_for(worker)})
    assert response["Location"] == HOME
    assert "Mijn teams" in client.get(HOME).content.decode()


def test_a_wrong_password_gets_a_dutch_message(make_user):
    response = password_step(Client(), make_user(), password="fout-wachtwoord")
    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord is onjuist." in response.content.decode()


def test_a_wrong_code_gets_a_dutch_message_and_no_login(make_user):
    worker = make_user()
    client = Client()
    password_step(client, worker)
    wrong = f"{(int(code_for(worker)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"token": wrong})
    assert "Deze code is onjuist of verlopen." in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_a_malformed_code_gets_a_dutch_message(make_user):
    client = Client()
    password_step(client, make_user())
    assert "Vul de zescijferige code in." in client.post(VERIFY, {"token": "12ab"}).content.decode()


def test_repeated_wrong_codes_are_throttled(make_user):
    worker = make_user()
    client = Client()
    password_step(client, worker)
    wrong = f"{(int(code_for(worker)) + 1) % 1_000_000:06d}"
    client.post(VERIFY, {"token": wrong})
    response = client.post(VERIFY, {"token": code_for(worker)})
    assert "Te veel onjuiste codes" in response.content.decode()


def test_the_account_locks_after_five_wrong_passwords(make_user):
    worker = make_user()
    client = Client()
    for _ in range(5):
        password_step(client, worker, password="fout")
    response = password_step(client, worker)  # even the right password is refused now
    assert response.status_code in (403, 429)
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    assert PENDING_KEY not in client.session


def test_first_login_enrols_an_authenticator(make_user, time_machine):
    worker = make_user(totp=False)
    client = Client()
    assert password_step(client, worker)["Location"] == SETUP
    page = client.get(SETUP).content.decode()
    assert "data:image/svg+xml;base64," in page
    device = TOTPDevice.objects.get(user=worker, confirmed=False)
    assert (
        "Deze code klopt niet"
        in client.post(SETUP, {"token": "000000" if code_for(worker) != "000000" else "111111"}).content.decode()
    )
    time_machine.move_to(time.time() + 1.1)  # a wrong code throttles the device for a second
    response = client.post(SETUP, {"token": code_for(worker)})
    assert response["Location"] == HOME
    device.refresh_from_db()
    assert device.confirmed


def test_an_enrolled_user_is_never_shown_a_new_key(make_user):
    client = Client()
    password_step(client, make_user())
    assert client.get(SETUP)["Location"] == VERIFY


def test_the_policy_analyst_logs_in_with_a_password_alone(make_user):
    analyst = make_user(Role.POLICY_ANALYST)
    client = Client()
    assert password_step(client, analyst)["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_the_second_step_expires(make_user):
    worker = make_user()
    client = Client()
    password_step(client, worker)
    session = client.session
    session[PENDING_KEY] = {**session[PENDING_KEY], "since": int(time.time()) - 600}
    session.save()
    response = client.post(VERIFY, {"token": code_for(worker)}, follow=True)
    assert "Log eerst in met uw gebruikersnaam en wachtwoord." in response.content.decode()


def test_an_idle_session_ends_after_the_timeout(make_user, settings):
    settings.SESSION_IDLE_TIMEOUT = 60
    worker = make_user()
    client = Client()
    password_step(client, worker)
    client.post(VERIFY, {"token": code_for(worker)})
    assert client.get(HOME).status_code == 200
    session = client.session
    session[SESSION_KEY] = int(time.time()) - 61
    session.save()
    response = client.get(HOME, follow=True)
    assert "U bent automatisch uitgelogd" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_an_open_redirect_after_login_is_ignored(make_user):
    analyst = make_user(Role.POLICY_ANALYST)
    response = Client().post(
        LOGIN, {"username": analyst.username, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == HOME


def test_english_is_available(make_user):
    client = Client()
    client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    assert 'lang="en"' in client.get(LOGIN).content.decode()


def test_activity_is_recorded_at_most_every_half_minute(make_user):
    """A busy worker's pages do not each write the session row; the idle clock still moves."""
    client = login(Client(), make_user())
    client.get(HOME)
    first = client.session[SESSION_KEY]
    with CaptureQueriesContext(connection) as ctx:
        client.get(HOME)
    assert not [q for q in ctx.captured_queries if q["sql"].startswith('UPDATE "django_session"')]
    session = client.session
    session[SESSION_KEY] = first - 31
    session.save()
    client.get(HOME)
    assert client.session[SESSION_KEY] >= first
